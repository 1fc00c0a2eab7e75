package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import no.samkost.cooperation.calculation.Apportionment;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientYear;

/**
 * The risk-pooling simulation written out the slow way, in BigDecimal, one step per rule: the
 * oracle RiskPoolingProperties compares every figure with. It takes its grants from {@link
 * GrantCalculator#calculate} and its splits from {@link Apportionment#apportion} (the project's
 * own rules, not their long-øre copies), keeps every simulated value in a list, sorts them to read
 * percentiles, and finds each rounded figure by its definition.
 *
 * <p>What it shares with the code under test is the draws ({@code Draws}: a uniform 53-bit integer,
 * a bounded integer, a probability's threshold, a Poisson table) and their order, which RiskPooling's
 * Javadoc states as part of its contract: the same seed gives the same draws.
 */
final class RiskPoolingReference {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private RiskPoolingReference() {}

    /** A recipient as the reference keeps it. */
    private record Person(int born, boolean disability, BigDecimal cost) {}

    /** Every member's net costs, alone and pooled, and fixed costs, over runs and years. */
    private static final class Values {
        final List<List<List<BigDecimal>>> alone = new ArrayList<>(); // [member][year] -> runs
        final List<List<List<BigDecimal>>> pooled = new ArrayList<>();
        final List<BigDecimal> fixedAlone = new ArrayList<>(); // [member]
        final List<BigDecimal> fixedPooled = new ArrayList<>();
        BigDecimal fixedJoint = ZERO;
    }

    static RiskResult simulate(RiskScenario scenario) {
        List<RiskMember> members = new ArrayList<>(scenario.members());
        members.sort(Comparator.comparing(RiskMember::id));
        int years = scenario.years();
        Values v = new Values();
        for (int m = 0; m < members.size(); m++) {
            v.alone.add(new ArrayList<>());
            v.pooled.add(new ArrayList<>());
            for (int y = 0; y < years; y++) {
                v.alone.get(m).add(new ArrayList<>());
                v.pooled.get(m).add(new ArrayList<>());
            }
            v.fixedAlone.add(ZERO);
            v.fixedPooled.add(ZERO);
        }

        SplittableRandom root = new SplittableRandom(scenario.seed());
        for (int run = 0; run < scenario.runs(); run++) {
            SplittableRandom runStream = root.split();
            List<SplittableRandom> streams = new ArrayList<>();
            List<List<Person>> people = new ArrayList<>();
            for (RiskMember member : members) {
                streams.add(runStream.split());
                List<Person> today = new ArrayList<>();
                for (RiskRecipient r : member.recipients()) {
                    today.add(new Person(r.birthYear(), r.intellectualDisability(), r.annualDirectWageCost()));
                }
                people.add(today);
            }
            for (int y = 0; y < years; y++) {
                GrantRules rules = scenario.rulesByYear().get(y);
                for (int m = 0; m < members.size(); m++) {
                    people.set(m, nextYear(members.get(m), people.get(m), streams.get(m), rules));
                }
                // pooled: the joint units, split by recipients, ties to the lower id (list order)
                int total = people.stream().mapToInt(List::size).sum();
                BigDecimal jointFixed = units(total, scenario.joint());
                List<BigDecimal> shares;
                if (total == 0) {
                    shares = Collections.nCopies(members.size(), ZERO);
                } else {
                    List<BigDecimal> weights = new ArrayList<>();
                    for (List<Person> p : people) {
                        weights.add(BigDecimal.valueOf(p.size()));
                    }
                    shares = Apportionment.apportion(jointFixed, weights);
                }
                v.fixedJoint = v.fixedJoint.add(jointFixed);
                for (int m = 0; m < members.size(); m++) {
                    List<Person> p = people.get(m);
                    BigDecimal fixedAlone = units(p.size(), members.get(m).standAlone());
                    BigDecimal direct = ZERO;
                    for (Person person : p) {
                        direct = direct.add(person.cost());
                    }
                    BigDecimal netAlone = direct.add(fixedAlone).subtract(grants(rules, p, fixedAlone));
                    BigDecimal netPooled = direct.add(shares.get(m)).subtract(grants(rules, p, shares.get(m)));
                    v.alone.get(m).get(y).add(netAlone);
                    v.pooled.get(m).get(y).add(netPooled);
                    v.fixedAlone.set(m, v.fixedAlone.get(m).add(fixedAlone));
                    v.fixedPooled.set(m, v.fixedPooled.get(m).add(shares.get(m)));
                }
            }
        }
        return result(scenario, members, v);
    }

