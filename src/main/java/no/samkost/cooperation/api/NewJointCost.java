package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewJointCost")
public record NewJointCost(
        @NotNull @Schema(description = "month, YYYY-MM", examples = "2023-03") String period,
        @NotNull JointCostCategory category,
        @NotNull
                @Schema(
                        description = "NOK, at most 2 decimals; negative only as a correction with a note",
                        examples = "310000.00")
                BigDecimal amount,
        @Schema(description = "required for a negative amount; at most 500 characters") String note) {}
