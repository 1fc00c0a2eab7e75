package no.samkost.planning.calculation;

import java.math.BigDecimal;

/**
 * Stepwise fixed staffing: serving {@code n} recipients takes {@code ceil(n / unitCapacity)} units
 * (none for no recipients), each at {@code unitFixedCost} a year. The fixed cost is direct wages
 * (staff in direct contact with the recipients), so each recipient's share of it counts as that
 * recipient's direct wage cost in the grant.
 *
 * @param unitCapacity recipients one unit serves, at least 1
 * @param unitFixedCost a unit's yearly cost, NOK, not negative
 */
public record Staffing(int unitCapacity, BigDecimal unitFixedCost) {

    public Staffing {
        if (unitCapacity < 1) {
            throw new IllegalArgumentException("a unit serves at least 1 recipient, not " + unitCapacity);
        }
        Amounts.ore(unitFixedCost, "unitFixedCost");
    }

    /** The units {@code recipients} need. */
    public int units(int recipients) {
        return (int) ((recipients + (long) unitCapacity - 1) / unitCapacity);
    }
}