    /** Exits (one draw each, then the age limit), then arrivals: cost, age 18-30, disability. */
    private static List<Person> nextYear(
            RiskMember member, List<Person> before, SplittableRandom draw, GrantRules rules) {
        long exit = Draws.threshold(member.exitProbability());
        List<Person> after = new ArrayList<>();
        for (Person p : before) {
            boolean byChance = Draws.uniform(draw) < exit;
            boolean pastAgeLimit = p.born() < rules.eligibleBornOnOrAfter();
            if (!byChance && !pastAgeLimit) {
                after.add(p);
            }
        }
        int arriving = Draws.poisson(Draws.poissonTable(member.arrivalRate()), draw);
        long disability = disabilityThreshold(member);
        for (int i = 0; i < arriving; i++) {
            BigDecimal cost = member.annualCosts()
                    .get(Draws.below(draw, member.annualCosts().size()));
            int age = 18 + Draws.below(draw, 13);
            boolean id = Draws.uniform(draw) < disability;
            after.add(new Person(rules.costYear() - age, id, cost));
        }
        return after;
    }

    private static long disabilityThreshold(RiskMember member) {
        if (member.intellectualDisabilityProbability() != null) {
            return Draws.threshold(member.intellectualDisabilityProbability());
        }
        if (member.recipients().isEmpty()) {
            return 0;
        }
        int with = 0;
        for (RiskRecipient r : member.recipients()) {
            if (r.intellectualDisability()) {
                with++;
            }
        }
        return BigDecimal.valueOf(with)
                .multiply(BigDecimal.valueOf(Draws.ONE))
                .divide(BigDecimal.valueOf(member.recipients().size()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** ceil(n / capacity) units at the unit cost. */
    private static BigDecimal units(int recipients, Staffing staffing) {
        int units = 0;
        while ((long) units * staffing.unitCapacity() < recipients) {
            units++;
        }
        return staffing.unitFixedCost().multiply(BigDecimal.valueOf(units)).setScale(2);
    }

    /** The grants when {@code fixed} is split equally between the recipients and added to their costs. */
    private static BigDecimal grants(GrantRules rules, List<Person> people, BigDecimal fixed) {
        if (people.isEmpty()) {
            return ZERO;
        }
        List<BigDecimal> parts = Apportionment.apportion(fixed, Collections.nCopies(people.size(), BigDecimal.ONE));
        BigDecimal sum = ZERO;
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            sum = sum.add(GrantCalculator.calculate(
                            rules,
                            new RecipientYear(
                                    "R" + i,
                                    p.born(),
                                    p.disability(),
                                    p.cost().add(parts.get(i)),
                                    BigDecimal.ZERO,
                                    BigDecimal.ZERO,
                                    BigDecimal.ZERO))
                    .grant());
        }
        return sum;
    }

    private static RiskResult result(RiskScenario scenario, List<RiskMember> members, Values v) {
        int years = scenario.years();
        List<MemberRisk> risks = new ArrayList<>();
        BigDecimal fixedAloneTotal = ZERO;
        for (int m = 0; m < members.size(); m++) {
            risks.add(new MemberRisk(
                    members.get(m).id(),
                    risk(scenario, v.alone.get(m), v.pooled.get(m), v.fixedAlone.get(m), v.fixedPooled.get(m))));
            fixedAloneTotal = fixedAloneTotal.add(v.fixedAlone.get(m));
        }
        List<List<BigDecimal>> sumAlone = new ArrayList<>();
        List<List<BigDecimal>> sumPooled = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            List<BigDecimal> a = new ArrayList<>();
            List<BigDecimal> p = new ArrayList<>();
            for (int r = 0; r < scenario.runs(); r++) {
                BigDecimal sa = ZERO;
                BigDecimal sp = ZERO;
                for (int m = 0; m < members.size(); m++) {
                    sa = sa.add(v.alone.get(m).get(y).get(r));
                    sp = sp.add(v.pooled.get(m).get(y).get(r));
                }
                a.add(sa);
                p.add(sp);
            }
            sumAlone.add(a);
            sumPooled.add(p);
        }
        NetCostRisk total = risk(scenario, sumAlone, sumPooled, fixedAloneTotal, v.fixedJoint);
        return new RiskResult(scenario.runs(), years, scenario.firstCostYear(), scenario.seed(), risks, total);
    }

    private static NetCostRisk risk(
            RiskScenario scenario,
            List<List<BigDecimal>> alone,
            List<List<BigDecimal>> pooled,
            BigDecimal fixedAlone,
            BigDecimal fixedPooled) {
        List<YearRisk> byYear = new ArrayList<>();
        for (int y = 0; y < scenario.years(); y++) {
            byYear.add(new YearRisk(
                    scenario.rulesByYear().get(y).costYear(),
                    comparison(List.of(alone.get(y)), List.of(pooled.get(y)))));
        }
        BigDecimal n = BigDecimal.valueOf((long) scenario.runs() * scenario.years());
        return new NetCostRisk(
                comparison(alone, pooled),
                byYear,
                fixedAlone.divide(n, 2, RoundingMode.HALF_UP),
                fixedPooled.divide(n, 2, RoundingMode.HALF_UP));
    }

    private static RiskComparison comparison(List<List<BigDecimal>> alone, List<List<BigDecimal>> pooled) {
        NetCostDistribution a = distribution(alone);
        NetCostDistribution p = distribution(pooled);
        BigDecimal spreadAlone = a.p90().subtract(a.p10());
        BigDecimal reduction = spreadAlone.subtract(p.p90().subtract(p.p10()));
        BigDecimal share = spreadAlone.signum() == 0 ? null : reduction.divide(spreadAlone, 4, RoundingMode.HALF_UP);
        return new RiskComparison(a, p, reduction, share);
    }

    /** @param byYear each year's values; "above expected" compares a value with its own year's mean */
    private static NetCostDistribution distribution(List<List<BigDecimal>> byYear) {
        List<BigDecimal> all = new ArrayList<>();
        long above = 0;
        for (List<BigDecimal> year : byYear) {
            BigDecimal sum = year.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal n = BigDecimal.valueOf(year.size());
            for (BigDecimal x : year) {
                // x > 1.1 x sum / n
                if (x.multiply(n).multiply(BigDecimal.TEN).compareTo(sum.multiply(BigDecimal.valueOf(11))) > 0) {
                    above++;
                }
            }
            all.addAll(year);
        }
        Collections.sort(all);
        int n = all.size();
        BigDecimal sum = all.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        return new NetCostDistribution(
                mean,
                percentile(all, 10),
                percentile(all, 50),
                percentile(all, 90),
                standardDeviation(all),
                BigDecimal.valueOf(above).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP));
    }

