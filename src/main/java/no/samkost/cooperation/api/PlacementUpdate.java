package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The home's change of its placement: while REQUESTED the wished dates; once CONFIRMED only the end
 * (startsOn as confirmed, endsOn set or brought forward, not in the past).
 */
@Schema(name = "PlacementUpdate")
public record PlacementUpdate(
        @NotNull @Schema(description = "the (wished) first day; a confirmed one stays", examples = "2023-01-01")
                LocalDate startsOn,
        @Schema(description = "last day, inclusive; empty while open (required to end a confirmed placement)")
                LocalDate endsOn,
        @NotNull @Schema(description = "the version you read") Long version) {}
