package no.samkost.reimbursement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.samkost.reimbursement.calculation.GrantRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Rules",
        description = "Reimbursement parameters of a grant year (the circular IS-4/<grantYear>), "
                + "which apply to the costs of costYear = grantYear - 1")
public record RulesView(
        int grantYear,
        int costYear,
        @Schema(description = "threshold (innslagspunkt), NOK") BigDecimal threshold,
        @Schema(description = "compensation rate (kompensasjonsgrad), 0.80 = 80 %") BigDecimal compensationRate,
        @Schema(nullable = true) BigDecimal intellectualDisabilityDeduction,
        @Schema(nullable = true) Integer intellectualDisabilityBornOnOrBefore,
        @Schema(nullable = true) Integer eligibleBornOnOrAfter,
        @Schema(description = "false if any configured value is not verified against the source") boolean verified,
        String source,
        @Schema(description = "configured values that are not verified") List<String> unverifiedParameters,
        @Schema(description = "parameters this year lacks; claims that need them say RULES_INCOMPLETE")
                List<String> missingParameters) {

    public static RulesView of(GrantRules r) {
        List<String> missing = new ArrayList<>();
        if (r.intellectualDisabilityDeduction() == null) {
            missing.add("intellectualDisabilityDeduction");
        }
        if (r.intellectualDisabilityBornOnOrBefore() == null) {
            missing.add("intellectualDisabilityBornOnOrBefore");
        }
        if (r.eligibleBornOnOrAfter() == null) {
            missing.add("eligibleBornOnOrAfter");
        }
        return new RulesView(
                r.grantYear(),
                r.costYear(),
                r.threshold(),
                r.compensationRate(),
                r.intellectualDisabilityDeduction(),
                r.intellectualDisabilityBornOnOrBefore(),
                r.eligibleBornOnOrAfter(),
                r.fullyVerified(),
                r.source(),
                r.unverifiedParameters(),
                List.copyOf(missing));
    }
}
