package no.samkost.reimbursement;

import java.math.BigDecimal;
import no.samkost.common.ProblemException;

/**
 * A request's own projection assumptions (query parameters {@code yearlyWageGrowth},
 * {@code yearlyExtraStep}); null for each it leaves to the defaults.
 */
public record ProjectionRequest(BigDecimal yearlyWageGrowth, BigDecimal yearlyExtraStep) {

    public static final ProjectionRequest DEFAULTS = new ProjectionRequest(null, null);

    static final BigDecimal LOWEST_GROWTH = new BigDecimal("-0.20");
    static final BigDecimal HIGHEST_GROWTH = new BigDecimal("0.50");
    static final BigDecimal HIGHEST_STEP = new BigDecimal("1000000");

    private static final java.util.regex.Pattern GROWTH = java.util.regex.Pattern.compile("-?\\d(\\.\\d{1,6})?");
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("\\d{1,7}(\\.\\d{1,2})?");

    /** The query's text, refused with the field's name when it is not a value in bounds (a typo, not a scenario). */
    public static ProjectionRequest of(String yearlyWageGrowth, String yearlyExtraStep) {
        BigDecimal growth = null;
        if (yearlyWageGrowth != null) {
            growth = GROWTH.matcher(yearlyWageGrowth).matches() ? new BigDecimal(yearlyWageGrowth) : null;
            if (growth == null || growth.compareTo(LOWEST_GROWTH) < 0 || growth.compareTo(HIGHEST_GROWTH) > 0) {
                throw ProblemException.invalidField(
                        "yearlyWageGrowth",
                        "a yearly growth from -0.20 to 0.50 with at most 6 decimals (0.043 for 4.3 %)");
            }
        }
        BigDecimal step = null;
        if (yearlyExtraStep != null) {
            step = STEP.matcher(yearlyExtraStep).matches() ? new BigDecimal(yearlyExtraStep) : null;
            if (step == null || step.compareTo(HIGHEST_STEP) > 0) {
                throw ProblemException.invalidField(
                        "yearlyExtraStep", "NOK from 0 to 1000000 a year with at most 2 decimals");
            }
        }
        return new ProjectionRequest(growth, step);
    }
}
