package no.samkost.planning.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.samkost.planning.calculation.RiskPooling.Execution;

/**
 * The simulation's properties, on random small scenarios (1-4 members with 0-6 recipients today,
 * arrival rates 0-3, exit probabilities 0-0.40, 1-4 years, 1-12 runs, IS-4-like rules with the age
 * limit and the deduction's cut-off in play).
 */
class RiskPoolingProperties {

    @Provide
    Arbitrary<RiskScenario> scenarios() {
        return RiskPoolingScenarios.scenarios(true);
    }

    @Provide
    Arbitrary<RiskScenario> withoutFixedCosts() {
        return RiskPoolingScenarios.scenarios(false);
    }

    /** Every figure, against the slow BigDecimal reference (GrantCalculator, Apportionment, sorted lists). */
    @Property(tries = 300)
    void everyFigureIsTheReferences(@ForAll("scenarios") RiskScenario scenario) {
        assertThat(RiskPooling.simulate(scenario, Execution.SEQUENTIAL))
                .isEqualTo(RiskPoolingReference.simulate(scenario));
    }

    /** Runs played on several threads give the figures the sequential play gives, bit for bit. */
    @Property(tries = 100)
    void parallelIsSequential(@ForAll("scenarios") RiskScenario scenario) {
        assertThat(RiskPooling.simulate(scenario, Execution.PARALLEL))
                .isEqualTo(RiskPooling.simulate(scenario, Execution.SEQUENTIAL));
    }

    /**
     * With no fixed staffing, pooling changes nothing a member pays: with the same draws each
     * member-year's net cost is the same alone and pooled, so the means are equal, exactly, overall
     * and in every year (and so is every other figure).
     */
    @Property(tries = 200)
    void withoutFixedCostsPooledAndStandAloneMeansAreEqual(@ForAll("withoutFixedCosts") RiskScenario scenario) {
        RiskResult result = RiskPooling.simulate(scenario);
        for (MemberRisk member : result.members()) {
            RiskComparison overall = member.risk().overall();
            assertThat(overall.pooled().mean()).isEqualTo(overall.standAlone().mean());
            assertThat(overall.pooled()).isEqualTo(overall.standAlone());
            for (YearRisk year : member.risk().byYear()) {
                assertThat(year.comparison().pooled().mean())
                        .isEqualTo(year.comparison().standAlone().mean());
            }
        }
    }

    /**
     * The spread of the total. The brief's property, "with the same draws the pooled total's spread
     * (P90 - P10 of the sum over members) is never larger than the sum of the stand-alone spreads",
     * can fail as stated, for two reasons, so this tests what always holds:
     *
     * <ol>
     *   <li>Percentile spreads do not add up that way (a quantile is not subadditive): two members
     *       each with a 6 % chance of one costly recipient, else nothing, have P10 = P90 = 0 each, a
     *       spread of 0; their sum is above 0 with probability 1 - 0.94^2 = 11.6 %, so its P90 is
     *       above 0 and the total's spread exceeds the sum of the members' spreads (0).
     *   <li>Stepwise staffing: pooled, the units follow the total ({@code ceil(total / capacity)}),
     *       which can step while no member's own units do (see {@code
     *       stepwiseStaffingCanWidenThePooledTotal} below).
     * </ol>
     *
     * So the property uses the standard deviation, for which {@code sd(X + Y) <= sd(X) + sd(Y)}
     * always holds (Minkowski), and no fixed staffing, where pooled equals stand-alone member-year
     * by member-year: the pooled total's standard deviation is at most the sum of the members'
     * stand-alone standard deviations. Each reported deviation is rounded half up to øre, so the
     * comparison allows half an øre per figure rounded: (members + 1) x 0.005.
     */
    @Property(tries = 200)
    void withoutFixedCostsThePooledTotalVariesNoMoreThanTheMembersAlone(
            @ForAll("withoutFixedCosts") RiskScenario scenario) {
        RiskResult result = RiskPooling.simulate(scenario);
        assertThat(result.total().overall().pooled().standardDeviation())
                .isLessThanOrEqualTo(sumOfStandAloneDeviations(result).add(rounding(result)));
    }

