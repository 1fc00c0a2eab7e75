package no.samkost.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import no.samkost.support.GrantReference;
import org.junit.jupiter.api.Test;

/** DOMAIN.md's public worked example and the edges around it. */
class GrantCalculatorTest {

    /** IS-4/2024: applies to the costs of 2023. */
    static final GrantRules IS_4_2024 = GrantReference.IS_4_2024;

    static RecipientYear recipient(int birthYear, boolean intellectualDisability, String costs, String userPayments) {
        return new RecipientYear(
                "R-17",
                birthYear,
                intellectualDisability,
                new BigDecimal(costs),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal(userPayments));
    }

    @Test
    void workedExampleWithIntellectualDisability() {
        // deductions = 40 000 + 832 000 = 872 000; basis = 3 200 000 - 872 000 - 1 608 000 = 720 000
        RecipientGrant g = GrantCalculator.calculate(IS_4_2024, recipient(1990, true, "3200000", "40000"));
        assertEquals(true, g.eligible());
        assertNull(g.reason());
        assertEquals(new BigDecimal("3200000.00"), g.costs());
        assertEquals(new BigDecimal("832000.00"), g.intellectualDisabilityDeduction());
        assertEquals(new BigDecimal("720000.00"), g.basis());
        assertEquals(new BigDecimal("576000.00"), g.grant());
    }

    @Test
    void workedExampleBornTooEarly() {
        RecipientGrant g = GrantCalculator.calculate(IS_4_2024, recipient(1950, true, "3200000", "40000"));
        assertEquals(false, g.eligible());
        assertEquals(GrantReason.AGE_LIMIT, g.reason());
        assertEquals(new BigDecimal("0.00"), g.grant());
    }

    @Test
    void workedExampleWithoutIntellectualDisability() {
        RecipientGrant g = GrantCalculator.calculate(IS_4_2024, recipient(1990, false, "3200000", "40000"));
        assertEquals(new BigDecimal("0.00"), g.intellectualDisabilityDeduction());
        assertEquals(new BigDecimal("1552000.00"), g.basis());
        assertEquals(new BigDecimal("1241600.00"), g.grant());
    }

    @Test
    void theAgeLimitAndTheDeductionCutOffAreInclusive() {
        assertEquals(
                true,
                GrantCalculator.calculate(IS_4_2024, recipient(1956, false, "3200000", "0"))
                        .eligible());
        assertEquals(
                false,
                GrantCalculator.calculate(IS_4_2024, recipient(1955, false, "3200000", "0"))
                        .eligible());
        assertEquals(
                new BigDecimal("832000.00"),
                GrantCalculator.calculate(IS_4_2024, recipient(2005, true, "3200000", "0"))
                        .intellectualDisabilityDeduction());
        assertEquals(
                new BigDecimal("0.00"),
                GrantCalculator.calculate(IS_4_2024, recipient(2006, true, "3200000", "0"))
                        .intellectualDisabilityDeduction());
    }

    @Test
    void belowTheThresholdIsZeroWithAReason() {
        RecipientGrant g = GrantCalculator.calculate(IS_4_2024, recipient(1990, false, "1608000", "0"));
        assertEquals(true, g.eligible());
        assertEquals(GrantReason.BELOW_THRESHOLD, g.reason());
        assertEquals(new BigDecimal("0.00"), g.basis());
        assertEquals(new BigDecimal("0.00"), g.grant());
    }

    @Test
    void theGrantIsRoundedHalfUpToOre() {
        // basis 0.01 above the threshold -> 0.008 -> 0.01; basis 0.06 -> 0.048 -> 0.05
        assertEquals(
                new BigDecimal("0.01"),
                GrantCalculator.calculate(IS_4_2024, recipient(1990, false, "1608000.01", "0"))
                        .grant());
        assertEquals(
                new BigDecimal("0.05"),
                GrantCalculator.calculate(IS_4_2024, recipient(1990, false, "1608000.06", "0"))
                        .grant());
        // 0.80 x 0.03 = 0.024 -> 0.02; 0.80 x 0.07 = 0.056 -> 0.06
        assertEquals(
                new BigDecimal("0.02"),
                GrantCalculator.calculate(IS_4_2024, recipient(1990, false, "1608000.03", "0"))
                        .grant());
        assertEquals(
                new BigDecimal("0.06"),
                GrantCalculator.calculate(IS_4_2024, recipient(1990, false, "1608000.07", "0"))
                        .grant());
    }

    @Test
    void everyDeductionCounts() {
        RecipientYear r = new RecipientYear(
                "R-1",
                1990,
                false,
                new BigDecimal("3000000"),
                new BigDecimal("100000"),
                new BigDecimal("200000"),
                new BigDecimal("50000"));
        // 3 000 000 - 350 000 - 1 608 000 = 1 042 000; x 0.8 = 833 600
        assertEquals(
                new BigDecimal("833600.00"),
                GrantCalculator.calculate(IS_4_2024, r).grant());
    }

    /** 2010 (costs of 2009): threshold and rate are known, the age limit and deduction are not. */
    static final GrantRules GRANT_YEAR_2010 = new GrantRules(
            2010,
            new BigDecimal("865000.00"),
            new BigDecimal("0.80"),
            null,
            null,
            null,
            RuleProvenance.of(ValueStatus.SECONDARY, "state budget 2010"));

    @Test
    void missingParametersAreNeverGuessed() {
        RecipientGrant g = GrantCalculator.calculate(GRANT_YEAR_2010, recipient(1990, false, "2000000", "0"));
        assertEquals(GrantReason.RULES_INCOMPLETE, g.reason());
        assertNull(g.eligible());
        assertNull(g.basis());
        assertNull(g.grant());
    }

    @Test
    void butAZeroGrantThatNoMissingParameterCouldChangeIsBelowThreshold() {
        RecipientGrant g = GrantCalculator.calculate(GRANT_YEAR_2010, recipient(1990, true, "800000", "0"));
        assertEquals(GrantReason.BELOW_THRESHOLD, g.reason());
        assertEquals(new BigDecimal("0.00"), g.grant());
        assertNull(g.intellectualDisabilityDeduction(), "the deduction itself stays unknown");
    }

    @Test
    void anUnknownDeductionMattersOnlyForRecipientsItCouldApplyTo() {
        GrantRules knownAgeOnly = new GrantRules(
                2021,
                new BigDecimal("1430000.00"),
                new BigDecimal("0.80"),
                null,
                2002,
                1953,
                RuleProvenance.of(ValueStatus.VERIFIED, "IS-4/2021"));
        assertEquals(
                GrantReason.RULES_INCOMPLETE,
                GrantCalculator.calculate(knownAgeOnly, recipient(1990, true, "3000000", "0"))
                        .reason());
        assertEquals(
                new BigDecimal("1256000.00"),
                GrantCalculator.calculate(knownAgeOnly, recipient(1990, false, "3000000", "0"))
                        .grant());
        assertEquals(
                new BigDecimal("1256000.00"),
                GrantCalculator.calculate(knownAgeOnly, recipient(2003, true, "3000000", "0"))
                        .grant(),
                "born after the cut-off: no deduction, so its amount does not matter");
    }
}
