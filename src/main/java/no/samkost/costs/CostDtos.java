package no.samkost.costs;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The cost ledger API's request and response shapes. */
public final class CostDtos {
    private CostDtos() {}

    @Schema(name = "NewCostLine")
    public record NewCostLine(
            @NotNull @Schema(description = "the recipient's ref in your municipality", examples = "R-17")
                    String recipientRef,
            @NotNull @Schema(description = "month, YYYY-MM", examples = "2023-03") String period,
            @NotNull @Schema(description = "JOINT_SERVICE is written by the cooperation module, not by clients")
                    CostCategory category,
            @NotNull
                    @Schema(
                            description = "NOK, at most 2 decimals; negative only as a correction with a note",
                            examples = "265000.00")
                    BigDecimal amount,
            @Schema(description = "required for a negative amount; at most 500 characters") String note) {}

    @Schema(name = "CostLine")
    public record CostLineView(
            @Schema(description = "the line's id: random, says nothing about other lines") UUID id,
            String recipientRef,
            @Schema(description = "month, YYYY-MM") String period,
            CostCategory category,
            BigDecimal amount,
            @Schema(nullable = true, description = "null when the line has none") String note,
            @Schema(nullable = true, description = "the import that wrote the line; null for a line posted alone")
                    UUID importId,
            Instant createdAt,
            String createdBy) {}

    @Schema(
            name = "MonthlyCosts",
            description = "The ledger's sums per month and category for one year: every month, every category "
                    + "(0.00 where there is no line). Corrections (negative lines) are included.")
    public record MonthlyCosts(int year, List<MonthCosts> months, Map<CostCategory, BigDecimal> yearTotals) {}

    @Schema(name = "MonthCosts")
    public record MonthCosts(@Schema(description = "YYYY-MM") String month, Map<CostCategory, BigDecimal> byCategory) {}
}
