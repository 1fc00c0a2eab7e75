package no.samkost.planning.calculation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A scenario compiled for the hot loop: members in id order, every amount in øre, each year's
 * rules as {@link GrantInOre}, each member's draws as 2^-53 thresholds and a Poisson table. {@link
 * Run} plays one run, year by year, from that run's own random stream.
 */
final class Simulation {

    /** New recipients are this old in the cost year they arrive, at the youngest ... */
    static final int YOUNGEST_ARRIVAL = 18;
    /** ... and at the oldest, each age as likely. */
    static final int OLDEST_ARRIVAL = 30;

    final int memberCount;
    final int years;
    final int runs;
    final long seed;
    final String[] ids;
    final int[] costYear;
    private final GrantInOre[] grants;
    private final long[][] poisson;
    private final long[] exitThreshold;
    private final long[] disabilityThreshold;
    private final long[][] annualCosts;
    private final int[][] todayBirthYear;
    private final boolean[][] todayDisability;
    private final long[][] todayCost;
    private final Staffing[] standAlone;
    private final long[] standAloneUnitCost;
    private final Staffing joint;
    private final long jointUnitCost;

    Simulation(RiskScenario scenario) {
        List<RiskMember> members = new ArrayList<>(scenario.members());
        members.sort(Comparator.comparing(RiskMember::id));
        this.memberCount = members.size();
        this.years = scenario.years();
        this.runs = scenario.runs();
        this.seed = scenario.seed();
        this.ids = new String[memberCount];
        this.poisson = new long[memberCount][];
        this.exitThreshold = new long[memberCount];
        this.disabilityThreshold = new long[memberCount];
        this.annualCosts = new long[memberCount][];
        this.todayBirthYear = new int[memberCount][];
        this.todayDisability = new boolean[memberCount][];
        this.todayCost = new long[memberCount][];
        this.standAlone = new Staffing[memberCount];
        this.standAloneUnitCost = new long[memberCount];
        for (int m = 0; m < memberCount; m++) {
            RiskMember member = members.get(m);
            ids[m] = member.id();
            poisson[m] = Draws.poissonTable(member.arrivalRate());
            exitThreshold[m] = Draws.threshold(member.exitProbability());
            disabilityThreshold[m] = member.intellectualDisabilityThreshold();
            annualCosts[m] = member.annualCosts().stream()
                    .mapToLong(c -> Amounts.ore(c, "annual cost"))
                    .toArray();
            int n = member.recipients().size();
            todayBirthYear[m] = new int[n];
            todayDisability[m] = new boolean[n];
            todayCost[m] = new long[n];
            for (int i = 0; i < n; i++) {
                RiskRecipient r = member.recipients().get(i);
                todayBirthYear[m][i] = r.birthYear();
                todayDisability[m][i] = r.intellectualDisability();
                todayCost[m][i] = Amounts.ore(r.annualDirectWageCost(), "annualDirectWageCost");
            }
            standAlone[m] = member.standAlone();
            standAloneUnitCost[m] = Amounts.ore(member.standAlone().unitFixedCost(), "unitFixedCost");
        }
        this.joint = scenario.joint();
        this.jointUnitCost = Amounts.ore(joint.unitFixedCost(), "unitFixedCost");
        this.grants = new GrantInOre[years];
        this.costYear = new int[years];
        for (int y = 0; y < years; y++) {
            grants[y] = GrantInOre.of(scenario.rulesByYear().get(y));
            costYear[y] = scenario.rulesByYear().get(y).costYear();
        }
    }

