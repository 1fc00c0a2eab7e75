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
import no.samkost.cooperation.calculation.SmallNumbers;
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
 * <p>What another member's user sees of a member: its simulated distributions only, never its
 * inputs (counts and costs of its recipients one by one), and only in the standard window (from
 * this year, five history years, exits from history): windows of the caller's choosing could be
 * differenced down to one recipient. A member whose figures rest on fewer than {@code
 * minimumCellSize} recipients, in its history or today, is hidden whole: with few recipients and
 * no arrivals, a simulated year is today's recipients' net cost, from which the grant formula
 * gives a cost back. The totals follow {@link SmallNumbers}: hidden when the hidden members
 * together rest on fewer than k, since a total's mean less the means shown is the hidden members'
 * mean.
 */
@ApplicationScoped
public class PooledRisk {

    static final String HIDDEN = "rests on fewer than %d recipients (today's or the history's), is asked for outside"
            + " the standard window (from this year, five history years, exits from history), or would let such"
            + " figures be worked out from the total";

    static final String OWN_ONLY =
            "a member's inputs are counts and costs of its recipients one by one: shown to its own"
                    + " municipality only";
    static final String TOTAL_HIDDEN = "the hidden members together rest on fewer than %d recipients: the total less"
            + " the members shown would reveal them";

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
     * @param standardWindow whether from, historyYears and exitProbability are the defaults: only then
     *     are other members shown
     */
    public RiskView risk(
            String cooperationId,
            int from,
            int years,
            int runs,
            long seed,
            int historyYears,
            BigDecimal exitProbability,
            BigDecimal yearlyExtraStep,
            boolean standardWindow) {
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
        SmallNumbers.Hidden hidden = SmallNumbers.hide(
                viewer,
                k,
                read.members().stream()
                        .map(m -> new SmallNumbers.Member(m.municipality().code(), restsOn(m, k, viewer)))
                        .toList(),
                false);
        List<SuppressedCell> suppressed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<RiskMemberView> rows = new ArrayList<>();
        java.util.Map<String, NetCostRisk> byCode = new java.util.HashMap<>();
        result.members().forEach(r -> byCode.put(r.member(), r.risk()));
        for (MemberData m : read.members()) {
            String code = m.municipality().code();
            if (hidden.hiddenRows().contains(code) || (!standardWindow && !code.equals(viewer))) {
                String reason = HIDDEN.formatted(k);
                suppressed.add(new SuppressedCell(code, "inputs", reason));
                suppressed.add(new SuppressedCell(code, "figures", reason));
                rows.add(new RiskMemberView(code, null, null));
                continue;
            }
            boolean own = code.equals(viewer);
            if (!own) {
                suppressed.add(new SuppressedCell(code, "inputs", OWN_ONLY));
            }
            if (m.derived().arrivalsUncosted()) {
                notes.add(code + ": arrivals cannot be costed without annual costs in the history years;"
                        + " simulated with none.");
            }
            rows.add(new RiskMemberView(code, own ? inputs(m) : null, figures(byCode.get(code))));
        }
        RiskFigures total = null;
        if (hidden.totalsHidden() || !standardWindow) {
            suppressed.add(new SuppressedCell(null, "total", TOTAL_HIDDEN.formatted(k)));
        } else {
            total = figures(result.total());
        }
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
                total,
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

    /**
     * How many recipients another member's figures rest on, for {@link SmallNumbers}: those of its
     * history, unless today's are fewer than k (with nobody arriving or leaving, a year is today's
     * recipients' net cost, and one or two of them are one or two people's).
     */
    private static int restsOn(MemberData m, int k, String viewer) {
        if (m.municipality().code().equals(viewer)) {
            return m.recipientsInHistory();
        }
        int today = m.derived().today().size();
        return today > 0 && today < k ? today : m.recipientsInHistory();
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
