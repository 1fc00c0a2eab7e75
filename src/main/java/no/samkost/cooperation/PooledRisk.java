package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.RiskData.MemberData;
import no.samkost.cooperation.api.RiskView;
import no.samkost.cooperation.api.RiskView.RiskDistribution;
import no.samkost.cooperation.api.RiskView.RiskFigures;
import no.samkost.cooperation.api.RiskView.RiskInputs;
import no.samkost.cooperation.api.RiskView.RiskMemberView;
import no.samkost.cooperation.api.RiskView.RiskYear;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.planning.calculation.MemberHistory;
import no.samkost.planning.calculation.NetCostDistribution;
import no.samkost.planning.calculation.NetCostRisk;
import no.samkost.planning.calculation.RiskComparison;
import no.samkost.planning.calculation.RiskMember;
import no.samkost.planning.calculation.RiskPooling;
import no.samkost.planning.calculation.RiskResult;
import no.samkost.planning.calculation.RiskScenario;
import no.samkost.planning.calculation.Staffing;
import no.samkost.reimbursement.ProjectionRequest;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.RulesView;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.ProjectionAssumptions;
import no.samkost.reimbursement.calculation.RuleProjection;
import no.samkost.tenancy.Cooperation;

/**
 * Why cooperate, in figures: each member's yearly net cost simulated alone and pooled ({@link
 * RiskPooling}) from its own data ({@link RiskData}), shown to a member under the small-number
 * rule. The inputs are read in one transaction; the simulation runs after it, holding no
 * connection.
 *
 * <p>What a member's user sees: its own row in full (inputs and distributions, alone and pooled),
 * and nothing of another member's, nor the total ({@link #OTHERS}). Two outside attacks showed
 * why: windows of the caller's choosing could be differenced, and even in one fixed window the
 * percentiles of a year fall on single simulated outcomes ("nobody leaves", "one named recipient
 * leaves"), so that the gap between two of them, over seeds and years the caller chooses, is one
 * person's net cost, from which the grant formula gives the cost back. Its own pooled figures
 * depend on the others' recipients only through the shared units' fixed costs: a count, not a cost.
 */
@ApplicationScoped
public class PooledRisk {

    static final String OTHERS = "another member's simulation is shown to that member only: the percentiles of a"
            + " simulation over a few known people fall on single outcomes, and the gaps between them give each"
            + " person's cost back (whatever the minimum number of recipients)";

    static final String TOTAL = "the total less the viewer's own row would be the other members' simulation";

    /** The service's own assumptions, beside the simulation's ({@link RiskPooling#ASSUMPTIONS}). */
    static final List<String> ASSUMPTIONS = List.of(
            "Inputs per member from its own data (README, 'Risk pooling'): today's recipients are those with costs"
                    + " in the year before the first simulated year; annual costs are its recipient-years of the"
                    + " history years; arrivals a year are the history's new recipients a year plus the register's"
                    + " ACTIVE youths expected to move out by the last simulated year, spread over the years.",
            "A recipient's annual cost is its direct wage costs as its claim counts them, less its joint-service"
                    + " lines: the fixed staffing of the model stands for those.",
            "The exit probability is the history's share of recipient-years not followed by one with costs when"
                    + " that rests on at least " + MemberHistory.MIN_EXIT_HISTORY + " recipient-years, else "
                    + MemberHistory.DEFAULT_EXIT_PROBABILITY
                            .stripTrailingZeros()
                            .toPlainString()
                    + ", unless the request gives one.",
            "Staffing: a unit serves the capacity of the cooperation's largest shared home and costs the agreement's"
                    + " stand-alone fixed cost a year, alone and pooled alike.",
            "Money in today's prices: costs are not indexed, so grant years without figures are projected with no"
                    + " wage growth, only the extra step above it.");

    private final Cooperations cooperations;
    private final RiskData data;
    private final RuleBook rules;

    public PooledRisk(Cooperations cooperations, RiskData data, RuleBook rules) {
        this.cooperations = cooperations;
        this.data = data;
        this.rules = rules;
    }

