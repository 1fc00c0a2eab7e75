package no.samkost.cooperation.calculation;

import java.math.BigDecimal;

/**
 * What one member has of each split measure in a cost pool and year.
 *
 * @param municipality the member's municipality code; orders members and breaks ties
 * @param usageHours hours of direct care (usage per week x days / 7), exact
 */
public record MemberMeasures(
        String municipality, long population, long placements, long placementDays, BigDecimal usageHours) {

    public MemberMeasures {
        if (population < 0 || placements < 0 || placementDays < 0 || usageHours.signum() < 0) {
            throw new IllegalArgumentException("negative measure for " + municipality);
        }
    }

    BigDecimal of(SplitMeasure measure) {
        return switch (measure) {
            case EQUAL -> BigDecimal.ONE;
            case POPULATION -> BigDecimal.valueOf(population);
            case PLACEMENTS -> BigDecimal.valueOf(placements);
            case PLACEMENT_DAYS -> BigDecimal.valueOf(placementDays);
            case USAGE -> usageHours;
        };
    }
}
