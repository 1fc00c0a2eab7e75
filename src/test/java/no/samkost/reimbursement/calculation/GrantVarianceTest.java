package no.samkost.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.GrantVariance.Part;
import no.samkost.reimbursement.calculation.GrantVariance.Result;
import no.samkost.reimbursement.calculation.GrantVariance.Side;
import no.samkost.support.GrantReference;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed variances. Every number below is worked out in the comments, from DOMAIN.md's
 * formula ({@code grant = max(0, costs - deductions - threshold) x rate}, half up to øre), not by
 * calling the code.
 */
class GrantVarianceTest {

    /** IS-4/2024: threshold 1 608 000, rate 0.80, ID deduction 832 000 born <= 2005, eligible born >= 1956. */
    static final GrantRules IS_4_2024 = GrantReference.IS_4_2024;

    /** The forecast's rules: IS-4/2024 with a projected threshold of 1 680 000. */
    static final GrantRules PROJECTED = rules("1680000.00", "0.80", ValueStatus.PROJECTED);

    static GrantRules rules(String threshold, String rate, ValueStatus status) {
        return new GrantRules(
                2024,
                new BigDecimal(threshold),
                new BigDecimal(rate),
                new BigDecimal("832000.00"),
                2005,
                1956,
                RuleProvenance.of(status, "test"));
    }

