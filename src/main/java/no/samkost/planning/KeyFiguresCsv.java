package no.samkost.planning;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.samkost.common.CsvBodyWriter;
import no.samkost.planning.calculation.HousingDemand;
import no.samkost.recipients.UserGroup;

/** The key figures as CSV, one row per cost year; an unknown figure is an empty cell. */
@Provider
@Produces(CsvBodyWriter.MEDIA_TYPE)
public class KeyFiguresCsv extends CsvBodyWriter<KeyFiguresView> {

    static final String HEADER = "municipality,costYear,grantYear,rulesStatus,recipients,"
            + String.join(
                    ",",
                    java.util.Arrays.stream(UserGroup.values())
                            .map(g -> "userGroup_" + g)
                            .toList()) + ","
            + String.join(
                    ",",
                    HousingDemand.COLUMNS.stream().map(c -> "housingForm_" + c).toList())
            + ",costs,recipientsWithUnknownGrant,grant,netCost,netCostPerRecipientMean,netCostPerRecipientMedian,"
            + "population,netCostPerInhabitant,grantShareOfCosts";

    public KeyFiguresCsv() {
        super(KeyFiguresView.class, HEADER);
    }

    @Override
    protected String fileName(KeyFiguresView figures) {
        return "key-figures-" + figures.municipality() + "-" + figures.from() + "-" + figures.to();
    }

    @Override
    protected List<List<String>> rows(KeyFiguresView figures) {
        List<List<String>> rows = new ArrayList<>();
        for (KeyFiguresView.Year y : figures.years()) {
            List<String> row = new ArrayList<>(List.of(
                    figures.municipality(),
                    Integer.toString(y.costYear()),
                    Integer.toString(y.grantYear()),
                    y.rulesStatus() == null ? "" : y.rulesStatus().name(),
                    Integer.toString(y.recipients())));
            for (UserGroup g : UserGroup.values()) {
                row.add(Integer.toString(y.byUserGroup().getOrDefault(g.name(), 0)));
            }
            for (String c : HousingDemand.COLUMNS) {
                row.add(Integer.toString(y.byHousingForm().getOrDefault(c, 0)));
            }
            row.add(text(y.costs()));
            row.add(Integer.toString(y.recipientsWithUnknownGrant()));
            row.add(text(y.grant()));
            row.add(text(y.netCost()));
            row.add(text(y.netCostPerRecipientMean()));
            row.add(text(y.netCostPerRecipientMedian()));
            row.add(y.population() == null ? "" : y.population().toString());
            row.add(text(y.netCostPerInhabitant()));
            row.add(text(y.grantShareOfCosts()));
            rows.add(row);
        }
        return rows;
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
