package no.samkost.planning.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import no.samkost.cooperation.calculation.Apportionment;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.reimbursement.calculation.RuleProvenance;
import no.samkost.reimbursement.calculation.ValueStatus;
import no.samkost.support.GrantReference;

/**
 * The hot loop's long-øre copies of the project's rules, each against the original: the grant
 * ({@link GrantInOre} against {@link GrantCalculator#calculate}), the largest-remainder split
 * ({@link OreSplit} against {@link Apportionment#apportion}), and the draws' tables.
 */
class RiskPoolingGrantProperties {

    /** Kroner with øre, from 0 to {@code maxKroner}. */
    static Arbitrary<BigDecimal> money(long maxKroner) {
        return Arbitraries.longs().between(0, maxKroner * 100).map(ore -> BigDecimal.valueOf(ore, 2));
    }

    /** Complete rules: every value present, as the simulation requires; rates as GrantCalculatorProperties draws them. */
    @Provide
    Arbitrary<GrantRules> rules() {
        Arbitrary<BigDecimal> threshold = money(3_000_000);
        Arbitrary<BigDecimal> rate = Arbitraries.oneOf(
                Arbitraries.of("0.80", "0.85", "0.50", "0.25", "0.75", "0.05", "1", "1.00")
                        .map(BigDecimal::new),
                Arbitraries.integers().between(1, 100).map(i -> BigDecimal.valueOf(i, 2)),
                Arbitraries.integers().between(1, 10_000).map(i -> BigDecimal.valueOf(i, 4)),
                Arbitraries.longs().between(1, 999_999_999_999_999L).map(i -> BigDecimal.valueOf(i, 15)));
        Arbitrary<BigDecimal> deduction = money(1_500_000);
        Arbitrary<Integer> cutOff = Arbitraries.integers().between(1990, 2010);
        Arbitrary<Integer> ageLimit = Arbitraries.integers().between(1940, 1970);
        return Combinators.combine(threshold, rate, deduction, cutOff, ageLimit)
                .as((t, r, d, c, a) ->
                        new GrantRules(2024, t, r, d, c, a, RuleProvenance.of(ValueStatus.VERIFIED, "generated")));
    }

    @Provide
    Arbitrary<RecipientYear> recipients() {
        return Combinators.combine(
                        Arbitraries.integers().between(1930, 2024),
                        Arbitraries.of(true, false),
                        money(20_000_000),
                        money(500_000),
                        money(500_000),
                        money(200_000))
                .as((born, id, costs, earmarked, host, user) ->
                        new RecipientYear("R", born, id, costs, earmarked, host, user));
    }

    /** "The real grant calculator's rules": the long-øre grant is GrantCalculator's, to the øre. */
    @Property(tries = 5000)
    void theOreGrantIsTheGrantCalculators(@ForAll("rules") GrantRules rules, @ForAll("recipients") RecipientYear r) {
        assertThat(fast(rules, r)).isEqualTo(GrantCalculator.calculate(rules, r).grant());
    }

    /** The same a few øre around deductions + threshold, or a small basis above it, where rounding shows. */
    @Property(tries = 5000)
    void theOreGrantIsTheGrantCalculatorsAtTheThreshold(
            @ForAll("rules") GrantRules rules,
            @ForAll("recipients") RecipientYear r,
            @ForAll @IntRange(min = -3, max = 10_000) int ore) {
        long deductions = GrantReference.ore(r.earmarkedGrants())
                + GrantReference.ore(r.hostMunicipalityGrant())
                + GrantReference.ore(r.userPayments())
                + (r.intellectualDisability() ? GrantReference.ore(rules.intellectualDisabilityDeduction()) : 0);
        long costs = Math.max(0, deductions + GrantReference.ore(rules.threshold()) + ore);
        RecipientYear near = new RecipientYear(
                r.ref(),
                r.birthYear(),
                r.intellectualDisability(),
                BigDecimal.valueOf(costs, 2),
                r.earmarkedGrants(),
                r.hostMunicipalityGrant(),
                r.userPayments());
        assertThat(fast(rules, near))
                .isEqualTo(GrantCalculator.calculate(rules, near).grant());
    }

