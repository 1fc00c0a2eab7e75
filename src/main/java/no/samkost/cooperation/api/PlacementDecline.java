package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The host's decline of a request. */
@Schema(name = "PlacementDecline")
public record PlacementDecline(
        @NotNull
                @Schema(
                        description = "why, for the home municipality; 1-500 characters",
                        examples = "no place with the staffing this person needs")
                String reason,
        @NotNull @Schema(description = "the version you read") Long version) {}