    /**
     * @param from the first simulated cost year
     * @param exitProbability replaces every member's exit probability; null for history or default
     * @param yearlyExtraStep the threshold's step above wage growth a year, NOK; null for the default
     */
    public RiskView risk(
            String cooperationId,
            int from,
            int years,
            int runs,
            long seed,
            int historyYears,
            BigDecimal exitProbability,
            BigDecimal yearlyExtraStep) {
        Cooperation c = cooperations.require(cooperationId);
        ProjectionRequest inTodaysPrices = new ProjectionRequest(BigDecimal.ZERO, yearlyExtraStep);
        List<GrantRules> rulesByYear = rulesByYear(from, years, inTodaysPrices);
        long memberYears = (long) runs * years * c.members().size();
        if (memberYears > RiskScenario.MAX_MEMBER_YEARS) {
            throw ProblemException.invalidField(
                    "runs",
                    "runs x years x members is at most " + RiskScenario.MAX_MEMBER_YEARS + ": at most "
                            + RiskScenario.MAX_MEMBER_YEARS
                                    / ((long) years * c.members().size())
                            + " runs for " + years + " years");
        }
        RiskData.Read read = data.read(c, from, years, historyYears, exitProbability);
        BigDecimal unitCost = cooperations.agreement(c).standAlone().fixedCostPerYear();
        Staffing staffing = new Staffing(read.unitCapacity(), unitCost);
        List<RiskMember> members = read.members().stream()
                .map(m -> m.derived().member(m.municipality().code(), staffing))
                .toList();
        RiskResult result = RiskPooling.simulate(new RiskScenario(members, staffing, rulesByYear, runs, seed));

        String viewer = cooperations.caller().code();
        int k = cooperations.agreement(c).minimumCellSize();
        List<SuppressedCell> suppressed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<RiskMemberView> rows = new ArrayList<>();
        java.util.Map<String, NetCostRisk> byCode = new java.util.HashMap<>();
        result.members().forEach(r -> byCode.put(r.member(), r.risk()));
        for (MemberData m : read.members()) {
            String code = m.municipality().code();
            if (!code.equals(viewer)) {
                suppressed.add(new SuppressedCell(code, "inputs", OTHERS));
                suppressed.add(new SuppressedCell(code, "figures", OTHERS));
                rows.add(new RiskMemberView(code, null, null));
                continue;
            }
            if (m.derived().arrivalsUncosted()) {
                notes.add(code + ": arrivals cannot be costed without annual costs in the history years;"
                        + " simulated with none.");
            }
            rows.add(new RiskMemberView(code, inputs(m), figures(byCode.get(code))));
        }
        suppressed.add(new SuppressedCell(null, "total", TOTAL));
        List<Integer> unverified = rulesByYear.stream()
                .filter(r -> !r.fullyVerified())
                .map(GrantRules::grantYear)
                .toList();
        if (!unverified.isEmpty()) {
            notes.add("The rules of grant years " + unverified + " have values not read in a circular (see rules'"
                    + " status): the grants are as good as those values.");
        }
        ProjectionAssumptions assumptions = rules.assumptions(inTodaysPrices);
        return new RiskView(
                c.id(),
                from,
                from + years - 1,
                years,
                runs,
                seed,
                historyYears,
                k,
                new RiskView.RiskStaffing(
                        read.unitCapacity(),
                        unitCost,
                        read.unitCapacityFrom(),
                        "the agreement's standAlone.fixedCostPerYear (a night shift and a staffed base)"),
                new RiskView.RiskRuleProjection(
                        assumptions.yearlyWageGrowth(),
                        assumptions.yearlyExtraStep(),
                        "costs are simulated in today's prices, so the threshold grows only by the extra step"),
                rulesByYear.stream().map(RulesView::of).toList(),
                rows,
                null,
                suppressed,
                Stream.concat(ASSUMPTIONS.stream(), RiskPooling.ASSUMPTIONS.stream())
                        .toList(),
                notes);
    }

    /**
     * The rules of grant years from + 1 to from + years, in today's prices; past the rule book's
     * reach, each year projected from the one before (the book's ten years are no limit here,
     * since the projection adds no wage growth).
     */
    private List<GrantRules> rulesByYear(int from, int years, ProjectionRequest inTodaysPrices) {
        ProjectionAssumptions assumptions = rules.assumptions(inTodaysPrices);
        List<GrantRules> list = new ArrayList<>();
        GrantRules previous = null;
        for (int grantYear = from + 1; grantYear <= from + years; grantYear++) {
            Optional<GrantRules> year = rules.rulesFor(grantYear, inTodaysPrices);
            if (year.isEmpty() && previous != null && grantYear > rules.lastGrantYear()) {
                year = Optional.of(RuleProjection.project(previous, grantYear, assumptions));
            }
            int g = grantYear;
            GrantRules found = year.orElseThrow(() -> ProblemException.invalidField(
                    "from",
                    "no rules for grant year " + g + " (costs of " + (g - 1) + "): the rule book starts at grant"
                            + " year " + rules.firstGrantYear()));
            if (!found.missingParameters().isEmpty()) {
                throw ProblemException.invalidField(
                        "from",
                        "the rules of grant year " + grantYear + " (costs of " + (grantYear - 1) + ") lack "
                                + String.join(", ", found.missingParameters())
                                + ", which every simulated grant may need: start later");
            }
            list.add(found);
            previous = found;
        }
        return list;
    }

    private static RiskInputs inputs(MemberData m) {
        MemberHistory.Derived d = m.derived();
        BigDecimal mean = d.annualCosts().isEmpty()
                ? null
                : d.annualCosts().stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(d.annualCosts().size()), 2, RoundingMode.HALF_UP);
        return new RiskInputs(
                d.today().size(),
                m.recipientsInHistory(),
                d.historyYearsWithData(),
                d.historyArrivals(),
                d.historyArrivalRate(),
                d.registerArrivals(),
                d.registerArrivalRate(),
                d.arrivalRate(),
                d.exitProbability(),
                d.exitBasis().name(),
                d.exitHistoryRecipientYears(),
                d.exitHistoryExits(),
                d.annualCosts().size(),
                mean,
                d.intellectualDisabilityShare(),
                d.annualCosts());
    }

    private static RiskFigures figures(NetCostRisk risk) {
        RiskComparison overall = risk.overall();
        return new RiskFigures(
                distribution(overall.standAlone()),
                distribution(overall.pooled()),
                overall.spreadReduction(),
                overall.spreadReductionShare(),
                risk.meanFixedCostStandAlone(),
                risk.meanFixedCostPooled(),
                risk.byYear().stream()
                        .map(y -> new RiskYear(
                                y.costYear(),
                                y.costYear() + 1,
                                distribution(y.comparison().standAlone()),
                                distribution(y.comparison().pooled())))
                        .toList());
    }

    private static RiskDistribution distribution(NetCostDistribution d) {
        return new RiskDistribution(
                d.mean(), d.p10(), d.p50(), d.p90(), d.standardDeviation(), d.probabilityAboveExpected());
    }
}
