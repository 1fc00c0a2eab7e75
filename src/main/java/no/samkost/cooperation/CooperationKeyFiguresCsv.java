package no.samkost.cooperation;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.samkost.common.CsvBodyWriter;
import no.samkost.cooperation.api.CooperationKeyFiguresView;
import no.samkost.cooperation.api.CooperationKeyFiguresYear;
import no.samkost.cooperation.api.KeyFiguresRow;
import no.samkost.planning.calculation.HousingDemand;
import no.samkost.recipients.UserGroup;

/**
 * A cooperation's key figures as CSV: per cost year a row per member and a {@code TOTAL} row. A
 * figure the small-number rule hides is an empty cell (a hidden breakdown empties all its columns),
 * and the last column, {@code suppressed}, names the row's hidden fields and why, as the pooled CSV does.
 */
@Provider
@Produces(CsvBodyWriter.MEDIA_TYPE)
public class CooperationKeyFiguresCsv extends CsvBodyWriter<CooperationKeyFiguresView> {

    static final String HEADER = "cooperation,costYear,grantYear,rulesStatus,municipality,population,recipients,"
            + Arrays.stream(UserGroup.values()).map(g -> "userGroup_" + g).collect(Collectors.joining(","))
            + ","
            + HousingDemand.COLUMNS.stream().map(c -> "housingForm_" + c).collect(Collectors.joining(","))
            + ",costs,recipientsWithUnknownGrant,grant,netCost,netCostPerRecipientMean,netCostPerRecipientMedian,"
            + "netCostPerInhabitant,grantShareOfCosts,suppressed";

    public CooperationKeyFiguresCsv() {
        super(CooperationKeyFiguresView.class, HEADER);
    }

    @Override
    protected String fileName(CooperationKeyFiguresView figures) {
        return "key-figures-" + figures.cooperation() + "-" + figures.from() + "-" + figures.to();
    }

    @Override
    protected List<List<String>> rows(CooperationKeyFiguresView figures) {
        List<List<String>> rows = new ArrayList<>();
        for (CooperationKeyFiguresYear year : figures.years()) {
            for (KeyFiguresRow member : year.members()) {
                rows.add(row(figures, year, member));
            }
            rows.add(row(figures, year, year.totals()));
        }
        return rows;
    }

    private static List<String> row(
            CooperationKeyFiguresView figures, CooperationKeyFiguresYear year, KeyFiguresRow r) {
        List<String> row = new ArrayList<>(List.of(
                figures.cooperation(),
                Integer.toString(year.costYear()),
                Integer.toString(year.grantYear()),
                year.rulesStatus() == null ? "" : year.rulesStatus().name(),
                r.municipality() == null ? "TOTAL" : r.municipality(),
                text(r.population()),
                text(r.recipients())));
        row.addAll(counts(
                r.byUserGroup(),
                Arrays.stream(UserGroup.values()).map(Enum::name).toList()));
        row.addAll(counts(r.byHousingForm(), HousingDemand.COLUMNS));
        row.add(money(r.costs()));
        row.add(text(r.recipientsWithUnknownGrant()));
        row.add(money(r.grant()));
        row.add(money(r.netCost()));
        row.add(money(r.netCostPerRecipientMean()));
        row.add(money(r.netCostPerRecipientMedian()));
        row.add(money(r.netCostPerInhabitant()));
        row.add(r.grantShareOfCosts() == null ? "" : r.grantShareOfCosts().toPlainString());
        row.add(PooledCsv.why(year.suppressed(), r.municipality()));
        return row;
    }

    private static List<String> counts(Map<String, Integer> breakdown, List<String> columns) {
        return columns.stream()
                .map(c -> breakdown == null ? "" : Integer.toString(breakdown.getOrDefault(c, 0)))
                .toList();
    }
}
