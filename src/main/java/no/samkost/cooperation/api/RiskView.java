package no.samkost.cooperation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import no.samkost.reimbursement.RulesView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Stand-alone against pooled: each member's simulated yearly net cost, and what the simulation assumed. */
@Schema(
        name = "Risk",
        description = "A seeded Monte Carlo of each member's yearly net cost (costs - grant), run alone and pooled in"
                + " a joint service from the same draws. The same parameters and data give the same answer, bit for"
                + " bit.")
public record RiskView(
        String cooperation,
        @Schema(description = "the first simulated cost year") int firstCostYear,
        int lastCostYear,
        int years,
        int runs,
        long seed,
        @Schema(description = "the cost years before firstCostYear the inputs are taken from") int historyYears,
        int minimumCellSize,
        RiskStaffing staffing,
        RiskRuleProjection ruleProjection,
        @Schema(description = "the rules of each simulated year's grant (grant year = cost year + 1)")
                List<RulesView> rules,
        @Schema(description = "one per member, by municipality code") List<RiskMemberView> members,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(
                        description = "the cooperation's net cost, the sum over members in each run and year; absent"
                                + " for every member's user, since less its own row it would be the others' (see"
                                + " suppressed)")
                RiskFigures total,
        @Schema(description = "what is not shown (other members' rows and the total, always), and why")
                List<SuppressedCell> suppressed,
        @Schema(description = "the model, one assumption a line") List<String> assumptions,
        List<String> notes) {

    @Schema(
            name = "RiskStaffing",
            description = "stepwise fixed staffing: n recipients need ceil(n / unitCapacity) units; alone a member"
                    + " runs units of its own, pooled the members share the joint service's")
    public record RiskStaffing(
            int unitCapacity,
            BigDecimal unitFixedCost,
            @Schema(description = "where unitCapacity comes from") String unitCapacityFrom,
            @Schema(description = "where unitFixedCost comes from") String unitFixedCostFrom) {}

    @Schema(name = "RiskRuleProjection", description = "how grant years without figures are projected")
    public record RiskRuleProjection(BigDecimal yearlyWageGrowth, BigDecimal yearlyExtraStep, String why) {}

    @Schema(name = "RiskMember")
    public record RiskMemberView(
            String municipality,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "what the simulation took from the member's data; absent when hidden")
                    RiskInputs inputs,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "the simulated net cost; absent when hidden")
                    RiskFigures figures) {}

    @Schema(
            name = "RiskInputs",
            description = "a member's inputs, from its own cost years and future-needs register (README, 'Risk"
                    + " pooling')")
    public record RiskInputs(
            @Schema(description = "recipients with costs in the year before the first simulated year")
                    int recipientsToday,
            @Schema(description = "recipients with costs in the history years") int recipientsInHistory,
            int historyYearsWithData,
            @Schema(description = "recipients whose first year with costs was a history year after the first")
                    int historyArrivals,
            BigDecimal historyArrivalRate,
            @Schema(
                            nullable = true,
                            description = "ACTIVE register entries expected to move out by the last simulated year;"
                                    + " null for another member's register (another member's row is always hidden)")
                    Integer registerArrivals,
            @Schema(nullable = true, description = "null as registerArrivals") BigDecimal registerArrivalRate,
            @Schema(
                            nullable = true,
                            description = "new recipients a year: the history's rate plus the register's; null as"
                                    + " registerArrivals")
                    BigDecimal arrivalRate,
            BigDecimal exitProbability,
            @Schema(description = "HISTORY, DEFAULT or GIVEN") String exitProbabilityBasis,
            int exitHistoryRecipientYears,
            int exitHistoryExits,
            @Schema(description = "recipient-years with a cost above 0: new recipients' costs are drawn from them")
                    int annualCostSamples,
            @Schema(nullable = true, description = "their mean; null without samples") BigDecimal meanAnnualCost,
            @Schema(description = "the chance that a new recipient has an intellectual disability")
                    BigDecimal intellectualDisabilityShare,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(
                            description = "the annual costs themselves, ascending; each is one recipient's, so only"
                                    + " the member itself sees them")
                    List<BigDecimal> annualCosts) {}

    @Schema(name = "RiskFigures")
    public record RiskFigures(
            @Schema(description = "over all runs x years, running a service of its own") RiskDistribution standAlone,
            @Schema(description = "over all runs x years, sharing the joint service's units") RiskDistribution pooled,
            @Schema(description = "standAlone (P90 - P10) - pooled (P90 - P10): positive when pooling narrows it")
                    BigDecimal spreadReduction,
            @Schema(nullable = true, description = "spreadReduction / standAlone's spread; null when that is 0")
                    BigDecimal spreadReductionShare,
            @Schema(description = "fixed staffing a year alone, mean") BigDecimal meanFixedCostStandAlone,
            @Schema(description = "fixed staffing (for a member: its share) a year pooled, mean")
                    BigDecimal meanFixedCostPooled,
            @Schema(description = "one per simulated year: the fan chart") List<RiskYear> byYear) {}

    @Schema(name = "RiskYear")
    public record RiskYear(int costYear, int grantYear, RiskDistribution standAlone, RiskDistribution pooled) {}

    @Schema(name = "RiskDistribution", description = "yearly net cost, NOK, each figure half up to øre")
    public record RiskDistribution(
            BigDecimal mean,
            @Schema(description = "10th percentile, nearest rank") BigDecimal p10,
            BigDecimal p50,
            BigDecimal p90,
            @Schema(description = "population standard deviation") BigDecimal standardDeviation,
            @Schema(description = "share of member-years more than 10 % above the same year's mean")
                    BigDecimal probabilityAboveExpected) {}
}
