package no.samkost.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.samkost.reimbursement.calculation.ClaimEstimate.Basis;
import no.samkost.reimbursement.calculation.ClaimEstimate.Expected;
import no.samkost.reimbursement.calculation.ClaimEstimate.Ledger;
import no.samkost.reimbursement.calculation.ClaimEstimate.Line;
import no.samkost.reimbursement.calculation.ClaimEstimate.Month;
import no.samkost.reimbursement.calculation.ClaimEstimate.Override;
import no.samkost.support.GrantReference;
import org.junit.jupiter.api.Test;

/**
 * The estimate of a year booked to September, under IS-4/2024 (threshold 1 608 000, rate 0.80, ID
 * deduction 832 000 for those born in or before 2005), worked by hand:
 *
 * <pre>
 * last booked month: September (9); October to December (3 months) are projected.
 *
 * A  born 1990, no ID. Direct wages 150 000 a month Jan-Jun, then Jul 120 000, Aug 150 000,
 *    Sep 180 000; user payments 3 000 every month Jan-Sep.
 *    booked: wages 6 x 150 000 + 450 000 = 1 350 000; user payments 27 000
 *    mean of Jul-Sep: wages 450 000 / 3 = 150 000.00; user payments 3 000.00
 *    projected (3 months): wages 450 000.00, user payments 9 000.00
 *    total: wages 1 800 000.00, user payments 36 000.00
 *    against the threshold: 1 800 000 - 36 000 = 1 764 000; basis 156 000; grant 124 800.00
 *    near: |1 764 000 - 1 608 000| = 156 000 <= 10 % of 1 608 000 = 160 800: yes
 * B  born 1985, ID. Wages 250 000 a month Jan-Jun, nothing after: ended.
 *    booked 1 500 000; projected 0; against 1 500 000 - 832 000 = 668 000: below; grant 0.00; not near
 * C  born 1995, no ID. Wages Aug 100 000, Sep 110 000; override: ends in November.
 *    mean of its two months 105 000.00; projected Oct-Nov 210 000.00; total 420 000.00; grant 0.00
 * D  born 2000, no ID, no lines yet; override: from November at 900 000 a month.
 *    projected Nov-Dec 1 800 000.00; basis 192 000; grant 153 600.00; near: 192 000 > 160 800: no
 * E  born 1990, no ID. Wages Jul 100 000.00, Aug 100 000.00, Sep 100 000.01.
 *    mean 300 000.01 / 3 = 100 000.0033 -> 100 000.00 (half up to øre); projected 300 000.00
 *    total 600 000.01; grant 0.00
 *
 * totals: booked wages 1 350 000 + 1 500 000 + 210 000 + 0 + 300 000.01 = 3 360 000.01
 *         projected wages 450 000 + 0 + 210 000 + 1 800 000 + 300 000 = 2 760 000.00
 *         grant 124 800.00 + 153 600.00 = 278 400.00; near the threshold: 1 (A)
 * </pre>
 */
class ClaimEstimateTest {

    static final GrantRules RULES = GrantReference.IS_4_2024;

    static Month wages(String amount) {
        return new Month(new BigDecimal(amount), null, null, null);
    }

    static Ledger ledger(String ref, int born, boolean id, Map<Integer, Month> months) {
        return new Ledger(ref, born, id, new TreeMap<>(months));
    }

    static ClaimEstimate.Result example() {
        TreeMap<Integer, Month> a = new TreeMap<>();
        for (int m = 1; m <= 6; m++) {
            a.put(m, new Month(new BigDecimal("150000.00"), null, null, new BigDecimal("3000.00")));
        }
        a.put(7, new Month(new BigDecimal("120000.00"), null, null, new BigDecimal("3000.00")));
        a.put(8, new Month(new BigDecimal("150000.00"), null, null, new BigDecimal("3000.00")));
        a.put(9, new Month(new BigDecimal("180000.00"), null, null, new BigDecimal("3000.00")));
        TreeMap<Integer, Month> b = new TreeMap<>();
        for (int m = 1; m <= 6; m++) {
            b.put(m, wages("250000.00"));
        }
        return ClaimEstimate.estimate(
                2023,
                RULES,
                List.of(
                        ledger("A", 1990, false, a),
                        ledger("B", 1985, true, b),
                        ledger("C", 1995, false, Map.of(8, wages("100000.00"), 9, wages("110000.00"))),
                        ledger(
                                "E",
                                1990,
                                false,
                                Map.of(7, wages("100000.00"), 8, wages("100000.00"), 9, wages("100000.01")))),
                Map.of(
                        "C", new Override(11, null, null),
                        "D", new Override(null, new BigDecimal("900000.00"), 11)),
                List.of(new Expected("D", 2000, false)));
    }

