package no.samkost.planning;

import java.math.BigDecimal;
import java.util.List;
import no.samkost.cooperation.api.PlaceCostView;
import no.samkost.planning.calculation.Sensitivity;
import no.samkost.recipients.UserGroup;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Sensitivity",
        description = "The municipality's net cost with k more or fewer recipients of a group, each at one annual cost"
                + " (the group's median in the year's claim, or the one given), after the grant that cost gives")
public record SensitivityView(
        int costYear,
        int grantYear,
        @Schema(nullable = true, description = "the group; absent: recipients of every group") UserGroup userGroup,
        int groupRecipients,
        @Schema(description = "each recipient added or removed costs this a year") BigDecimal annualCost,
        @Schema(description = "MEDIAN (of the group's recipients this year) or GIVEN") String annualCostBasis,
        @Schema(description = "the grant of one such recipient: the state's share of the change")
                BigDecimal annualGrant,
        @Schema(description = "annualCost - annualGrant: what one recipient more costs the municipality")
                BigDecimal marginalNetCost,
        List<Step> steps,
        @Schema(
                        description = "with jointService: the recipients added served in that joint service instead"
                                + " (one entry); empty without it")
                List<JointService> jointServices) {

    /** The variant where each recipient added is served in a joint service of the municipality's cooperation. */
    @Schema(name = "SensitivityJointService")
    public record JointService(
            PlaceCostView place,
            @Schema(description = "the grant of the place's direct wage cost") BigDecimal placeGrant,
            @Schema(description = "placeCost - placeGrant: what one recipient more costs the municipality there")
                    BigDecimal placeNetCost,
            @Schema(description = "k from max(from, 0): a recipient fewer is one of today's, as in steps")
                    List<Step> steps) {}

    @Schema(name = "SensitivityStep")
    public record Step(int change, int recipients, BigDecimal costs, BigDecimal grant, BigDecimal netCost) {

        public static Step of(Sensitivity.Step s) {
            return new Step(s.change(), s.recipients(), s.costs(), s.grant(), s.netCost());
        }
    }
}
