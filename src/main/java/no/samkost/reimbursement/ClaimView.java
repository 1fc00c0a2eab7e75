package no.samkost.reimbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.GrantReason;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Claim",
        description = "The state reimbursement claim for one municipality's costs of costYear, under "
                + "the rules of grantYear = costYear + 1. basis = max(0, costs - deductions - threshold); "
                + "grant = basis x compensationRate, rounded half up to øre per recipient; totals are sums of the rounded grants. "
                + "Once submitted (SUBMITTED, ATTESTED) the figures are the submission's snapshot; with live=true they are "
                + "recomputed from the ledger and differences compares them with the latest snapshot.")
public record ClaimView(
        @Schema(description = "municipality number") String municipality,
        int costYear,
        int grantYear,
        @Schema(
                        description =
                                "OPEN, SUBMITTED (signed, the cost year closed), ATTESTED (by the auditor, still closed)"
                                        + " or RETURNED (by the auditor, the year open again)")
                ClaimState state,
        @Schema(description = "SNAPSHOT: the figures frozen at submission; LIVE: computed from the ledger now")
                Figures figures,
        RulesView rules,
        List<RecipientLine> recipients,
        Totals totals,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(
                        description = "the latest submission (who signed when, attestation, return); absent if never"
                                + " submitted")
                SubmissionView submission,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(
                        description = "with live=true and a submission to compare with: live minus snapshot, line by"
                                + " line; absent otherwise")
                ClaimDifferences differences,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(
                        description = "the values of the rules the recipients' grants depended on, each with its status"
                                + " (VERIFIED, SECONDARY, PATTERN, PROJECTED); absent in snapshots made before statuses"
                                + " existed")
                Map<String, ValueStatus> rulesReliedOn) {

    /** The projected values the grants rest on: while there are any, the claim cannot be signed. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<String> projectedValuesReliedOn() {
        return new ClaimFigures(municipality, costYear, grantYear, rules, recipients, totals, rulesReliedOn)
                .projectedValuesReliedOn();
    }

    /** Where the figures of an answer come from. */
    public enum Figures {
        SNAPSHOT,
        LIVE
    }

    static ClaimView of(
            ClaimFigures f,
            ClaimState state,
            Figures figures,
            SubmissionView submission,
            ClaimDifferences differences) {
        return new ClaimView(
                f.municipality(),
                f.costYear(),
                f.grantYear(),
                state,
                figures,
                f.rules(),
                f.recipients(),
                f.totals(),
                submission,
                differences,
                f.rulesReliedOn());
    }

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
