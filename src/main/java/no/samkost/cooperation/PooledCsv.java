package no.samkost.cooperation;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import no.samkost.common.CsvBodyWriter;
import no.samkost.cooperation.api.PooledMember;
import no.samkost.cooperation.api.PooledTotals;
import no.samkost.cooperation.api.PooledView;

/**
 * The pooled figures as CSV: one row per member and a last row {@code TOTAL} (whose
 * sharedCostShare is the shared costs in all). Aggregates only, like the JSON.
 */
@Provider
@Produces(CsvBodyWriter.MEDIA_TYPE)
public class PooledCsv extends CsvBodyWriter<PooledView> {

    public static final String MEDIA_TYPE = CsvBodyWriter.MEDIA_TYPE;
    static final String HEADER = "cooperation,costYear,grantYear,municipality,placedRecipients,placementDays,"
            + "attributedCosts,sharedCostShare,expectedGrant,netCost";

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
                            money(m.netCost()))));
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
                        money(t.netCost()))));
        return rows;
    }

    private static List<String> row(PooledView p, String who, int placed, long days, List<String> amounts) {
        List<String> row = new ArrayList<>(List.of(
                p.cooperation(),
                Integer.toString(p.costYear()),
                Integer.toString(p.grantYear()),
                who,
                Integer.toString(placed),
                Long.toString(days)));
        row.addAll(amounts);
        return row;
    }
}
