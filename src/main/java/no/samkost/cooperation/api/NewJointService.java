package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import no.samkost.cooperation.calculation.JointServiceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewJointService")
public record NewJointService(
        @NotNull @Schema(examples = "Bofellesskapet Solsiden") String name,
        @NotNull JointServiceKind kind,
        @NotNull @Schema(description = "places, 1-500", examples = "4") Integer capacity) {}