    /** A basis so large that basis x rate leaves {@code long}: the long-øre grant falls back to BigDecimal. */
    @Property(tries = 500)
    void aVeryLargeBasisStillGivesTheGrantCalculators(
            @ForAll("rules") GrantRules rules, @ForAll @LongRange(min = 1, max = 90_000_000_000_000_000L) long ore) {
        RecipientYear huge = new RecipientYear(
                "R", 1990, false, BigDecimal.valueOf(ore, 2), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(fast(rules, huge))
                .isEqualTo(GrantCalculator.calculate(rules, huge).grant());
    }

    /** DOMAIN.md's worked example, IS-4/2024: 576 000.00, 0 past the age limit, 1 241 600.00 without ID. */
    @Example
    void theWorkedExample() {
        GrantInOre is4of2024 = GrantInOre.of(GrantReference.IS_4_2024);
        assertThat(is4of2024.grant(320_000_000L, 4_000_000L, 1990, true)).isEqualTo(57_600_000L);
        assertThat(is4of2024.grant(320_000_000L, 4_000_000L, 1950, true)).isZero();
        assertThat(is4of2024.grant(320_000_000L, 4_000_000L, 1990, false)).isEqualTo(124_160_000L);
    }

    @Example
    void incompleteRulesAreRefusedNotGuessed() {
        GrantRules noDeduction = new GrantRules(
                2027,
                new BigDecimal("1750000"),
                new BigDecimal("0.80"),
                null,
                2008,
                1959,
                RuleProvenance.of(ValueStatus.PROJECTED, "test"));
        assertThatThrownBy(() -> GrantInOre.of(noDeduction))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grant year 2027 lack intellectualDisabilityDeduction");
    }

    /** The largest-remainder split in long øre is Apportionment's, part for part. */
    @Property(tries = 3000)
    void theOreSplitIsTheApportionment(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long total, @ForAll("weights") List<Integer> weights) {
        int[] w = weights.stream().mapToInt(Integer::intValue).toArray();
        long[] parts = new long[w.length];
        OreSplit.byWeights(total, w, w.length, parts, new long[w.length]);
        List<BigDecimal> expected = Apportionment.apportion(
                BigDecimal.valueOf(total, 2),
                weights.stream().map(BigDecimal::valueOf).toList());
        List<BigDecimal> actual = new ArrayList<>();
        for (long part : parts) {
            actual.add(Amounts.kroner(part));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Integer>> weights() {
        return Arbitraries.integers()
                .between(0, 40)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .filter(w -> w.stream().mapToInt(Integer::intValue).sum() > 0);
    }

    /** An equal split (a member's fixed cost between its recipients) is Apportionment with equal weights. */
    @Property(tries = 3000)
    void theEqualShareIsTheApportionment(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long total,
            @ForAll @IntRange(min = 1, max = 60) int n) {
        List<BigDecimal> expected =
                Apportionment.apportion(BigDecimal.valueOf(total, 2), Collections.nCopies(n, BigDecimal.ONE));
        for (int i = 0; i < n; i++) {
            assertThat(Amounts.kroner(OreSplit.equalShare(total, n, i))).isEqualTo(expected.get(i));
        }
    }

    /**
     * A Poisson table rises to 2^53, and the distribution it draws from has the rate as its mean:
     * {@code sum k x P(k)} within 10^-9 of the rate (the table's rounding to 2^-53 and its cut tail).
     */
    @Property(tries = 500)
    void thePoissonTableHasTheRateAsItsMean(@ForAll @IntRange(min = 0, max = 50_000) int hundredths) {
        BigDecimal rate = BigDecimal.valueOf(hundredths, 2);
        long[] table = Draws.poissonTable(rate);
        assertThat(table[table.length - 1]).isEqualTo(Draws.ONE);
        BigDecimal mean = BigDecimal.ZERO;
        long before = 0;
        for (int k = 0; k < table.length; k++) {
            assertThat(table[k]).isGreaterThanOrEqualTo(before);
            mean = mean.add(BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(table[k] - before)));
            before = table[k];
        }
        mean = mean.divide(BigDecimal.valueOf(Draws.ONE), 12, RoundingMode.HALF_UP);
        assertThat(mean.subtract(rate).abs()).isLessThanOrEqualTo(new BigDecimal("1E-9").max(rate.movePointLeft(9)));
    }

    /** A probability's threshold is round(p x 2^53): 0 never happens, 1 always does. */
    @Property(tries = 1000)
    void aProbabilitysThresholdIsExact(@ForAll @IntRange(min = 0, max = 10_000) int tenThousandths) {
        BigDecimal p = BigDecimal.valueOf(tenThousandths, 4);
        long expected = p.multiply(new BigDecimal(Draws.ONE))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        assertThat(Draws.threshold(p)).isEqualTo(expected);
        assertThat(Draws.threshold(BigDecimal.ONE)).isEqualTo(Draws.ONE);
        assertThat(Draws.threshold(BigDecimal.ZERO)).isZero();
    }

    /** A bounded draw stays in its bounds and, over many draws, reaches every value. */
    @Property(tries = 200)
    void aBoundedDrawCoversItsRange(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int bound) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] seen = new boolean[bound];
        for (int i = 0; i < 200 * bound; i++) {
            int v = Draws.below(random, bound);
            assertThat(v).isBetween(0, bound - 1);
            seen[v] = true;
        }
        for (boolean s : seen) {
            assertThat(s).isTrue();
        }
    }

    private static BigDecimal fast(GrantRules rules, RecipientYear r) {
        long others = GrantReference.ore(r.earmarkedGrants())
                + GrantReference.ore(r.hostMunicipalityGrant())
                + GrantReference.ore(r.userPayments());
        return Amounts.kroner(GrantInOre.of(rules)
                .grant(GrantReference.ore(r.directWageCosts()), others, r.birthYear(), r.intellectualDisability()));
    }
}
