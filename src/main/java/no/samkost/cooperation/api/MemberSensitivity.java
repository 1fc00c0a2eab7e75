package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.util.List;
import no.samkost.planning.SensitivityView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CooperationSensitivityMember",
        description = "A member's own sensitivity (as its own endpoint gives it) and the joint-service variants; a"
                + " figure the small-number rule hides is null and named in suppressed")
public record MemberSensitivity(
        String municipality,
        @Schema(nullable = true, description = "recipients with costs in the year") Integer recipients,
        @Schema(nullable = true) BigDecimal costs,
        @Schema(nullable = true) BigDecimal grant,
        @Schema(nullable = true, description = "costs - grant") BigDecimal netCost,
        @Schema(nullable = true) Integer groupRecipients,
        @Schema(
                        nullable = true,
                        description = "the group's annual cost a recipient added or removed costs: its median for the"
                                + " viewer's own row, its mean for another member's (a median is one recipient's"
                                + " cost); null also when the group is empty")
                BigDecimal annualCost,
        @Schema(nullable = true, description = "which of the group's annual costs annualCost is")
                AnnualCostIs annualCostIs,
        @Schema(nullable = true) BigDecimal annualGrant,
        @Schema(nullable = true, description = "annualCost - annualGrant") BigDecimal marginalNetCost,
        @Schema(nullable = true, description = "each recipient added or removed at annualCost")
                List<SensitivityView.Step> steps,
        @Schema(nullable = true, description = "per joint service, each recipient added served there")
                List<JointServiceSteps> inJointServices) {}
