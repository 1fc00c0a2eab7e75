package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The home takes its request back. */
@Schema(name = "PlacementWithdrawal")
public record PlacementWithdrawal(@NotNull @Schema(description = "the version you read") Long version) {}
