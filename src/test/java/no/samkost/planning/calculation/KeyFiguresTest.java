package no.samkost.planning.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFiguresTest {

    static final List<String> GROUPS = List.of("A", "B");

    static KeyFigures.Line line(String group, String form, String costs, String grant) {
        return new KeyFigures.Line(group, form, new BigDecimal(costs), grant == null ? null : new BigDecimal(grant));
    }

    /**
     * Four recipients, 10 000 inhabitants, worked by hand: nets 100.00, 200.00, 300.01 and 999.99;
     * net 1 600.00; mean 400.00; median (200.00 + 300.01) / 2 = 250.005 -> 250.01 (half up);
     * per inhabitant 1 600 / 10 000 = 0.16; the grant's share 400 / 2 000 = 0.2000.
     */
    @Test
    void anEvenNumberOfRecipientsAndThePopulation() {
        KeyFigures.Figures f = KeyFigures.of(
                List.of(
                        line("A", "1", "500.00", "400.00"),
                        line("A", "unknown", "200.00", "0.00"),
                        line("B", "5", "300.01", "0.00"),
                        line("B", "5", "999.99", "0.00")),
                GROUPS,
                10_000L);
        assertEquals(4, f.recipients());
        assertEquals(2, f.byUserGroup().get("B"));
        assertEquals(2, f.byHousingForm().get("5"));
        assertEquals(0, f.byHousingForm().get("3"));
        assertEquals(new BigDecimal("2000.00"), f.costs());
        assertEquals(new BigDecimal("1600.00"), f.netCost());
        assertEquals(new BigDecimal("400.00"), f.netCostPerRecipientMean());
        assertEquals(new BigDecimal("250.01"), f.netCostPerRecipientMedian());
        assertEquals(new BigDecimal("0.16"), f.netCostPerInhabitant());
        assertEquals(new BigDecimal("0.2000"), f.grantShareOfCosts());
    }

    @Test
    void anUnknownGrantLeavesWhatNeedsItUnknownNotZero() {
        KeyFigures.Figures f =
                KeyFigures.of(List.of(line("A", "1", "500.00", "400.00"), line("B", "2", "900.00", null)), GROUPS, 5L);
        assertEquals(1, f.recipientsWithUnknownGrant());
        assertEquals(new BigDecimal("1400.00"), f.costs());
        assertEquals(null, f.grant());
        assertEquals(null, f.netCost());
        assertEquals(null, f.netCostPerRecipientMedian());
        assertEquals(null, f.netCostPerInhabitant());
        assertEquals(null, f.grantShareOfCosts());
    }

    @Test
    void aYearWithoutRecipients() {
        KeyFigures.Figures f = KeyFigures.of(List.of(), GROUPS, null);
        assertEquals(0, f.recipients());
        assertEquals(new BigDecimal("0.00"), f.netCost());
        assertEquals(null, f.netCostPerRecipientMean());
        assertEquals(null, f.grantShareOfCosts());
        assertEquals(0, f.byUserGroup().get("A"));
    }
}
