package no.samkost.reimbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.ProjectionAssumptions;
import no.samkost.reimbursement.calculation.ValueStatus;
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
        @Schema(
                        description = "the weakest status of its values: VERIFIED (read in the circular), SECONDARY"
                                + " (another public source), PATTERN (a birth-year cut-off from the pattern), PROJECTED"
                                + " (computed under the assumptions below)")
                ValueStatus status,
        @Schema(description = "true only when every value is VERIFIED") boolean verified,
        String source,
        @Schema(description = "each value it has: its status and where it comes from") Map<String, ValueSource> values,
        @Schema(description = "the values that are not VERIFIED") List<String> unverifiedParameters,
        @Schema(description = "parameters this year lacks; claims that need them say RULES_INCOMPLETE")
                List<String> missingParameters,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(description = "what the projected values assume; absent when no value is PROJECTED")
                Assumptions assumptions) {

    @Schema(name = "RuleValueSource")
    public record ValueSource(
            ValueStatus status,
            String source,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "for a PROJECTED value, the grant year it was grown from")
                    Integer projectedFrom) {}

    @Schema(
            name = "ProjectionAssumptions",
            description = "a value the year lacks is grown from the newest earlier year that has it (values.<name>"
                    + ".projectedFrom): the threshold each year by the wage growth, then by the extra step; the"
                    + " deduction by the wage growth; each rounded to whole thousands; the rate stays")
    public record Assumptions(
            @Schema(description = "yearly wage growth, 0.043 = 4.3 %") BigDecimal yearlyWageGrowth,
            @Schema(description = "NOK added to the threshold each year above the wage growth")
                    BigDecimal yearlyExtraStep,
            @Schema(description = "default (the rules directory's), operator, or request") String origin) {

        static Assumptions of(ProjectionAssumptions a) {
            return a == null ? null : new Assumptions(a.yearlyWageGrowth(), a.yearlyExtraStep(), a.origin());
        }
    }

    /**
     * The values as an answer showed them (a forecast's or a claim's snapshot), to compute with
     * again: the provenance is the answer's status and source only.
     */
    public GrantRules asRules() {
        return new GrantRules(
                grantYear,
                threshold,
                compensationRate,
                intellectualDisabilityDeduction,
                intellectualDisabilityBornOnOrBefore,
                eligibleBornOnOrAfter,
                no.samkost.reimbursement.calculation.RuleProvenance.of(
                        status == null ? ValueStatus.SECONDARY : status, source));
    }

    public static RulesView of(GrantRules r) {
        Map<String, ValueSource> values = new LinkedHashMap<>();
        for (String parameter : r.presentParameters()) {
            values.put(
                    parameter,
                    new ValueSource(
                            r.statusOf(parameter),
                            r.provenance().sourceOf(parameter),
                            r.provenance().projectedFrom(parameter).orElse(null)));
        }
        return new RulesView(
                r.grantYear(),
                r.costYear(),
                r.threshold(),
                r.compensationRate(),
                r.intellectualDisabilityDeduction(),
                r.intellectualDisabilityBornOnOrBefore(),
                r.eligibleBornOnOrAfter(),
                r.status(),
                r.fullyVerified(),
                r.source(),
                values,
                r.unverifiedParameters(),
                r.missingParameters(),
                Assumptions.of(r.provenance().projection()));
    }
}