    /**
     * With fixed staffing, what always holds is the same inequality within one way of running: the
     * total's standard deviation is at most the sum of the members', alone and pooled each.
     */
    @Property(tries = 200)
    void theTotalVariesNoMoreThanItsMembersTogether(@ForAll("scenarios") RiskScenario scenario) {
        RiskResult result = RiskPooling.simulate(scenario);
        BigDecimal alone = BigDecimal.ZERO;
        BigDecimal pooled = BigDecimal.ZERO;
        for (MemberRisk m : result.members()) {
            alone = alone.add(m.risk().overall().standAlone().standardDeviation());
            pooled = pooled.add(m.risk().overall().pooled().standardDeviation());
        }
        assertThat(result.total().overall().standAlone().standardDeviation())
                .isLessThanOrEqualTo(alone.add(rounding(result)));
        assertThat(result.total().overall().pooled().standardDeviation())
                .isLessThanOrEqualTo(pooled.add(rounding(result)));
    }

    /**
     * Why the spread property needs no fixed staffing: members 3901 (one recipient, always) and
     * 3902 (one recipient and new ones at 0.5 a year), units of 2. Alone, 3901 always runs one
     * unit, 3902 one unit until its second recipient arrives; pooled, a second recipient at 3902
     * makes three and a second joint unit at once. Over the runs the pooled total's standard
     * deviation is above the sum of the stand-alone ones, though its mean is lower.
     */
    @Example
    void stepwiseStaffingCanWidenThePooledTotal() {
        Staffing units = new Staffing(2, new BigDecimal("2000000.00"));
        List<BigDecimal> costs = List.of(new BigDecimal("1000000.00"));
        RiskRecipient one = new RiskRecipient(1995, false, new BigDecimal("1000000.00"));
        RiskScenario scenario = new RiskScenario(
                List.of(
                        new RiskMember("3901", BigDecimal.ZERO, BigDecimal.ZERO, List.of(one), costs, null, units),
                        new RiskMember(
                                "3902", new BigDecimal("0.5"), BigDecimal.ZERO, List.of(one), costs, null, units)),
                units,
                RiskPoolingScenarios.is4of2024(1),
                1000,
                20261);
        RiskResult result = RiskPooling.simulate(scenario);
        assertThat(result.total().overall().pooled().standardDeviation())
                .isGreaterThan(sumOfStandAloneDeviations(result));
        assertThat(result.total().overall().pooled().mean())
                .isLessThan(result.total().overall().standAlone().mean());
    }

    /** The members' order in the input changes nothing: they are simulated and reported in id order. */
    @Property(tries = 200)
    void resultsDoNotDependOnTheMembersOrder(@ForAll("scenarios") RiskScenario scenario, @ForAll Random random) {
        List<RiskMember> shuffled = new ArrayList<>(scenario.members());
        Collections.shuffle(shuffled, random);
        RiskScenario reordered =
                new RiskScenario(shuffled, scenario.joint(), scenario.rulesByYear(), scenario.runs(), scenario.seed());
        assertThat(RiskPooling.simulate(reordered)).isEqualTo(RiskPooling.simulate(scenario));
        assertThat(RiskPooling.trace(reordered, scenario.runs() - 1))
                .isEqualTo(RiskPooling.trace(scenario, scenario.runs() - 1));
    }

    /** The same seed gives the same figures, bit for bit, and so does the trace of a run. */
    @Property(tries = 200)
    void theSameSeedGivesTheSameFigures(@ForAll("scenarios") RiskScenario scenario) {
        assertThat(RiskPooling.simulate(scenario)).isEqualTo(RiskPooling.simulate(scenario));
        assertThat(RiskPooling.trace(scenario, 0)).isEqualTo(RiskPooling.trace(scenario, 0));
    }

    /**
     * A different seed gives different figures, for a scenario with enough chance in it: 3 members
     * with arrivals (rate 2) from 3 different costs, exits of 20 %, 3 years, 50 runs. That all of
     * it came out the same by chance is far below anything a test could see.
     */
    @Property(tries = 100)
    void aDifferentSeedGivesDifferentFigures(@ForAll long seed, @ForAll long other) {
        if (seed == other) {
            return;
        }
        assertThat(RiskPooling.simulate(chancy(seed))).isNotEqualTo(RiskPooling.simulate(chancy(other)));
    }

