package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlacementUpdate")
public record PlacementUpdate(
        @NotNull @Schema(examples = "2023-01-01") LocalDate startsOn,
        @Schema(description = "last day, inclusive; empty while open") LocalDate endsOn,
        @NotNull @Schema(description = "hours of direct care per week, 0 < h <= 168", examples = "25")
                BigDecimal usageHoursPerWeek,
        @NotNull @Schema(description = "the version you read") Long version) {}
