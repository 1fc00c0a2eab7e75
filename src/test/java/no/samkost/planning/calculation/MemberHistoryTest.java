package no.samkost.planning.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import no.samkost.planning.calculation.MemberHistory.Derived;
import no.samkost.planning.calculation.MemberHistory.ExitBasis;
import no.samkost.planning.calculation.MemberHistory.RecipientYear;
import org.junit.jupiter.api.Test;

/**
 * A member's inputs from its records, worked by hand. From 2026 over 10 years (2026-2035), history
 * 2023-2025:
 *
 * <pre>
 * A born 1980, ID:  2023 1 000 000, 2024 1 100 000, 2025 1 200 000   (first ever 2023)
 * B born 1990:      2023 2 000 000 (gone after 2023)                 (first ever 2023)
 * C born 2000, ID:  2024   500 000 (first ever), 2025 0 (only joint-service lines)
 * D born 1995:      2025 3 000 000 (first ever)
 * register: move-outs 2027, 2035, 2040 (after the horizon), 2020 (past, not yet arrived)
 *
 * today (2025): A 1 200 000, C 0, D 3 000 000, in order of birth year: A, D, C
 * annual costs (above 0): 500 000, 1 000 000, 1 100 000, 1 200 000, 2 000 000, 3 000 000
 * ID share: A three times, C once of six costed years = 4/6 = 0.6667
 * history: years with data 2023, 2024, 2025; new after 2023: C (2024), D (2025) = 2 over 2 years = 1.0000
 * register: 2027, 2035, 2020 count (3), 2040 not: 3 / 10 years = 0.3000; rate 1.3000
 * exits: recipient-years before 2025: A 2023 (stays), B 2023 (goes), A 2024 (stays), C 2024 (stays):
 *   1 of 4, too few (under 20): the default 0.0500
 * </pre>
 */
class MemberHistoryTest {

    static RecipientYear year(int year, int born, boolean id, String cost, boolean first, boolean next) {
        return new RecipientYear(year, born, id, new BigDecimal(cost), first, next);
    }

    static final List<RecipientYear> WINDOW = List.of(
            year(2023, 1980, true, "1000000.00", true, true),
            year(2024, 1980, true, "1100000.00", false, true),
            year(2025, 1980, true, "1200000.00", false, false),
            year(2023, 1990, false, "2000000.00", true, false),
            year(2024, 2000, true, "500000.00", true, true),
            year(2025, 2000, true, "0.00", false, false),
            year(2025, 1995, false, "3000000.00", true, false));

    static final List<Integer> MOVE_OUTS = List.of(2027, 2035, 2040, 2020);

    @Test
    void theInputsAsWorkedOutAbove() {
        Derived d = MemberHistory.derive(2026, 10, WINDOW, MOVE_OUTS, null);
        assertEquals(
                List.of(
                        new RiskRecipient(1980, true, new BigDecimal("1200000.00")),
                        new RiskRecipient(1995, false, new BigDecimal("3000000.00")),
                        new RiskRecipient(2000, true, new BigDecimal("0.00"))),
                d.today());
        assertEquals(
                List.of("500000.00", "1000000.00", "1100000.00", "1200000.00", "2000000.00", "3000000.00"),
                d.annualCosts().stream().map(BigDecimal::toPlainString).toList());
        assertEquals(new BigDecimal("0.6667"), d.intellectualDisabilityShare());
        assertEquals(3, d.historyYearsWithData());
        assertEquals(2, d.historyArrivals());
        assertEquals(new BigDecimal("1.0000"), d.historyArrivalRate());
        assertEquals(3, d.registerArrivals());
        assertEquals(new BigDecimal("0.3000"), d.registerArrivalRate());
        assertEquals(new BigDecimal("1.3000"), d.arrivalRate());
        assertFalse(d.arrivalsUncosted());
        assertEquals(4, d.exitHistoryRecipientYears());
        assertEquals(1, d.exitHistoryExits());
        assertEquals(new BigDecimal("0.0500"), d.exitProbability());
        assertEquals(ExitBasis.DEFAULT, d.exitBasis());
    }

    @Test
    void theOrderOfTheRowsChangesNothing() {
        List<RecipientYear> shuffled = new ArrayList<>(WINDOW);
        Collections.reverse(shuffled);
        assertEquals(
                MemberHistory.derive(2026, 10, WINDOW, MOVE_OUTS, null),
                MemberHistory.derive(2026, 10, shuffled, MOVE_OUTS, null));
    }

    /** 20 recipient-years at risk, 3 not followed by another: 3 / 20 = 0.1500 from history. */
    @Test
    void enoughHistoryGivesItsOwnExitProbabilityAndAGivenOneReplacesIt() {
        List<RecipientYear> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(year(2024, 1980 + i, false, "1000000.00", false, i >= 3));
        }
        Derived fromHistory = MemberHistory.derive(2026, 5, rows, List.of(), null);
        assertEquals(new BigDecimal("0.1500"), fromHistory.exitProbability());
        assertEquals(ExitBasis.HISTORY, fromHistory.exitBasis());
        Derived given = MemberHistory.derive(2026, 5, rows, List.of(), new BigDecimal("0.02"));
        assertEquals(new BigDecimal("0.02"), given.exitProbability());
        assertEquals(ExitBasis.GIVEN, given.exitBasis());
    }

    /** A register of 2 and no costs to draw from: 2 / 4 = 0.5 a year, which no cost can back, so 0. */
    @Test
    void arrivalsWithoutCostsToDrawFromAreLeftOutAndSaidSo() {
        Derived d = MemberHistory.derive(2026, 4, List.of(), List.of(2027, 2028), null);
        assertEquals(2, d.registerArrivals());
        assertEquals(new BigDecimal("0.5000"), d.registerArrivalRate());
        assertEquals(new BigDecimal("0.0000"), d.arrivalRate());
        assertTrue(d.arrivalsUncosted());
        d.member("0716", new Staffing(4, new BigDecimal("3000000.00"))); // a member the simulation takes
    }
}
