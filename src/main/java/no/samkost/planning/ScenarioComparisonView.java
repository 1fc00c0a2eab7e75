package no.samkost.planning;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ScenarioComparison",
        description = "Two scenarios year by year and the difference (alternative - base), split into gross costs,"
                + " the state's share (the grant) and the municipality's net cost: gross = state share + net. Above"
                + " the threshold the state carries its rate (80 %) of every change.")
public record ScenarioComparisonView(int firstYear, int years, Side base, Side alternative, List<Row> rows) {

    @Schema(name = "ScenarioComparisonSide")
    public record Side(String scenarioId, String scenarioName, long scenarioVersion) {}

    @Schema(name = "ScenarioComparisonFigures")
    public record Figures(
            BigDecimal residents,
            BigDecimal grossCosts,
            @Schema(nullable = true) BigDecimal grant,
            @Schema(nullable = true) BigDecimal netCost) {}

    @Schema(name = "ScenarioComparisonDifference")
    public record Difference(
            BigDecimal residents,
            BigDecimal grossCosts,
            @Schema(
                            nullable = true,
                            description =
                                    "the grant's difference: what the state carries of the change; null if unknown")
                    BigDecimal stateShare,
            @Schema(
                            nullable = true,
                            description = "the net cost's difference: what the municipality carries; null if unknown")
                    BigDecimal municipalNet) {}

    @Schema(name = "ScenarioComparisonYear")
    public record Row(int year, Figures base, Figures alternative, Difference difference) {}
}
