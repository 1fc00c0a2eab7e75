package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a projection of a grant year's missing values assumes: from the newest earlier grant year
 * that has the value, the threshold grows each year by the wage growth and then by an extra step
 * (the state added 10 000 to 50 000 above wage growth in several years), the intellectual-disability
 * deduction by the wage growth, each year rounded to whole thousands; the rate stays as it was.
 *
 * @param yearlyWageGrowth e.g. 0.043 for 4.3 % a year
 * @param yearlyExtraStep NOK added to the threshold each year after the wage growth, 0 for none
 * @param origin where these assumptions come from: the rules directory's default, the operator's, or the request's
 */
public record ProjectionAssumptions(BigDecimal yearlyWageGrowth, BigDecimal yearlyExtraStep, String origin) {

    public ProjectionAssumptions {
        Objects.requireNonNull(yearlyWageGrowth, "yearlyWageGrowth");
        Objects.requireNonNull(yearlyExtraStep, "yearlyExtraStep");
        Objects.requireNonNull(origin, "origin");
        if (yearlyWageGrowth.compareTo(new BigDecimal("-0.20")) < 0
                || yearlyWageGrowth.compareTo(new BigDecimal("0.50")) > 0) {
            throw new IllegalArgumentException("yearlyWageGrowth must be from -0.20 to 0.50 (0.043 for 4.3 %)");
        }
        if (yearlyExtraStep.signum() < 0 || yearlyExtraStep.compareTo(new BigDecimal("1000000")) > 0) {
            throw new IllegalArgumentException("yearlyExtraStep must be from 0 to 1 000 000 NOK");
        }
    }
}
