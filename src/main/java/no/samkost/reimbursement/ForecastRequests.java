package no.samkost.reimbursement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the estimate's writes. */
public final class ForecastRequests {

    private ForecastRequests() {}

    @Schema(name = "NewForecast")
    public record NewForecast(
            @NotBlank @Size(max = 200) @Schema(description = "e.g. \"1. tertial 2026\"", example = "1. tertial")
                    String label) {}

    @Schema(
            name = "EstimateOverrideRequest",
            minProperties = 1,
            description = "at least one; fromMonth needs monthlyDirectWageCosts; endMonth not before fromMonth")
    public record OverrideRequest(
            @Min(1) @Max(12) @Schema(nullable = true, description = "the last month with costs", example = "10")
                    Integer endMonth,
            @DecimalMin("0.00")
                    @DecimalMax("100000000.00")
                    @Digits(integer = 9, fraction = 2)
                    @Schema(
                            nullable = true,
                            description = "monthly direct wage costs instead of the mean",
                            example = "150000.00")
                    BigDecimal monthlyDirectWageCosts,
            @Min(1)
                    @Max(12)
                    @Schema(
                            nullable = true,
                            description = "costs from this month, for one without lines yet",
                            example = "3")
                    Integer fromMonth) {}
}
