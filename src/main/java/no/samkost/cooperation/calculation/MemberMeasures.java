package no.samkost.cooperation.calculation;

import java.math.BigDecimal;

/**
 * What one member has of each split measure in a cost pool and year.
 *
 * @param municipality the member's municipality code; orders members and breaks ties
 * @param usageDays usage (hours of direct care per week) x days placed, summed over placements:
 *     proportional to the hours of care, and exact
 */
public record MemberMeasures(
        String municipality, long population, long placements, long placementDays, BigDecimal usageDays) {

    public MemberMeasures {
        if (population < 0 || placements < 0 || placementDays < 0 || usageDays.signum() < 0) {
            throw new IllegalArgumentException("negative measure for " + municipality);
        }
    }

    BigDecimal of(SplitMeasure measure) {
        return switch (measure) {
            case EQUAL -> BigDecimal.ONE;
            case POPULATION -> BigDecimal.valueOf(population);
            case PLACEMENTS -> BigDecimal.valueOf(placements);
            case PLACEMENT_DAYS -> BigDecimal.valueOf(placementDays);
            case USAGE -> usageDays;
        };
    }
}
