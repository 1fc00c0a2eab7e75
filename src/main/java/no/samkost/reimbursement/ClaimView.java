package no.samkost.reimbursement;

import java.math.BigDecimal;
import java.util.List;
import no.samkost.reimbursement.calculation.GrantReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Claim",
        description =
                "The state reimbursement claim for one municipality's costs of costYear, under "
                        + "the rules of grantYear = costYear + 1. basis = max(0, costs - deductions - threshold); "
                        + "grant = basis x compensationRate, rounded half up to øre per recipient; totals are sums of the rounded grants.")
public record ClaimView(
        @Schema(description = "municipality number") String municipality,
        int costYear,
        int grantYear,
        RulesView rules,
        List<RecipientLine> recipients,
        Totals totals) {

    @Schema(name = "ClaimRecipient")
    public record RecipientLine(
            String ref,
            @Schema(nullable = true, description = "null when the grant year lacks the age limit") Boolean eligible,
            @Schema(
                            nullable = true,
                            description = "AGE_LIMIT, BELOW_THRESHOLD or RULES_INCOMPLETE when there is no grant")
                    GrantReason reason,
            @Schema(description = "direct wage costs: DIRECT_WAGES + PURCHASED_SERVICES + JOINT_SERVICE")
                    BigDecimal costs,
            Deductions deductions,
            @Schema(nullable = true) BigDecimal basis,
            @Schema(nullable = true) BigDecimal grant) {}

    @Schema(name = "ClaimDeductions")
    public record Deductions(
            BigDecimal earmarkedGrants,
            BigDecimal hostMunicipalityGrant,
            BigDecimal userPayments,
            @Schema(
                            nullable = true,
                            description = "null when it applies but the grant year lacks its amount or cut-off")
                    BigDecimal intellectualDisability) {}

    @Schema(name = "ClaimTotals")
    public record Totals(
            int recipients,
            int eligibleRecipients,
            @Schema(description = "recipients whose grant cannot be computed (RULES_INCOMPLETE)")
                    int incompleteRecipients,
            BigDecimal costs,
            @Schema(description = "sum of the known bases") BigDecimal basis,
            @Schema(description = "sum of the known, rounded grants") BigDecimal grant) {}
}
