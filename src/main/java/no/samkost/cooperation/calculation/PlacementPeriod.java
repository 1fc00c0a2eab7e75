package no.samkost.cooperation.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A placement as the calculations see it: when, and how much care (hours of direct care per week).
 *
 * @param id the placement's id; the calculations only carry it
 * @param from first day placed
 * @param to last day placed, inclusive; {@code null} while the placement is open
 */
public record PlacementPeriod(String id, LocalDate from, LocalDate to, BigDecimal usageHoursPerWeek) {

    public PlacementPeriod {
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("placement " + id + " ends before it starts");
        }
        if (usageHoursPerWeek.signum() <= 0) {
            throw new IllegalArgumentException("placement " + id + " needs a positive usage");
        }
    }

    /** Days placed between {@code first} and {@code last}, both inclusive. */
    public long daysWithin(LocalDate first, LocalDate last) {
        LocalDate start = from.isAfter(first) ? from : first;
        LocalDate end = to == null || to.isAfter(last) ? last : to;
        return end.isBefore(start) ? 0 : ChronoUnit.DAYS.between(start, end) + 1;
    }

    public long daysIn(YearMonth month) {
        return daysWithin(month.atDay(1), month.atEndOfMonth());
    }

    public long daysIn(int year) {
        return daysWithin(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
