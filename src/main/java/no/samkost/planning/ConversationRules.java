package no.samkost.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a conversation's answers must satisfy beyond their types and ranges, said once for the
 * register's JSON API and its CSV import, so both refuse the same rows with the same words.
 */
final class ConversationRules {

    /** The day of a conversation is the Norwegian one: a talk this morning in Oslo is not tomorrow's. */
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    static final int EARLIEST_YEAR = 2000;

    private ConversationRules() {}

    /** The expected hours of direct care a week, one decimal; both null when none was said. */
    record Hours(BigDecimal min, BigDecimal max) {
        boolean ordered() {
            return min == null || min.compareTo(max) <= 0;
        }
    }

    /** Why {@code heldOn} cannot be the day of a conversation, or empty. */
    static Optional<String> heldOnProblem(LocalDate heldOn, Clock clock) {
        if (heldOn.isAfter(LocalDate.now(clock.withZone(OSLO)))) {
            return Optional.of("a conversation cannot be held in the future");
        }
        if (heldOn.getYear() < EARLIEST_YEAR) {
            return Optional.of("a day from " + EARLIEST_YEAR + " on");
        }
        return Optional.empty();
    }

    /**
     * One bound stands for both (a single figure), kept with one decimal as the column keeps them;
     * the bounds' own checks (at most one decimal) come first, so nothing is rounded here.
     */
    static Hours hours(BigDecimal min, BigDecimal max) {
        BigDecimal low = min != null ? min : max;
        BigDecimal high = max != null ? max : min;
        return new Hours(scaled(low), scaled(high));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.UNNECESSARY);
    }
}
