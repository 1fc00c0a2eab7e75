package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientYear;

/**
 * The real grant calculator's rules ({@link GrantCalculator}) for one grant year, in whole øre and
 * {@code long} arithmetic, for the simulation's hot loop: tens of millions of grants would be too
 * slow in {@code BigDecimal}. The same policies in the same order, with the same rounding:
 *
 * <ol>
 *   <li>born before {@code eligibleBornOnOrAfter}: grant 0;
 *   <li>with an intellectual disability and born on or before the cut-off: the year's deduction;
 *   <li>{@code basis = max(0, costs - deductions - threshold)};
 *   <li>{@code grant = basis x rate}, half up to øre.
 * </ol>
 *
 * <p>RiskPoolingGrantProperties compares it with {@link GrantCalculator#calculate} on random rules and
 * recipients, figure for figure. Only complete rules are accepted (every value present, the amounts
 * in whole øre): a simulated grant is never "unknown".
 */
final class GrantInOre {

    final int grantYear;
    private final long thresholdOre;
    private final long deductionOre;
    private final int deductionBornOnOrBefore;
    private final int eligibleBornOnOrAfter;
    private final BigDecimal rate;
    /** The rate as {@code rateUnits / rateUnit}, {@code rateUnit = 10^rateScale}. */
    private final long rateUnits;

    private final long rateUnit;

    private final int rateScale;

    private GrantInOre(GrantRules rules) {
        this.grantYear = rules.grantYear();
        this.thresholdOre = ore(rules.threshold(), "threshold");
        this.deductionOre = ore(rules.intellectualDisabilityDeduction(), "intellectualDisabilityDeduction");
        this.deductionBornOnOrBefore = rules.intellectualDisabilityBornOnOrBefore();
        this.eligibleBornOnOrAfter = rules.eligibleBornOnOrAfter();
        this.rate = rules.compensationRate();
        BigDecimal stripped = rate.stripTrailingZeros();
        if (stripped.scale() > 18) {
            throw new IllegalArgumentException(
                    "grant year " + grantYear + ": a rate with more than 18 decimals: " + rate.toPlainString());
        }
        int scale = Math.max(0, stripped.scale());
        this.rateUnits = stripped.movePointRight(scale).longValueExact();
        this.rateUnit = BigDecimal.ONE.movePointRight(scale).longValueExact();
        this.rateScale = scale;
    }

    /**
     * @throws IllegalArgumentException when the rules lack a value (the simulation cannot leave a
     *     grant unknown: project the year's rules first) or an amount is not whole øre
     */
    static GrantInOre of(GrantRules rules) {
        if (!rules.missingParameters().isEmpty()) {
            throw new IllegalArgumentException("the rules of grant year " + rules.grantYear() + " lack "
                    + String.join(", ", rules.missingParameters())
                    + ": a simulation needs every value (project the year first)");
        }
        return new GrantInOre(rules);
    }

    /** The birth year before which a recipient is past the age limit, and leaves. */
    int eligibleBornOnOrAfter() {
        return eligibleBornOnOrAfter;
    }

    /**
     * The grant in øre, as {@link GrantCalculator#calculate} gives it for a {@link RecipientYear}
     * with these figures.
     *
     * @param costsOre the direct wage costs, øre
     * @param otherDeductionsOre earmarked grants + host-municipality grant + user payments, øre
     */
    long grant(long costsOre, long otherDeductionsOre, int birthYear, boolean intellectualDisability) {
        if (birthYear < eligibleBornOnOrAfter) {
            return 0;
        }
        long deductions = otherDeductionsOre;
        if (intellectualDisability && birthYear <= deductionBornOnOrBefore) {
            deductions += deductionOre;
        }
        long basis = costsOre - deductions - thresholdOre;
        if (basis <= 0) {
            return 0;
        }
        long product;
        try {
            product = Math.multiplyExact(basis, rateUnits);
        } catch (ArithmeticException tooLarge) {
            return BigDecimal.valueOf(basis)
                    .multiply(rate)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
        // half up: a remainder of half a unit or more rounds up (product is never negative); the
        // common scales divide by a constant, which the JIT turns into a multiplication
        long whole =
                switch (rateScale) {
                    case 0 -> product;
                    case 1 -> product / 10;
                    case 2 -> product / 100;
                    case 3 -> product / 1000;
                    case 4 -> product / 10000;
                    default -> product / rateUnit;
                };
        long remainder = product - whole * rateUnit;
        return remainder >= rateUnit - remainder ? whole + 1 : whole;
    }

    private static long ore(BigDecimal amount, String name) {
        try {
            return amount.movePointRight(2).longValueExact();
        } catch (ArithmeticException notWholeOre) {
            throw new IllegalArgumentException(name + " is not a whole number of øre: " + amount.toPlainString());
        }
    }
}
