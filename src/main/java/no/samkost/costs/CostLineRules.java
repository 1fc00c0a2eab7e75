package no.samkost.costs;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.samkost.common.InputText;

/**
 * The rules every cost line obeys, whether it comes as JSON or as a CSV row, so both paths refuse
 * the same things with the same words. Plain Java; returns problems instead of throwing.
 */
public final class CostLineRules {

    /** No single monthly line for one recipient is anywhere near this; above it is a typo. */
    public static final BigDecimal MAX_ABS_AMOUNT = new BigDecimal("100000000.00");

    public static final int EARLIEST_YEAR = 2000;
    public static final int MAX_NOTE = 500;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");

    private CostLineRules() {}

    /** One problem with one field of a line. */
    public record Issue(String field, String message) {}

    /** A line that passed every rule. */
    public record ValidLine(
            String recipientRef, YearMonth period, CostCategory category, BigDecimal amount, String note) {}

    public record Checked(ValidLine line, List<Issue> issues) {
        public boolean valid() {
            return issues.isEmpty();
        }
    }

    /** Checks the raw text of a line; {@code latestYear} is the last year a period may be in. */
    public static Checked check(
            String recipientRef, String period, String category, String amount, String note, int latestYear) {
        List<Issue> issues = new ArrayList<>();
        refuseForbiddenText("recipientRef", recipientRef, issues);
        refuseForbiddenText("period", period, issues);
        refuseForbiddenText("category", category, issues);
        refuseForbiddenText("amount", amount, issues);
        refuseForbiddenText("note", note, issues);
        if (!issues.isEmpty()) {
            return new Checked(null, List.copyOf(issues));
        }
        String ref = recipientRef == null ? "" : spaces(recipientRef);
        if (ref.isEmpty()) {
            issues.add(new Issue("recipientRef", "is required"));
        }
        YearMonth month = parsePeriod(period, latestYear, issues);
        CostCategory kind = parseCategory(category, issues);
        BigDecimal value = parseAmount(amount, issues);
        String text = parseNote(note, value, issues);
        if (!issues.isEmpty()) {
            return new Checked(null, List.copyOf(issues));
        }
        return new Checked(new ValidLine(ref, month, kind, value, text), List.of());
    }

    /** Text with a control, bidi or undecodable character is refused, never trimmed into something else. */
    private static void refuseForbiddenText(String field, String value, List<Issue> issues) {
        InputText.problem(value).ifPresent(problem -> issues.add(new Issue(field, problem)));
    }

    /** Ordinary spaces around a value (a spreadsheet's padding) are not part of it; nothing else is removed. */
    private static String spaces(String value) {
        return InputText.unpadded(value);
    }

    /** The note without surrounding spaces, or null; a correction must have one. Shared with the joint costs. */
    public static String parseNote(String note, BigDecimal amount, List<Issue> issues) {
        String text = note == null || spaces(note).isEmpty() ? null : spaces(note);
        if (text != null && text.length() > MAX_NOTE) {
            issues.add(new Issue("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (text != null) {
            refuseForbiddenText("note", text, issues);
        }
        if (amount != null && amount.signum() < 0 && text == null) {
            issues.add(new Issue("note", "a correction (negative amount) must say why in a note"));
        }
        return text;
    }

    /** A month YYYY-MM from {@link #EARLIEST_YEAR} to {@code latestYear}, or null with an issue. */
    public static YearMonth parsePeriod(String period, int latestYear, List<Issue> issues) {
        if (period == null || !PERIOD.matcher(spaces(period)).matches()) {
            issues.add(new Issue("period", "must be a month written YYYY-MM, e.g. 2023-03"));
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(spaces(period));
            if (month.getYear() < EARLIEST_YEAR || month.getYear() > latestYear) {
                issues.add(new Issue("period", "must be in " + EARLIEST_YEAR + "-" + latestYear));
                return null;
            }
            return month;
        } catch (DateTimeParseException e) {
            issues.add(new Issue("period", "month must be 01-12"));
            return null;
        }
    }

    private static CostCategory parseCategory(String category, List<Issue> issues) {
        CostCategory kind = null;
        for (CostCategory c : CostCategory.values()) {
            if (c.name().equals(category == null ? null : spaces(category))) {
                kind = c;
            }
        }
        if (kind == null) {
            issues.add(new Issue(
                    "category",
                    "must be one of DIRECT_WAGES, PURCHASED_SERVICES, INDIRECT, "
                            + "EARMARKED_GRANT, HOST_MUNICIPALITY_GRANT, USER_PAYMENT"));
            return null;
        }
        if (!kind.writableByClients()) {
            issues.add(
                    new Issue("category", "JOINT_SERVICE lines are written by the cooperation module, not by clients"));
            return null;
        }
        return kind;
    }

    /** A non-zero amount of at most 2 decimals within the per-line limit, or null with an issue. */
    public static BigDecimal parseAmount(String amount, List<Issue> issues) {
        String text = amount == null ? "" : spaces(amount);
        if (!AMOUNT.matcher(text).matches()) {
            issues.add(
                    new Issue("amount", "must be an amount in NOK with at most 2 decimals and a point, e.g. 12500.50"));
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() == 0) {
            issues.add(new Issue("amount", "must not be zero"));
            return null;
        }
        if (value.abs().compareTo(MAX_ABS_AMOUNT) > 0) {
            issues.add(new Issue("amount", "must be at most " + MAX_ABS_AMOUNT.toPlainString() + " NOK per line"));
            return null;
        }
        return value.setScale(2);
    }
}
