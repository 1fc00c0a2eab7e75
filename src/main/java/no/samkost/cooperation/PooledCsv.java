package no.samkost.cooperation;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import no.samkost.common.CsvBodyWriter;
import no.samkost.cooperation.api.PooledMember;
import no.samkost.cooperation.api.PooledTotals;
import no.samkost.cooperation.api.PooledView;
import no.samkost.cooperation.api.SuppressedCell;

/**
 * The pooled figures as CSV: one row per member and a last row {@code TOTAL} (whose
 * sharedCostShare is the shared costs in all). Aggregates only, like the JSON. A figure hidden by
 * the small-number rule is an empty cell, and the row's last column, {@code suppressed}, names the
 * row's hidden fields and says why ({@code field field ...: reason}), empty when nothing is hidden.
 */
@Provider
@Produces(CsvBodyWriter.MEDIA_TYPE)
public class PooledCsv extends CsvBodyWriter<PooledView> {

    public static final String MEDIA_TYPE = CsvBodyWriter.MEDIA_TYPE;
    static final String HEADER = "cooperation,costYear,grantYear,municipality,placedRecipients,placementDays,"
            + "attributedCosts,sharedCostShare,expectedGrant,netCost,suppressed";

    public PooledCsv() {
        super(PooledView.class, HEADER);
    }

    @Override
    protected String fileName(PooledView pooled) {
        return "pooled-" + pooled.cooperation() + "-costs-" + pooled.costYear();
    }

    @Override
    protected List<List<String>> rows(PooledView pooled) {
        List<List<String>> rows = new ArrayList<>();
        for (PooledMember m : pooled.members()) {
            rows.add(row(
                    pooled,
                    m.municipality(),
                    m.placedRecipients(),
                    m.placementDays(),
                    List.of(
                            money(m.attributedCosts()),
                            money(m.sharedCostShare()),
                            money(m.expectedGrant()),
                            money(m.netCost()),
                            why(pooled, m.municipality()))));
        }
        PooledTotals t = pooled.totals();
        rows.add(row(
                pooled,
                "TOTAL",
                t.placedRecipients(),
                t.placementDays(),
                List.of(
                        money(t.attributedCosts()),
                        money(t.sharedCosts()),
                        money(t.expectedGrant()),
                        money(t.netCost()),
                        why(pooled, null))));
        return rows;
    }

    /** The row's hidden fields and the reason; a total's without its {@code totals.} prefix. */
    private static String why(PooledView pooled, String municipality) {
        return why(pooled.suppressed(), municipality);
    }

    /** The hidden fields of a row of a CSV with a {@code suppressed} column, and the reason. */
    static String why(List<SuppressedCell> suppressed, String municipality) {
        List<SuppressedCell> cells = suppressed.stream()
                .filter(cell -> Objects.equals(cell.municipality(), municipality))
                .toList();
        if (cells.isEmpty()) {
            return "";
        }
        return cells.stream()
                        .map(cell -> cell.field().replaceFirst("^totals\\.", ""))
                        .collect(Collectors.joining(" "))
                + ": " + cells.get(0).reason();
    }

    private static List<String> row(PooledView p, String who, Integer placed, Long days, List<String> amounts) {
        List<String> row = new ArrayList<>(List.of(
                p.cooperation(),
                Integer.toString(p.costYear()),
                Integer.toString(p.grantYear()),
                who,
                text(placed),
                text(days)));
        row.addAll(amounts);
        return row;
    }
}
