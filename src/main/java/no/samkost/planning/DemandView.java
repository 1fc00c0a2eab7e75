package no.samkost.planning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "HousingDemand",
        description = "Expected residents per year and housing form: today's recipients in their current form, the"
                + " future-needs register's youths from their expected move-out year in their preferred form, less"
                + " those past the rules' age limit and, at the yearly exit rate, those leaving for other reasons")
public record DemandView(
        int firstYear,
        int years,
        @Schema(description = "the share of residents assumed to leave each year for other reasons")
                BigDecimal yearlyExitRate,
        @Schema(description = "recipients with costs in the year before firstYear: today's residents")
                int recipientsToday,
        @Schema(description = "ACTIVE register entries with an expected move-out year, counted") int registerCounted,
        @Schema(description = "ACTIVE register entries without a move-out year yet: not counted")
                int registerWithoutMoveOutYear,
        List<Row> rows) {

    @Schema(name = "HousingDemandYear")
    public record Row(
            int year,
            @Schema(
                            description = "expected residents by housing form \"1\" to \"5\" and \"unknown\", two"
                                    + " decimals (an expected number, not whole people)")
                    Map<String, BigDecimal> byHousingForm,
            @Schema(description = "the sum of the row's cells") BigDecimal total) {}
}
