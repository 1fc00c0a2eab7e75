package no.samkost.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import no.samkost.common.ProblemException;

/** The year parameters the forward-looking endpoints share: a first year and a number of years. */
final class PlanningYears {

    private PlanningYears() {}

    /** The given first year, or this year in Norway; refused by name outside 2000-2100. */
    static int firstYear(Integer from, Clock clock) {
        int first = from != null
                ? from
                : LocalDate.now(clock.withZone(ZoneId.of("Europe/Oslo"))).getYear();
        if (first < 2000 || first > 2100) {
            throw ProblemException.invalidField("from", "a year from 2000 to 2100");
        }
        return first;
    }

    /** The given number of years, or {@code fallback}; refused by name outside 1-15. */
    static int years(Integer years, int fallback) {
        int count = years != null ? years : fallback;
        if (count < 1 || count > 15) {
            throw ProblemException.invalidField("years", "from 1 to 15");
        }
        return count;
    }
}
