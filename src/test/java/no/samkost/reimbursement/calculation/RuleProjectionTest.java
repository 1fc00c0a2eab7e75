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
        return new ProjectionAssumptions(new BigDecimal(growth), new BigDecimal(step), "test");
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
            assertEquals(
                    parameter.endsWith("BornOnOrBefore") || parameter.endsWith("BornOnOrAfter")
                            ? ValueStatus.PATTERN
                            : ValueStatus.PROJECTED,
                    y2026.statusOf(parameter),
                    parameter);
        }
        assertTrue(y2026.projected());
        assertTrue(y2026.provenance().sourceOf("threshold").contains("2024"));
        assertEquals(java.util.Optional.of(2024), y2026.provenance().projectedFrom("threshold"));
    }

    /**
     * A book of three entries: 2010 (threshold 900 000, rate 0.80), 2012 (rate 0.85 only, SECONDARY),
     * 2013 (deduction 500 000 only). At 10 % a year and 5 000 extra:
     * 2011: threshold 900 000 x 1.1 + 5 000 = 995 000; rate 0.80 from 2010; no deduction anywhere.
     * 2012: 995 000 x 1.1 + 5 000 = 1 099 500 -> 1 100 000 (half up); its own rate 0.85.
     * 2014: 1 100 000 -> 1 215 000 (2013) -> 1 341 500 -> 1 342 000; rate 0.85 from 2012;
     *       deduction 500 000 x 1.1 = 550 000 from 2013. 2009 is before the book.
     */
    @Test
    void eachMissingValueGrowsFromTheNewestEarlierYearThatHasIt() {
        RuleProvenance secondary = RuleProvenance.of(ValueStatus.SECONDARY, "test");
        java.util.TreeMap<Integer, RuleEntry> book = new java.util.TreeMap<>();
        book.put(
                2010,
                new RuleEntry(2010, new BigDecimal("900000.00"), new BigDecimal("0.80"), null, null, null, secondary));
        book.put(2012, new RuleEntry(2012, null, new BigDecimal("0.85"), null, null, null, secondary));
        book.put(2013, new RuleEntry(2013, null, null, new BigDecimal("500000.00"), null, null, secondary));
        ProjectionAssumptions a = assumptions("0.10", "5000");

        GrantRules y2011 = RuleProjection.complete(book, 2011, a).orElseThrow();
        assertEquals(new BigDecimal("995000.00"), y2011.threshold());
        assertEquals(new BigDecimal("0.80"), y2011.compensationRate());
        assertEquals(null, y2011.intellectualDisabilityDeduction());

        GrantRules y2012 = RuleProjection.complete(book, 2012, a).orElseThrow();
        assertEquals(new BigDecimal("1100000.00"), y2012.threshold());
        assertEquals(new BigDecimal("0.85"), y2012.compensationRate());
        assertEquals(ValueStatus.SECONDARY, y2012.statusOf("compensationRate"));
        assertEquals(ValueStatus.PROJECTED, y2012.statusOf("threshold"));

        GrantRules y2014 = RuleProjection.complete(book, 2014, a).orElseThrow();
        assertEquals(new BigDecimal("1342000.00"), y2014.threshold());
        assertEquals(new BigDecimal("0.85"), y2014.compensationRate());
        assertEquals(java.util.Optional.of(2012), y2014.provenance().projectedFrom("compensationRate"));
        assertEquals(new BigDecimal("550000.00"), y2014.intellectualDisabilityDeduction());
        assertEquals(java.util.Optional.of(2013), y2014.provenance().projectedFrom("intellectualDisabilityDeduction"));
        assertEquals(1995, y2014.intellectualDisabilityBornOnOrBefore());

        assertTrue(RuleProjection.complete(book, 2009, a).isEmpty());
        assertTrue(RuleProjection.complete(book, 2024, a).isEmpty(), "ten years past 2013 is the reach");
        assertTrue(RuleProjection.complete(book, 2023, a).isPresent());
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
    }
}
