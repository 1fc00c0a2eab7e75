package no.samkost.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import no.samkost.support.GrantReference;
import org.junit.jupiter.api.Test;

/**
 * Projections from IS-4/2024 (threshold 1 608 000, ID deduction 832 000, rate 0.80), worked by hand:
 *
 * <pre>
 * 4.0 % a year, no extra step:
 *   2025  threshold 1 608 000 x 1.04 = 1 672 320    -> 1 672 000   deduction 832 000 x 1.04 = 865 280 -> 865 000
 *   2026  threshold 1 672 000 x 1.04 = 1 738 880    -> 1 739 000   deduction 865 000 x 1.04 = 899 600 -> 900 000
 * 5.0 % a year and 20 000 above it (on the threshold only):
 *   2025  1 608 000 x 1.05 = 1 688 400 + 20 000 = 1 708 400 -> 1 708 000   deduction 873 600 -> 874 000
 *   2026  1 708 000 x 1.05 = 1 793 400 + 20 000 = 1 813 400 -> 1 813 000   deduction 917 700 -> 918 000
 * cut-offs of 2026 by the pattern: the deduction for those born in or before 2026 - 19 = 2007,
 * the age limit from 2026 - 68 = 1958.
 * </pre>
 */
class RuleProjectionTest {

    static final GrantRules BASE = GrantReference.IS_4_2024;

    static ProjectionAssumptions assumptions(String growth, String step) {
        return new ProjectionAssumptions(2024, new BigDecimal(growth), new BigDecimal(step), "test");
    }

    @Test
    void twoYearsAheadAtFourPercent() {
        GrantRules y2025 = RuleProjection.project(BASE, 2025, assumptions("0.040", "0"));
        assertEquals(new BigDecimal("1672000.00"), y2025.threshold());
        assertEquals(new BigDecimal("865000.00"), y2025.intellectualDisabilityDeduction());
        GrantRules y2026 = RuleProjection.project(BASE, 2026, assumptions("0.040", "0"));
        assertEquals(new BigDecimal("1739000.00"), y2026.threshold());
        assertEquals(new BigDecimal("900000.00"), y2026.intellectualDisabilityDeduction());
        assertEquals(new BigDecimal("0.80"), y2026.compensationRate());
        assertEquals(2007, y2026.intellectualDisabilityBornOnOrBefore());
        assertEquals(1958, y2026.eligibleBornOnOrAfter());
        assertEquals(ValueStatus.PROJECTED, y2026.status());
        for (String parameter : GrantRules.PARAMETERS) {
            assertEquals(ValueStatus.PROJECTED, y2026.statusOf(parameter), parameter);
        }
        assertTrue(y2026.projected());
        assertTrue(y2026.source().contains("2024"), y2026.source());
    }

    @Test
    void anExtraStepGrowsTheThresholdOnly() {
        GrantRules y2026 = RuleProjection.project(BASE, 2026, assumptions("0.05", "20000"));
        assertEquals(new BigDecimal("1813000.00"), y2026.threshold());
        assertEquals(new BigDecimal("918000.00"), y2026.intellectualDisabilityDeduction());
        assertEquals(new BigDecimal("20000"), y2026.provenance().projection().yearlyExtraStep());
    }

    @Test
    void itReachesTenYearsAheadAndNoFurtherNorBack() {
        assertEquals(
                2034,
                RuleProjection.project(BASE, 2034, assumptions("0.04", "0")).grantYear());
        assertThrows(
                IllegalArgumentException.class, () -> RuleProjection.project(BASE, 2035, assumptions("0.04", "0")));
        assertThrows(
                IllegalArgumentException.class, () -> RuleProjection.project(BASE, 2024, assumptions("0.04", "0")));
        assertThrows(
                IllegalArgumentException.class,
                () -> RuleProjection.project(
                        BASE, 2026, new ProjectionAssumptions(2021, new BigDecimal("0.04"), BigDecimal.ZERO, "test")));
    }
}