    /** Nearest rank: the smallest k with k / n >= p / 100; the k-th smallest value. */
    private static BigDecimal percentile(List<BigDecimal> sorted, int p) {
        int n = sorted.size();
        int k = 1;
        while (k * 100L < (long) p * n) {
            k++;
        }
        return sorted.get(k - 1);
    }

    /**
     * The population standard deviation in øre, half up: the whole number s with {@code (s - 1/2)^2
     * <= variance < (s + 1/2)^2}, variance = sum (x - mean)^2 / n, tested exactly with fractions.
     */
    private static BigDecimal standardDeviation(List<BigDecimal> values) {
        int n = values.size();
        BigInteger count = BigInteger.valueOf(n);
        BigInteger sum = BigInteger.ZERO;
        for (BigDecimal x : values) {
            sum = sum.add(x.movePointRight(2).toBigIntegerExact());
        }
        // n^3 x variance = n^2 x sum (x - sum / n)^2 = sum (n x - sum)^2, in øre^2
        BigInteger scaled = BigInteger.ZERO;
        for (BigDecimal x : values) {
            BigInteger d =
                    count.multiply(x.movePointRight(2).toBigIntegerExact()).subtract(sum);
            scaled = scaled.add(d.multiply(d));
        }
        BigInteger cube = count.pow(3);
        BigDecimal variance = new BigDecimal(scaled).divide(new BigDecimal(cube), MathContext.DECIMAL128);
        long guess = variance.sqrt(MathContext.DECIMAL64)
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
        for (long s = Math.max(0, guess - 2); ; s++) {
            // (s + 1/2)^2 > variance  <=>  (2s + 1)^2 x n^3 > 4 x n^3 x variance
            BigInteger upper = BigInteger.valueOf(2 * s + 1).pow(2).multiply(cube);
            if (upper.compareTo(scaled.shiftLeft(2)) > 0) {
                return BigDecimal.valueOf(s, 2);
            }
        }
    }
}
