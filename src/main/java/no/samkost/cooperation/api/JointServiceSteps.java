package no.samkost.cooperation.api;

import java.util.List;
import java.util.UUID;
import no.samkost.planning.SensitivityView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CooperationSensitivityJointSteps",
        description = "a member's net cost with k recipients more served in a joint service (k from max(from, 0))")
public record JointServiceSteps(
        UUID serviceId,
        @Schema(nullable = true, description = "null when the place's grant is unknown")
                List<SensitivityView.Step> steps) {}
