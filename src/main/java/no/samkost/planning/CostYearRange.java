package no.samkost.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import no.samkost.common.ProblemException;

/**
 * The cost years a key-figures request covers, checked where the request enters: at most 15 years,
 * by default the last five that have ended. A municipality's and a cooperation's key figures take
 * the same range.
 */
public record CostYearRange(int from, int to) {

    public static CostYearRange of(Integer from, Integer to, Clock clock) {
        int last = to != null
                ? to
                : LocalDate.now(clock.withZone(ZoneId.of("Europe/Oslo"))).getYear() - 1;
        int first = from != null ? from : last - 4;
        if (last < 2000 || last > 2100) {
            throw ProblemException.invalidField("to", "a cost year from 2000 to 2100");
        }
        if (first < 2000 || first > last) {
            throw ProblemException.invalidField("from", "a cost year from 2000 to `to`");
        }
        if (last - first >= 15) {
            throw ProblemException.invalidField("from", "at most 15 years from `from` to `to`");
        }
        return new CostYearRange(first, last);
    }
}
