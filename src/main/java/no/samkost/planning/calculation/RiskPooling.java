package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Why cooperate: a Monte Carlo of each cooperation member's yearly net cost (costs - grant) over
 * N years, run alone and pooled in a joint service, from the same draws. Plain Java: the years'
 * rules are passed in.
 *
 * <p>The model, in the order a year is played ({@link #ASSUMPTIONS} lists the same for a reader):
 *
 * <ol>
 *   <li><b>Exits</b>: each recipient present leaves with the member's yearly exit probability, and
 *       always when born before the year's {@code eligibleBornOnOrAfter} (past the age limit). One
 *       who leaves costs nothing that year.
 *   <li><b>Arrivals</b>: a Poisson number of new recipients at the member's yearly rate; each costs
 *       one of the member's annual costs drawn uniformly, is 18 to 30 years old in the cost year it
 *       arrives (each age as likely), and has an intellectual disability with the member's
 *       probability (by default the share among its recipients today). It stays the whole year.
 *   <li><b>Stand-alone staffing</b>: the member runs {@code ceil(n / unitCapacity)} units of its own
 *       (none for no recipients) at its unit cost.
 *   <li><b>Pooled staffing</b>: the joint service runs {@code ceil(total / unitCapacity)} units; their
 *       cost is split between the members in proportion to their recipients that year, exactly to
 *       the øre by the largest remainder ({@code cooperation.calculation.Apportionment}'s rule),
 *       equal remainders to the lower member id.
 *   <li><b>Fixed staffing is direct wages</b>: a member's fixed cost (stand-alone) or share
 *       (pooled) is split equally between its recipients, the øre left over one each to the first
 *       (today's in the given order, then arrivals in order), and added to each recipient's costs
 *       before its grant: a joint service's direct wages attributed to a recipient are that
 *       recipient's direct wage costs.
 *   <li><b>The grant</b>: every recipient's grant under the year's rules, the real grant
 *       calculator's rules ({@code GrantCalculator.calculate}) computed in whole øre; no other
 *       deductions (earmarked grants, host grant, user payments) are modelled.
 *   <li><b>Net cost</b> = direct wage costs + fixed cost (or share) - grants, per member and year.
 * </ol>
 *
 * <p><b>Randomness.</b> Run {@code r} draws from the {@code r}-th {@code split()} of {@code new
 * SplittableRandom(seed)}; within a run each member, in id order, from its own split. So the
 * figures depend only on the scenario and the seed: not on threads (runs play in parallel and
 * give the figures the sequential play gives), not on the members' order in the input. Draws use
 * only {@code nextLong()} and integer thresholds (see {@code Draws}), so the same seed gives the
 * same figures, bit for bit.
 *
 * <p><b>Money.</b> BigDecimal at the boundary, whole øre ({@code long}) inside: no figure is ever
 * rounded on the way; the reported means and standard deviations are rounded half up to øre once,
 * at the end, from exact integer sums. Floating point is used only to build each member's Poisson
 * table once ({@link StrictMath}, the same bits everywhere), never for money.
 *
 * <p><b>Figures.</b> Per member and for the cooperation's total (the sum over members in each run
 * and year), stand-alone and pooled: over all runs x years and per simulated year (a fan chart),
 * the mean, P10, P50 and P90 by nearest rank, the population standard deviation, the share of
 * member-years above the same year's expected (mean) net cost by more than 10 %, and the reduction
 * of the P10-P90 spread, in NOK and as a share.
 */
public final class RiskPooling {

    /** Runs in parallel over the machine's cores, or one after the other: the same figures either way. */
    public enum Execution {
        SEQUENTIAL,
        PARALLEL
    }

    /** The model's assumptions, one a line, as the Javadoc above states them: for a reader or a page. */
    public static final List<String> ASSUMPTIONS = List.of(
            "Years are played whole: exits first, then arrivals; a recipient who leaves costs nothing that year,"
                    + " one who arrives costs a full year.",
            "Each recipient leaves with the member's yearly exit probability, and always once born before the"
                    + " year's earliest eligible birth year (the age limit).",
            "New recipients arrive as a Poisson process at the member's yearly rate; each costs one of the member's"
                    + " annual costs drawn uniformly, is 18 to 30 years old when it arrives, and has an intellectual"
                    + " disability with the member's probability (by default the share among its recipients today).",
            "A recipient's annual cost does not grow from year to year: pass rules in the same prices.",
            "Stand-alone, a member runs ceil(recipients / unit capacity) units of its own; pooled, the joint"
                    + " service runs ceil(all members' recipients / unit capacity) units, split between members by"
                    + " their recipients that year, to the øre by the largest remainder, ties to the lower member id.",
            "Fixed staffing is direct wages: each recipient's equal share of its member's fixed cost (or pooled"
                    + " share) is added to its costs before the grant.",
            "Every recipient's grant is the grant calculator's under the year's rules; no earmarked grants,"
                    + " host-municipality grants or user payments are modelled.",
            "Percentiles by nearest rank; standard deviation over the simulated values (population);"
                    + " above expected means more than 10 % above the mean of the same simulated year.");

    private RiskPooling() {}

    /** {@link #simulate(RiskScenario, Execution)} in parallel. */
    public static RiskResult simulate(RiskScenario scenario) {
        return simulate(scenario, Execution.PARALLEL);
    }

    public static RiskResult simulate(RiskScenario scenario, Execution execution) {
        Simulation sim = new Simulation(scenario);
        int members = sim.memberCount;
        int years = sim.years;
        int runs = sim.runs;
        int cells = years * runs;
        long[][] alone = new long[members][cells];
        long[][] pooled = new long[members][cells];
        long[] totalAlone = new long[cells];
        long[] totalPooled = new long[cells];
        long[][] fixedAlone = new long[members][runs];
        long[][] fixedPooled = new long[members][runs];
        long[] fixedJoint = new long[runs];
        SplittableRandom[] streams = sim.runStreams(runs);

        IntStream runIndices = IntStream.range(0, runs);
        (execution == Execution.PARALLEL ? runIndices.parallel() : runIndices).forEach(r -> {
            Simulation.Run run = sim.new Run(streams[r]);
            for (int y = 0; y < years; y++) {
                run.year(y);
                int cell = y * runs + r;
                long sumAlone = 0;
                long sumPooled = 0;
                for (int m = 0; m < members; m++) {
                    long a = run.standAloneNet(m);
                    long p = run.pooledNet(m);
                    alone[m][cell] = a;
                    pooled[m][cell] = p;
                    sumAlone += a;
                    sumPooled += p;
                    fixedAlone[m][r] += run.standAloneFixed[m];
                    fixedPooled[m][r] += run.pooledShare[m];
                }
                totalAlone[cell] = sumAlone;
                totalPooled[cell] = sumPooled;
                fixedJoint[r] += run.pooledFixed;
            }
        });

        // series 2m and 2m+1: member m alone and pooled; the last two: the total
        long[][] series = new long[2 * members + 2][];
        for (int m = 0; m < members; m++) {
            series[2 * m] = alone[m];
            series[2 * m + 1] = pooled[m];
        }
        series[2 * members] = totalAlone;
        series[2 * members + 1] = totalPooled;
        NetCostDistribution[][] summaries = new NetCostDistribution[series.length][];
        IntStream seriesIndices = IntStream.range(0, series.length);
        (execution == Execution.PARALLEL ? seriesIndices.parallel() : seriesIndices)
                .forEach(s -> summaries[s] = Series.summarise(series[s], runs, years));

        List<MemberRisk> memberRisks = new ArrayList<>(members);
        long totalFixedAlone = 0;
        for (int m = 0; m < members; m++) {
            long sumAlone = sum(fixedAlone[m]);
            totalFixedAlone += sumAlone;
            memberRisks.add(new MemberRisk(
                    sim.ids[m], risk(sim, summaries[2 * m], summaries[2 * m + 1], sumAlone, sum(fixedPooled[m]))));
        }
        NetCostRisk total =
                risk(sim, summaries[2 * members], summaries[2 * members + 1], totalFixedAlone, sum(fixedJoint));
        return new RiskResult(runs, years, scenario.firstCostYear(), scenario.seed(), memberRisks, total);
    }

    /**
     * Run {@code run} (0-based) of {@link #simulate} in full: every member's recipients, costs,
     * fixed staffing, grants and net cost in each year, alone and pooled.
     */
    public static RunTrace trace(RiskScenario scenario, int run) {
        if (run < 0 || run >= scenario.runs()) {
            throw new IllegalArgumentException("runs are 0 to " + (scenario.runs() - 1) + ", not " + run);
        }
        Simulation sim = new Simulation(scenario);
        Simulation.Run played = sim.new Run(sim.runStreams(run + 1)[run]);
        List<RunTrace.Year> years = new ArrayList<>(sim.years);
        for (int y = 0; y < sim.years; y++) {
            played.year(y);
            List<RunTrace.MemberYear> members = new ArrayList<>(sim.memberCount);
            for (int m = 0; m < sim.memberCount; m++) {
                members.add(new RunTrace.MemberYear(
                        sim.ids[m],
                        played.exits[m],
                        played.arrivals[m],
                        played.count[m],
                        Amounts.kroner(played.directWageCosts[m]),
                        played.standAloneUnits[m],
                        Amounts.kroner(played.standAloneFixed[m]),
                        Amounts.kroner(played.standAloneGrant[m]),
                        Amounts.kroner(played.standAloneNet(m)),
                        Amounts.kroner(played.pooledShare[m]),
                        Amounts.kroner(played.pooledGrant[m]),
                        Amounts.kroner(played.pooledNet(m))));
            }
            years.add(new RunTrace.Year(
                    sim.costYear[y],
                    played.pooledRecipients,
                    played.pooledUnits,
                    Amounts.kroner(played.pooledFixed),
                    members));
        }
        return new RunTrace(run, years);
    }

    private static NetCostRisk risk(
            Simulation sim,
            NetCostDistribution[] alone,
            NetCostDistribution[] pooled,
            long fixedAlone,
            long fixedPooled) {
        List<YearRisk> byYear = new ArrayList<>(sim.years);
        for (int y = 0; y < sim.years; y++) {
            byYear.add(new YearRisk(sim.costYear[y], RiskComparison.of(alone[y], pooled[y])));
        }
        BigDecimal memberYears = BigDecimal.valueOf((long) sim.years * sim.runs);
        return new NetCostRisk(
                RiskComparison.of(alone[sim.years], pooled[sim.years]),
                byYear,
                Amounts.kroner(fixedAlone).divide(memberYears, 2, RoundingMode.HALF_UP),
                Amounts.kroner(fixedPooled).divide(memberYears, 2, RoundingMode.HALF_UP));
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum = Math.addExact(sum, v);
        }
        return sum;
    }
}
