package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Rules for a grant year without published figures, projected from the newest year that has them
 * (see {@link ProjectionAssumptions}). Year by year from the base: the threshold grows by the wage
 * growth and then by the extra step; the intellectual-disability deduction by the wage growth
 * (the state's extra steps were on the threshold); each rounded half up to whole thousands, as the
 * circulars publish them. The rate stays the base year's. The birth-year cut-offs follow the
 * pattern of every verified year: the deduction for those born in or before G - 19, the age
 * limit for those born in or after G - 68. Every value is PROJECTED.
 */
public final class RuleProjection {

    /** A projection reaches at most this many grant years past the newest with figures. */
    public static final int MAX_YEARS_AHEAD = 10;

    static final int DEDUCTION_AGE = 19;
    static final int AGE_LIMIT = 68;
    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    private RuleProjection() {}

    public static GrantRules project(GrantRules base, int grantYear, ProjectionAssumptions assumptions) {
        if (grantYear <= base.grantYear() || grantYear > base.grantYear() + MAX_YEARS_AHEAD) {
            throw new IllegalArgumentException("a projection reaches grant years " + (base.grantYear() + 1) + " to "
                    + (base.grantYear() + MAX_YEARS_AHEAD) + ", not " + grantYear);
        }
        if (assumptions.fromGrantYear() != base.grantYear()) {
            throw new IllegalArgumentException("the assumptions are from grant year " + assumptions.fromGrantYear()
                    + ", the base is " + base.grantYear());
        }
        BigDecimal growth = BigDecimal.ONE.add(assumptions.yearlyWageGrowth());
        BigDecimal threshold = base.threshold();
        BigDecimal deduction = base.intellectualDisabilityDeduction();
        for (int year = base.grantYear() + 1; year <= grantYear; year++) {
            threshold = thousands(threshold.multiply(growth).add(assumptions.yearlyExtraStep()));
            deduction = deduction == null ? null : thousands(deduction.multiply(growth));
        }
        return new GrantRules(
                grantYear,
                threshold,
                base.compensationRate(),
                deduction,
                grantYear - DEDUCTION_AGE,
                grantYear - AGE_LIMIT,
                new RuleProvenance(
                        "projected from the rules of grant year " + base.grantYear() + " (" + base.source() + ")",
                        ValueStatus.PROJECTED,
                        Map.of(),
                        Map.of(),
                        assumptions));
    }

    private static BigDecimal thousands(BigDecimal amount) {
        return amount.divide(THOUSAND, 0, RoundingMode.HALF_UP)
                .multiply(THOUSAND)
                .setScale(2);
    }
}
