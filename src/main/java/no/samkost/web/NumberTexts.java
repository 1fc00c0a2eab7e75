package no.samkost.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;

/**
 * {@link Formats} as template functions, {@code {tall:nok(y.grant)}}, for the planning figures the
 * services leave null when they cannot be known (a grant without rules): a function prints nothing
 * for null, where {@code {y.grant.nok}} would fail on it.
 */
@TemplateExtension(namespace = "tall")
public final class NumberTexts {

    private NumberTexts() {}

    static String nok(BigDecimal amount) {
        return amount == null ? "–" : Formats.nok(amount);
    }

    static String plain(BigDecimal amount) {
        return Formats.plain(amount);
    }

    static String percent(BigDecimal share) {
        return share == null ? "–" : Formats.percent(share);
    }

    static String decimal(BigDecimal value) {
        return value == null ? "–" : Formats.decimal(value);
    }

    /** An expected number of people, two decimals: {@code 3,25}. */
    static String count(BigDecimal value) {
        return value == null ? "–" : Formats.number(value);
    }
}