    static Line line(ClaimEstimate.Result r, String ref) {
        return r.lines().stream().filter(l -> l.ref().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void theWorkedExample() {
        ClaimEstimate.Result r = example();
        assertEquals(9, r.lastBookedMonth());

        Line a = line(r, "A");
        assertEquals(Basis.CONTINUES, a.basis());
        assertEquals(new BigDecimal("1350000.00"), a.booked().directWageCosts());
        assertEquals(new BigDecimal("150000.00"), a.monthly().directWageCosts());
        assertEquals(3, a.monthsProjected());
        assertEquals(new BigDecimal("450000.00"), a.projected().directWageCosts());
        assertEquals(new BigDecimal("9000.00"), a.projected().userPayments());
        assertEquals(new BigDecimal("1800000.00"), a.total().directWageCosts());
        assertEquals(new BigDecimal("1764000.00"), a.againstThreshold());
        assertEquals(new BigDecimal("124800.00"), a.grant().grant());
        assertTrue(a.nearThreshold());

        Line b = line(r, "B");
        assertEquals(Basis.ENDED, b.basis());
        assertEquals(new BigDecimal("0.00"), b.projected().directWageCosts());
        assertEquals(new BigDecimal("668000.00"), b.againstThreshold());
        assertEquals(new BigDecimal("0.00"), b.grant().grant());
        assertFalse(b.nearThreshold());

        Line c = line(r, "C");
        assertEquals(Basis.OVERRIDDEN, c.basis());
        assertEquals(new BigDecimal("105000.00"), c.monthly().directWageCosts());
        assertEquals(2, c.monthsProjected());
        assertEquals(new BigDecimal("420000.00"), c.total().directWageCosts());

        Line d = line(r, "D");
        assertEquals(Basis.OVERRIDDEN, d.basis());
        assertEquals(new BigDecimal("0.00"), d.booked().directWageCosts());
        assertEquals(2, d.monthsProjected());
        assertEquals(new BigDecimal("1800000.00"), d.projected().directWageCosts());
        assertEquals(new BigDecimal("153600.00"), d.grant().grant());
        assertFalse(d.nearThreshold());

        Line e = line(r, "E");
        assertEquals(new BigDecimal("100000.00"), e.monthly().directWageCosts());
        assertEquals(new BigDecimal("600000.01"), e.total().directWageCosts());

        assertEquals(new BigDecimal("3360000.01"), r.booked().directWageCosts());
        assertEquals(new BigDecimal("2760000.00"), r.projected().directWageCosts());
        assertEquals(new BigDecimal("6120000.01"), r.total().directWageCosts());
        assertEquals(new BigDecimal("278400.00"), r.grant());
        assertEquals(1, r.recipientsNearThreshold());
        assertEquals(0, r.recipientsWithUnknownGrant());
    }

    @Test
    void anOverriddenMonthlyCostReplacesTheMeanAndKeepsTheDeductionsMeans() {
        TreeMap<Integer, Month> a = new TreeMap<>();
        for (int m = 7; m <= 9; m++) {
            a.put(m, new Month(new BigDecimal("150000.00"), null, null, new BigDecimal("3000.00")));
        }
        Line line = ClaimEstimate.estimate(
                        2023,
                        RULES,
                        List.of(ledger("A", 1990, false, a)),
                        Map.of("A", new Override(null, new BigDecimal("200000.00"), null)),
                        List.of())
                .lines()
                .get(0);
        assertEquals(new BigDecimal("600000.00"), line.projected().directWageCosts());
        assertEquals(new BigDecimal("9000.00"), line.projected().userPayments());
    }

    @Test
    void aYearBookedToDecemberProjectsNothing() {
        TreeMap<Integer, Month> a = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            a.put(m, wages("200000.00"));
        }
        ClaimEstimate.Result r = ClaimEstimate.estimate(
                2023, RULES, List.of(ledger("A", 1990, false, a)), Map.of("A", new Override(null, null, 1)), List.of());
        assertEquals(12, r.lastBookedMonth());
        assertEquals(Basis.YEAR_BOOKED, r.lines().get(0).basis());
        assertEquals(new BigDecimal("0.00"), r.projected().directWageCosts());
        // 2 400 000 - 1 608 000 = 792 000 x 0.80 = 633 600.00, the claim's own figure
        assertEquals(new BigDecimal("633600.00"), r.grant());
    }

    @Test
    void anEmptyYearProjectsOnlyWhatTheCoordinatorExpects() {
        ClaimEstimate.Result r = ClaimEstimate.estimate(
                2023,
                RULES,
                List.of(),
                Map.of("N", new Override(null, new BigDecimal("100000.00"), 4)),
                List.of(new Expected("N", 1990, false)));
        assertEquals(0, r.lastBookedMonth());
        // April to December: 9 months x 100 000
        assertEquals(new BigDecimal("900000.00"), r.projected().directWageCosts());
    }
}