    static RecipientYear recipient(String ref, int birthYear, String costs) {
        return new RecipientYear(
                ref, birthYear, false, new BigDecimal(costs), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static Map<Part, BigDecimal> parts(String... amounts) {
        Map<Part, BigDecimal> parts = new EnumMap<>(Part.class);
        for (int i = 0; i < amounts.length; i++) {
            parts.put(Part.values()[i], new BigDecimal(amounts[i]));
        }
        return parts;
    }

    /**
     * Forecast: projected threshold 1 680 000, recipients F (1 900 000) and B (2 000 000). Claim:
     * IS-4/2024 (threshold 1 608 000), recipients B (costs rose to 2 300 000) and C (2 100 000). All
     * born after 1956, no intellectual disability, no other deductions; only the threshold differs.
     *
     * <pre>
     * forecast: F (1 900 000 - 1 680 000) x 0.80 = 176 000; B (2 000 000 - 1 680 000) x 0.80 = 256 000
     *           total 432 000.00
     * claim:    B (2 300 000 - 1 608 000) x 0.80 = 553 600; C (2 100 000 - 1 608 000) x 0.80 = 393 600
     *           total 947 200.00; difference 515 200.00
     *
     * walk O (threshold 1 680 000 while the recipients change):
     *   F leaves   -176 000
     *   B changes  (2 300 000 - 1 680 000) x 0.80 = 496 000 - 256 000 = +240 000
     *   C arrives  (2 100 000 - 1 680 000) x 0.80 = +336 000
     *   threshold  947 200 - (496 000 + 336 000) = +115 200
     * walk O reversed (threshold first, on the forecast's recipients):
     *   threshold  F (1 900 000 - 1 608 000) x 0.80 = 233 600, B (2 000 000 - 1 608 000) x 0.80 = 313 600
     *              547 200 - 432 000 = +115 200
     *   C arrives  +393 600
     *   B changes  553 600 - 313 600 = +240 000
     *   F leaves   -233 600
     * means: F (-176 000 - 233 600) / 2 = -204 800; B 240 000; C (336 000 + 393 600) / 2 = 364 800;
     *        threshold 115 200; the rest 0. Sum -204 800 + 240 000 + 364 800 + 115 200 = 515 200.
     * </pre>
     */
    @Test
    void aRecipientLeavesOneChangesOneArrivesAndTheThresholdFalls() {
        Side forecast =
                new Side(PROJECTED, List.of(recipient("F", 1985, "1900000.00"), recipient("B", 1990, "2000000.00")));
        Side claim =
                new Side(IS_4_2024, List.of(recipient("B", 1990, "2300000.00"), recipient("C", 2000, "2100000.00")));

        Result result = GrantVariance.explain(forecast, claim);

        assertEquals(new BigDecimal("432000.00"), result.forecastGrant());
        assertEquals(new BigDecimal("947200.00"), result.claimGrant());
        assertEquals(new BigDecimal("515200.00"), result.difference());
        assertEquals(
                parts("-204800.00", "240000.00", "364800.00", "115200.00", "0.00", "0.00", "0.00"), result.parts());
        assertEquals(List.of(Part.values()), List.copyOf(result.parts().keySet()));
    }

    /**
     * The same sides, swapped: every part negated, and the recipients that left now arrive (F) and
     * those that arrived now leave (C).
     */
    @Test
    void swappingTheSidesNegatesEveryPart() {
        Side forecast =
                new Side(PROJECTED, List.of(recipient("F", 1985, "1900000.00"), recipient("B", 1990, "2000000.00")));
        Side claim =
                new Side(IS_4_2024, List.of(recipient("B", 1990, "2300000.00"), recipient("C", 2000, "2100000.00")));

        Result result = GrantVariance.explain(claim, forecast);

        assertEquals(new BigDecimal("-515200.00"), result.difference());
        assertEquals(
                parts("-364800.00", "-240000.00", "204800.00", "-115200.00", "0.00", "0.00", "0.00"), result.parts());
    }

    /**
     * Nothing changed: the same values (from another source: provenance is not a value), the same
     * recipients and figures, one with an intellectual disability, one past the age limit. Every
     * part is 0.00; both grants are (3 200 000 - 40 000 - 832 000 - 1 608 000) x 0.80 = 576 000.
     */
    @Test
    void nothingChangedIsZeroEverywhere() {
        List<RecipientYear> recipients = List.of(
                new RecipientYear(
                        "R-17",
                        1990,
                        true,
                        new BigDecimal("3200000.00"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("40000.00")),
                recipient("R-18", 1950, "2500000.00"));
        Side forecast = new Side(rules("1608000.00", "0.80", ValueStatus.SECONDARY), recipients);
        Side claim = new Side(IS_4_2024, recipients);

        Result result = GrantVariance.explain(forecast, claim);

        assertEquals(new BigDecimal("576000.00"), result.forecastGrant());
        assertEquals(new BigDecimal("576000.00"), result.claimGrant());
        assertEquals(new BigDecimal("0.00"), result.difference());
        assertEquals(parts("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"), result.parts());
    }

    /**
     * The two orders differ, and the mean ends in half an øre. One recipient R, born 1990: the
     * forecast expects costs of 1 600 000.00 under the projected threshold 1 680 000; the claim has
     * 1 650 000.01 under 1 608 000.
     *
     * <pre>
     * forecast grant 0.00 (below the threshold); claim grant (1 650 000.01 - 1 608 000) x 0.80
     *   = 42 000.01 x 0.80 = 33 600.008, half up 33 600.01; difference 33 600.01
     * walk O:         costs first: 1 650 000.01 is still below 1 680 000: +0.00
     *                 then the threshold: +33 600.01
     * walk reversed:  threshold first: 1 600 000 is below 1 608 000 too: +0.00
     *                 then the costs: +33 600.01
     * means: costs 16 800.005, threshold 16 800.005; half to even: 16 800.00 and 16 800.00
     * left over 33 600.01 - 33 600.00 = +0.01: to the first half-øre part in enum order, the costs
     * result: costs 16 800.01, threshold 16 800.00
     * swapped: means -16 800.005 each, half to even -16 800.00 each, left over -0.01: negative, so
     *   the first half-øre part in the order with the recipient parts reversed, still the costs:
     *   costs -16 800.01, threshold -16 800.00
     * </pre>
     */
    @Test
    void theTwoOrdersDifferAndTheMeanEndsInHalfAnOre() {
        Side forecast = new Side(PROJECTED, List.of(recipient("R", 1990, "1600000.00")));
        Side claim = new Side(IS_4_2024, List.of(recipient("R", 1990, "1650000.01")));

        Result result = GrantVariance.explain(forecast, claim);

        assertEquals(new BigDecimal("0.00"), result.forecastGrant());
        assertEquals(new BigDecimal("33600.01"), result.claimGrant());
        assertEquals(new BigDecimal("33600.01"), result.difference());
        assertEquals(parts("0.00", "16800.01", "0.00", "16800.00", "0.00", "0.00", "0.00"), result.parts());

        Result swapped = GrantVariance.explain(claim, forecast);
        assertEquals(parts("0.00", "-16800.01", "0.00", "-16800.00", "0.00", "0.00", "0.00"), swapped.parts());
    }

    /**
     * Why a negative leftover looks at the recipient parts in reverse: the rate rises from 0.80 to
     * 0.85, F (basis 100 000.20) leaves and C (basis 200 000.60) arrives.
     *
     * <pre>
     * F: costs 1 708 000.20, 0.80: 80 000.16, 0.85: 85 000.17
     * C: costs 1 808 000.60, 0.80: 160 000.48, 0.85: 170 000.51
     * forecast 80 000.16, claim 170 000.51, difference 90 000.35
     * walk O:         F leaves -80 000.16; C arrives +160 000.48; rate 170 000.51 - 160 000.48 = +10 000.03
     * walk reversed:  rate 85 000.17 - 80 000.16 = +5 000.01; C arrives +170 000.51; F leaves -85 000.17
     * means: F -165 000.33 / 2 = -82 500.165, half to even -82 500.16
     *        C 330 000.99 / 2 = 165 000.495, half to even 165 000.50
     *        rate 15 000.04 / 2 = 7 500.02
     * rounded sum 90 000.36, left over -0.01: negative, so the first half-øre part among
     *   (only in claim, in both, only in forecast, rules...): C, 165 000.49
     * swapped: C leaves, means -165 000.495 -> -165 000.50; F arrives 82 500.165 -> 82 500.16;
     *   rate -7 500.02; left over -90 000.35 - (-90 000.36) = +0.01: positive, so enum order: the
     *   leaving C, -165 000.49. Each part negated, the two recipient parts exchanged. (Giving the
     *   øre to the first part in enum order both times would give -82 500.17 for F one way and
     *   +82 500.16 the other.)
     * </pre>
     */
    @Test
    void aNegativeLeftoverTakesTheRecipientPartsInReverseSoThatSwappingAgrees() {
        GrantRules higherRate = rules("1608000.00", "0.85", ValueStatus.VERIFIED);
        Side forecast = new Side(IS_4_2024, List.of(recipient("F", 1985, "1708000.20")));
        Side claim = new Side(higherRate, List.of(recipient("C", 2000, "1808000.60")));

        Result result = GrantVariance.explain(forecast, claim);

        assertEquals(new BigDecimal("80000.16"), result.forecastGrant());
        assertEquals(new BigDecimal("170000.51"), result.claimGrant());
        assertEquals(new BigDecimal("90000.35"), result.difference());
        assertEquals(parts("-82500.16", "0.00", "165000.49", "0.00", "0.00", "0.00", "7500.02"), result.parts());

        Result swapped = GrantVariance.explain(claim, forecast);
        assertEquals(new BigDecimal("-90000.35"), swapped.difference());
        assertEquals(parts("-165000.49", "0.00", "82500.16", "0.00", "0.00", "0.00", "-7500.02"), swapped.parts());
    }

    /**
     * A grant that cannot be computed counts as 0.00: the forecast's rules lack the deduction's
     * cut-off, so R (intellectual disability, above the threshold) has no grant there.
     *
     * <pre>
     * claim: (3 200 000 - 832 000 - 1 608 000) x 0.80 = 760 000 x 0.80 = 608 000.00
     * forecast: RULES_INCOMPLETE, counted 0.00; difference 608 000.00, all of it the deduction's
     * part in both walks (the figures did not change; the deduction is the only rule value that
     * differs)
     * </pre>
     */
    @Test
    void aGrantThatCannotBeComputedCountsAsZero() {
        GrantRules withoutCutOff = new GrantRules(
                2024,
                new BigDecimal("1608000.00"),
                new BigDecimal("0.80"),
                null,
                null,
                1956,
                RuleProvenance.of(ValueStatus.PROJECTED, "test"));
        RecipientYear r = new RecipientYear(
                "R", 1990, true, new BigDecimal("3200000.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Result result = GrantVariance.explain(new Side(withoutCutOff, List.of(r)), new Side(IS_4_2024, List.of(r)));

        assertEquals(new BigDecimal("0.00"), result.forecastGrant());
        assertEquals(new BigDecimal("608000.00"), result.claimGrant());
        assertEquals(parts("0.00", "0.00", "0.00", "0.00", "608000.00", "0.00", "0.00"), result.parts());
    }

    @Test
    void aRefAppearsAtMostOncePerSide() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Side(IS_4_2024, List.of(recipient("R", 1990, "1.00"), recipient("R", 1991, "2.00"))));
    }
}
