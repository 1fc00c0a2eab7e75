package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The host's usage for a placement: given with the confirmation, changed later. */
@Schema(name = "PlacementUsage")
public record PlacementUsage(
        @NotNull
                @Schema(
                        description = "hours of direct care per week the host provides: more than 0, at most 168, "
                                + "2 decimals",
                        examples = "30")
                BigDecimal usageHoursPerWeek,
        @NotNull @Schema(description = "the version you read") Long version) {}