    static RiskScenario chancy(long seed) {
        Staffing units = new Staffing(3, new BigDecimal("1500000.00"));
        List<BigDecimal> costs =
                List.of(new BigDecimal("900000.00"), new BigDecimal("2100000.00"), new BigDecimal("3400000.50"));
        List<RiskMember> members = new ArrayList<>();
        for (String id : List.of("3901", "3902", "3903")) {
            members.add(new RiskMember(
                    id,
                    new BigDecimal("2"),
                    new BigDecimal("0.20"),
                    List.of(new RiskRecipient(1990, true, new BigDecimal("2500000.00"))),
                    costs,
                    null,
                    units));
        }
        return new RiskScenario(members, units, RiskPoolingScenarios.is4of2024(3), 50, seed);
    }

    /**
     * Pooled, the members' shares of the joint service's fixed cost add up to that cost, to the
     * øre, in every year of every run; the cost is {@code ceil(total / capacity)} units at the unit
     * cost, and alone each member pays {@code ceil(own / capacity)} of its own units.
     */
    @Property(tries = 300)
    void thePooledSharesAddUpToThePooledFixedCost(@ForAll("scenarios") RiskScenario scenario) {
        for (int run = 0; run < scenario.runs(); run++) {
            for (RunTrace.Year year : RiskPooling.trace(scenario, run).years()) {
                BigDecimal shares = year.members().stream()
                        .map(RunTrace.MemberYear::pooledFixedCostShare)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(shares).isEqualTo(year.pooledFixedCost());
                int capacity = scenario.joint().unitCapacity();
                assertThat(year.pooledUnits()).isEqualTo((year.pooledRecipients() + capacity - 1) / capacity);
                assertThat(year.pooledFixedCost())
                        .isEqualTo(scenario.joint()
                                .unitFixedCost()
                                .multiply(BigDecimal.valueOf(year.pooledUnits()))
                                .setScale(2));
                assertThat(year.pooledRecipients())
                        .isEqualTo(year.members().stream()
                                .mapToInt(RunTrace.MemberYear::recipients)
                                .sum());
                for (RunTrace.MemberYear m : year.members()) {
                    Staffing own = staffingOf(scenario, m.member());
                    int ownCapacity = own.unitCapacity();
                    assertThat(m.standAloneUnits()).isEqualTo((m.recipients() + ownCapacity - 1) / ownCapacity);
                    assertThat(m.standAloneFixedCost())
                            .isEqualTo(own.unitFixedCost()
                                    .multiply(BigDecimal.valueOf(m.standAloneUnits()))
                                    .setScale(2));
                }
            }
        }
    }

    /** The trace of a run is the run the summary counted: one run, one year: its figures are the means. */
    @Property(tries = 200)
    void aTraceIsTheRunTheSummaryCounted(@ForAll("scenarios") RiskScenario scenario) {
        RiskScenario oneRun = new RiskScenario(
                scenario.members(), scenario.joint(), scenario.rulesByYear().subList(0, 1), 1, scenario.seed());
        RiskResult result = RiskPooling.simulate(oneRun);
        RunTrace.Year year = RiskPooling.trace(oneRun, 0).years().get(0);
        for (int m = 0; m < result.members().size(); m++) {
            RunTrace.MemberYear traced = year.members().get(m);
            MemberRisk risk = result.members().get(m);
            assertThat(risk.member()).isEqualTo(traced.member());
            assertThat(risk.risk().overall().standAlone().mean()).isEqualTo(traced.standAloneNetCost());
            assertThat(risk.risk().overall().pooled().mean()).isEqualTo(traced.pooledNetCost());
            assertThat(risk.risk().meanFixedCostPooled()).isEqualTo(traced.pooledFixedCostShare());
        }
        assertThat(result.total().meanFixedCostPooled()).isEqualTo(year.pooledFixedCost());
    }

    private static Staffing staffingOf(RiskScenario scenario, String id) {
        return scenario.members().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow()
                .standAlone();
    }

    private static BigDecimal sumOfStandAloneDeviations(RiskResult result) {
        return result.members().stream()
                .map(m -> m.risk().overall().standAlone().standardDeviation())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Half an øre for each rounded deviation compared: the members' and the total's. */
    private static BigDecimal rounding(RiskResult result) {
        return new BigDecimal("0.005")
                .multiply(BigDecimal.valueOf(result.members().size() + 1L));
    }
}
