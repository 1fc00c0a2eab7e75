package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import no.samkost.cooperation.calculation.JointServiceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JointServiceUpdate")
public record JointServiceUpdate(
        @NotNull @Schema(examples = "Bofellesskapet Solsiden") String name,
        @NotNull JointServiceKind kind,
        @NotNull @Schema(description = "places, 1-500", examples = "6") Integer capacity,
        @NotNull @Schema(description = "the version you read") Long version) {}
