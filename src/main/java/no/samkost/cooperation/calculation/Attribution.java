package no.samkost.cooperation.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Attributes one month's direct wages of a joint service to the placements active that month, in
 * proportion to usage (hours per week) x days placed that month. Each part becomes a direct wage
 * cost of the placed recipient in its home municipality's claim; the parts add up to the month's
 * wages exactly.
 */
public final class Attribution {

    private Attribution() {}

    /** One placement's part of a month, with what it was computed from. */
    public record Part(
            String placementId, long days, BigDecimal usageHoursPerWeek, BigDecimal weight, BigDecimal amount) {}

    /**
     * @param parts one per placement active in the month, in the order given
     * @param unattributed what could not be attributed because nobody was placed that month (0.00
     *     whenever there are parts)
     */
    public record Month(YearMonth month, BigDecimal directWages, List<Part> parts, BigDecimal unattributed) {}

    /**
     * @param placements the service's placements in a stable order (the tie-break for the last øre)
     */
    public static Month attribute(YearMonth month, BigDecimal directWages, List<PlacementPeriod> placements) {
        List<PlacementPeriod> active = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        List<Long> days = new ArrayList<>();
        for (PlacementPeriod p : placements) {
            long d = p.daysIn(month);
            if (d > 0) {
                active.add(p);
                days.add(d);
                weights.add(p.usageHoursPerWeek().multiply(BigDecimal.valueOf(d)));
            }
        }
        BigDecimal wages = directWages.setScale(2);
        if (active.isEmpty()) {
            return new Month(month, wages, List.of(), wages);
        }
        List<BigDecimal> amounts = Apportionment.apportion(wages, weights);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            PlacementPeriod p = active.get(i);
            parts.add(new Part(p.id(), days.get(i), p.usageHoursPerWeek(), weights.get(i), amounts.get(i)));
        }
        return new Month(month, wages, List.copyOf(parts), new BigDecimal("0.00"));
    }
}
