package no.samkost.reimbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.ClaimEstimate;
import no.samkost.reimbursement.calculation.GrantReason;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ClaimEstimate",
        description = "The claim of a cost year estimated from what is booked so far and the months to come, under"
                + " the rules (or projected rules) of grantYear = costYear + 1. Method: after lastBookedMonth,"
                + " a recipient with a line in that month continues at the mean of its last three booked months,"
                + " group by group, rounded to øre; one whose last line is older has ended; the coordinator's"
                + " overrides come first. nearThreshold: costs less deductions within 10 % of the threshold.")
public record EstimateView(
        @Schema(description = "municipality number") String municipality,
        int costYear,
        int grantYear,
        @Schema(description = "the latest month (1-12) with any line of the year; 0 when none") int lastBookedMonth,
        RulesView rules,
        @Schema(description = "the values of the rules the estimated grants depended on, with their status")
                Map<String, ValueStatus> rulesReliedOn,
        List<Line> recipients,
        Totals totals) {

    @Schema(name = "EstimateFigures", description = "direct wage costs and the three deductions, NOK")
    public record Figures(
            BigDecimal directWageCosts,
            BigDecimal earmarkedGrants,
            BigDecimal hostMunicipalityGrant,
            BigDecimal userPayments) {

        static Figures of(ClaimEstimate.Month m) {
            return new Figures(m.directWageCosts(), m.earmarkedGrants(), m.hostMunicipalityGrant(), m.userPayments());
        }
    }

    @Schema(name = "EstimateOverride", description = "the coordinator's expectation for one recipient; null: not given")
    public record Override(
            @Schema(nullable = true, description = "the last month with costs, 1-12") Integer endMonth,
            @Schema(nullable = true, description = "the monthly direct wage costs instead of the mean")
                    BigDecimal monthlyDirectWageCosts,
            @Schema(nullable = true, description = "costs from this month (a recipient without lines yet)")
                    Integer fromMonth) {}

    @Schema(name = "EstimateRecipient")
    public record Line(
            String ref,
            int birthYear,
            boolean intellectualDisability,
            @Schema(description = "CONTINUES, ENDED, OVERRIDDEN or YEAR_BOOKED") ClaimEstimate.Basis basis,
            Figures booked,
            @Schema(description = "what each month to come is estimated at") Figures monthly,
            int monthsProjected,
            Figures projected,
            Figures total,
            @Schema(nullable = true, description = "null when the grant year lacks the age limit") Boolean eligible,
            @Schema(
                            nullable = true,
                            description = "AGE_LIMIT, BELOW_THRESHOLD or RULES_INCOMPLETE when there is no grant")
                    GrantReason reason,
            @Schema(nullable = true, description = "costs less all deductions, what the threshold is compared with")
                    BigDecimal againstThreshold,
            boolean nearThreshold,
            @Schema(nullable = true, description = "null when the rules cannot compute it") BigDecimal grant,
            @JsonInclude(JsonInclude.Include.NON_NULL) Override override) {}

    @Schema(name = "EstimateTotals")
    public record Totals(
            int recipients,
            int nearThreshold,
            @Schema(description = "recipients whose grant the rules cannot compute (counted as 0)") int unknownGrants,
            Figures booked,
            Figures projected,
            Figures total,
            BigDecimal grant) {}
}