    /**
     * Each run's random stream: {@code new SplittableRandom(seed)} split once per run, in run
     * order, so run {@code r}'s draws depend only on the seed and {@code r}.
     */
    SplittableRandom[] runStreams(int count) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[count];
        for (int r = 0; r < count; r++) {
            streams[r] = root.split();
        }
        return streams;
    }

    /**
     * One run: the members' recipients as they change, and the figures of the year last played.
     * Each member draws from its own stream, split from the run's in id order, in a fixed order:
     * for each recipient present, one exit draw; then the number of arrivals; then for each arrival
     * its cost, its age and its intellectual disability.
     */
    final class Run {
        private final SplittableRandom[] random;
        private final int[][] birthYear;
        private final boolean[][] disability;
        private final long[][] cost;
        final int[] count;

        final int[] exits;
        final int[] arrivals;
        final int[] standAloneUnits;
        final long[] directWageCosts;
        final long[] standAloneFixed;
        final long[] pooledShare;
        final long[] standAloneGrant;
        final long[] pooledGrant;
        int pooledRecipients;
        int pooledUnits;
        long pooledFixed;

        private final int[] weights;
        private final long[] remainders;

        Run(SplittableRandom stream) {
            random = new SplittableRandom[memberCount];
            birthYear = new int[memberCount][];
            disability = new boolean[memberCount][];
            cost = new long[memberCount][];
            count = new int[memberCount];
            for (int m = 0; m < memberCount; m++) {
                random[m] = stream.split();
                int n = todayCost[m].length;
                int capacity = n + 16;
                birthYear[m] = Arrays.copyOf(todayBirthYear[m], capacity);
                disability[m] = Arrays.copyOf(todayDisability[m], capacity);
                cost[m] = Arrays.copyOf(todayCost[m], capacity);
                count[m] = n;
            }
            exits = new int[memberCount];
            arrivals = new int[memberCount];
            standAloneUnits = new int[memberCount];
            directWageCosts = new long[memberCount];
            standAloneFixed = new long[memberCount];
            pooledShare = new long[memberCount];
            standAloneGrant = new long[memberCount];
            pooledGrant = new long[memberCount];
            weights = new int[memberCount];
            remainders = new long[memberCount];
        }

        long standAloneNet(int m) {
            return directWageCosts[m] + standAloneFixed[m] - standAloneGrant[m];
        }

        long pooledNet(int m) {
            return directWageCosts[m] + pooledShare[m] - pooledGrant[m];
        }

        /** Plays year {@code y}: exits, arrivals, then each member's costs and grants, alone and pooled. */
        void year(int y) {
            int total = 0;
            for (int m = 0; m < memberCount; m++) {
                changeRecipients(m, y);
                weights[m] = count[m];
                total += count[m];
            }
            pooledRecipients = total;
            pooledUnits = joint.units(total);
            pooledFixed = Math.multiplyExact(pooledUnits, jointUnitCost);
            if (total > 0) {
                OreSplit.byWeights(pooledFixed, weights, memberCount, pooledShare, remainders);
            } else {
                Arrays.fill(pooledShare, 0);
            }
            GrantInOre rules = grants[y];
            for (int m = 0; m < memberCount; m++) {
                int n = count[m];
                standAloneUnits[m] = standAlone[m].units(n);
                standAloneFixed[m] = Math.multiplyExact(standAloneUnits[m], standAloneUnitCost[m]);
                long variable = 0;
                long grantAlone = 0;
                long grantPooled = 0;
                boolean sameShares = standAloneFixed[m] == pooledShare[m];
                int[] born = birthYear[m];
                boolean[] id = disability[m];
                long[] own = cost[m];
                // OreSplit.equalShare with its divisions out of the loop: base each, one more to the first few
                long baseAlone = n == 0 ? 0 : standAloneFixed[m] / n;
                long leftAlone = standAloneFixed[m] - baseAlone * n;
                long basePooled = n == 0 ? 0 : pooledShare[m] / n;
                long leftPooled = pooledShare[m] - basePooled * n;
                for (int i = 0; i < n; i++) {
                    variable += own[i];
                    long alone = rules.grant(own[i] + (i < leftAlone ? baseAlone + 1 : baseAlone), 0, born[i], id[i]);
                    grantAlone += alone;
                    grantPooled += sameShares
                            ? alone
                            : rules.grant(own[i] + (i < leftPooled ? basePooled + 1 : basePooled), 0, born[i], id[i]);
                }
                directWageCosts[m] = variable;
                standAloneGrant[m] = grantAlone;
                pooledGrant[m] = grantPooled;
            }
        }

        private void changeRecipients(int m, int y) {
            SplittableRandom draw = random[m];
            int[] born = birthYear[m];
            boolean[] id = disability[m];
            long[] own = cost[m];
            int n = count[m];
            int ageLimit = grants[y].eligibleBornOnOrAfter();
            long exit = exitThreshold[m];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                boolean leaves = Draws.uniform(draw) < exit;
                if (!leaves && born[i] >= ageLimit) {
                    born[kept] = born[i];
                    id[kept] = id[i];
                    own[kept] = own[i];
                    kept++;
                }
            }
            exits[m] = n - kept;
            int arriving = Draws.poisson(poisson[m], draw);
            arrivals[m] = arriving;
            if (kept + arriving > own.length) {
                int capacity = Math.max(2 * own.length, kept + arriving);
                born = birthYear[m] = Arrays.copyOf(born, capacity);
                id = disability[m] = Arrays.copyOf(id, capacity);
                own = cost[m] = Arrays.copyOf(own, capacity);
            }
            long[] costs = annualCosts[m];
            for (int j = 0; j < arriving; j++) {
                own[kept] = costs[Draws.below(draw, costs.length)];
                born[kept] = costYear[y] - YOUNGEST_ARRIVAL - Draws.below(draw, OLDEST_ARRIVAL - YOUNGEST_ARRIVAL + 1);
                id[kept] = Draws.uniform(draw) < disabilityThreshold[m];
                kept++;
            }
            count[m] = kept;
        }
    }
}
