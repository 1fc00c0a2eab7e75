package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPlacement")
public record NewPlacement(
        @NotNull @Schema(description = "your own recipient's ref", examples = "R-17") String recipientRef,
        @NotNull @Schema(examples = "2023-03-16") LocalDate startsOn,
        @Schema(description = "last day, inclusive; empty while open") LocalDate endsOn,
        @NotNull @Schema(description = "hours of direct care per week, 0 < h <= 168", examples = "30")
                BigDecimal usageHoursPerWeek) {}
