package no.samkost.cooperation.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What one more recipient served for a whole year in a joint service costs its home, from the
 * service's own year: the direct wages at the year's price of care plus a place's part of the
 * shared costs.
 *
 * <pre>
 *   price of care   = the year's direct wages / the year's care (confirmed placements' usage x days)
 *   directWageCost  = price x usage of the added recipient x days in the year
 *   sharedCost      = the year's shared costs / capacity
 *   placeCost       = directWageCost + sharedCost
 * </pre>
 *
 * The price is what attribution charges each placement per hour of care and day (each home's own
 * lines give it month by month), so the added recipient is charged as its placement would be. The
 * shared costs are fixed for the service (building, administration): a place carries its part of
 * them when the service is full, whatever the agreement's split key does with them this year. Only
 * {@code directWageCost} is a direct wage cost of the recipient, and only it earns a grant. A year
 * without care given has no price (empty). Money is rounded half up to øre, each part once.
 * Plain Java.
 */
public final class PlaceCost {

    private PlaceCost() {}

    public record Result(BigDecimal directWageCost, BigDecimal sharedCost, BigDecimal placeCost) {}

    /**
     * @param wages the service's direct wages in the year
     * @param care the year's care: every confirmed placement's usage (hours a week) x days placed in the year
     * @param shared the service's shared costs in the year
     * @param capacity the service's places, at least 1
     * @param usageHoursPerWeek the added recipient's care, more than 0
     * @param daysInYear 365 or 366
     */
    public static Optional<Result> of(
            BigDecimal wages,
            BigDecimal care,
            BigDecimal shared,
            int capacity,
            BigDecimal usageHoursPerWeek,
            int daysInYear) {
        Objects.requireNonNull(wages, "wages");
        Objects.requireNonNull(shared, "shared");
        if (capacity < 1 || usageHoursPerWeek.signum() <= 0 || care.signum() < 0) {
            throw new IllegalArgumentException(
                    "capacity " + capacity + ", usage " + usageHoursPerWeek + ", care " + care);
        }
        if (care.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal direct = wages.multiply(usageHoursPerWeek)
                .multiply(BigDecimal.valueOf(daysInYear))
                .divide(care, 2, RoundingMode.HALF_UP);
        BigDecimal sharedPart = shared.divide(BigDecimal.valueOf(capacity), 2, RoundingMode.HALF_UP);
        return Optional.of(new Result(direct, sharedPart, direct.add(sharedPart)));
    }
}
