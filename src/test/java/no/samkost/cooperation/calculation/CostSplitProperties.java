package no.samkost.cooperation.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CostSplitProperties {

    /** Costs and corrections: a month corrected below zero is split too. */
    @Provide
    Arbitrary<BigDecimal> totals() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-50000000"), new BigDecimal("50000000"))
                        .ofScale(2),
                Arbitraries.longs().between(-500, 500).map(ore -> BigDecimal.valueOf(ore, 2)));
    }

    @Provide
    Arbitrary<List<MemberMeasures>> members() {
        Arbitrary<MemberMeasures> member = Combinators.combine(
                        Arbitraries.longs().between(0, 700_000),
                        Arbitraries.longs().between(0, 12),
                        Arbitraries.longs().between(0, 4000),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("20000"))
                                .ofScale(2))
                .as((population, placements, days, usage) ->
                        new MemberMeasures("?", population, placements, days, usage));
        return member.list().ofMinSize(1).ofMaxSize(12).map(list -> {
            List<MemberMeasures> coded = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                MemberMeasures m = list.get(i);
                coded.add(new MemberMeasures(
                        String.format("%04d", 3000 + i * 7),
                        m.population(),
                        m.placements(),
                        m.placementDays(),
                        m.usageDays()));
            }
            return coded;
        });
    }

    @Provide
    Arbitrary<SplitKey> keys() {
        Arbitrary<SplitKey> single = Arbitraries.of(SplitMeasure.values()).map(SplitKey::of);
        Arbitrary<SplitKey> mixed = Arbitraries.subsetOf(SplitMeasure.values())
                .ofMinSize(2)
                .flatMap(measures -> Arbitraries.integers()
                        .between(1, 99)
                        .list()
                        .ofSize(measures.size())
                        .filter(ws -> ws.stream().mapToInt(Integer::intValue).sum() < 100 || measures.size() == 1)
                        .map(ws -> {
                            Map<SplitMeasure, BigDecimal> weights = new EnumMap<>(SplitMeasure.class);
                            List<SplitMeasure> list = new ArrayList<>(measures);
                            Collections.sort(list);
                            BigDecimal left = BigDecimal.ONE;
                            int sum = ws.stream().mapToInt(Integer::intValue).sum();
                            for (int i = 0; i < list.size() - 1; i++) {
                                // percentages scaled into the hundred, the last takes the rest
                                BigDecimal w = BigDecimal.valueOf(Math.max(1, ws.get(i) * 99 / Math.max(sum, 100)), 2);
                                weights.put(list.get(i), w);
                                left = left.subtract(w);
                            }
                            weights.put(list.get(list.size() - 1), left);
                            return new SplitKey(weights);
                        }));
        return Arbitraries.oneOf(single, mixed);
    }

    @Property
    void sharesAlwaysSumToTheTotal(
            @ForAll("totals") BigDecimal total,
            @ForAll("keys") SplitKey key,
            @ForAll("members") List<MemberMeasures> members) {
        BigDecimal sum = CostSplit.split(total, key, members).shares().stream()
                .map(CostSplit.MemberShare::share)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(total);
    }

    @Property
    void sharesHaveTheTotalsSignAndAreInOre(
            @ForAll("totals") BigDecimal total,
            @ForAll("keys") SplitKey key,
            @ForAll("members") List<MemberMeasures> members) {
        for (CostSplit.MemberShare share : CostSplit.split(total, key, members).shares()) {
            assertThat(share.share().signum()).isIn(0, total.signum());
            assertThat(share.share().scale()).isEqualTo(2);
        }
    }

    /**
     * The oracle: each member's exact share, {@code total x sum over measures k of w_k x m_k / M_k}
     * (a measure nobody has: {@code 1 / members}), as a fraction of whole numbers; the split may
     * differ from it by less than one øre.
     */
    @Property
    void eachShareIsWithinOneOreOfItsExactShare(
            @ForAll("totals") BigDecimal total,
            @ForAll("keys") SplitKey key,
            @ForAll("members") List<MemberMeasures> members) {
        Map<String, BigDecimal> shares = new java.util.HashMap<>();
        CostSplit.split(total, key, members).shares().forEach(s -> shares.put(s.municipality(), s.share()));
        for (MemberMeasures member : members) {
            Fraction exact = Fraction.ZERO;
            for (Map.Entry<SplitMeasure, BigDecimal> weight : key.weights().entrySet()) {
                BigDecimal all = BigDecimal.ZERO;
                for (MemberMeasures m : members) {
                    all = all.add(m.of(weight.getKey()));
                }
                Fraction part = all.signum() == 0
                        ? new Fraction(BigInteger.ONE, BigInteger.valueOf(members.size()))
                        : Fraction.of(member.of(weight.getKey())).divide(Fraction.of(all));
                exact = exact.add(Fraction.of(weight.getValue()).multiply(part));
            }
            exact = exact.multiply(Fraction.of(total.movePointRight(2)));
            Fraction split = Fraction.of(shares.get(member.municipality()).movePointRight(2));
            assertThat(split.subtract(exact).abs().compareTo(Fraction.ONE))
                    .as("%s: split %s øre, exact %s øre", member.municipality(), split, exact)
                    .isNegative();
        }
    }

    /** Exact rational arithmetic for the oracles: numerator / denominator, denominator positive. */
    record Fraction(BigInteger num, BigInteger den) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

        static Fraction of(BigDecimal d) {
            return d.scale() >= 0
                    ? new Fraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
                    : new Fraction(d.toBigIntegerExact(), BigInteger.ONE);
        }

        Fraction add(Fraction o) {
            return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction subtract(Fraction o) {
            return add(new Fraction(o.num.negate(), o.den));
        }

        Fraction multiply(Fraction o) {
            return new Fraction(num.multiply(o.num), den.multiply(o.den));
        }

        Fraction divide(Fraction o) {
            BigInteger n = num.multiply(o.den);
            BigInteger d = den.multiply(o.num);
            return d.signum() < 0 ? new Fraction(n.negate(), d.negate()) : new Fraction(n, d);
        }

        Fraction abs() {
            return new Fraction(num.abs(), den);
        }

        int compareTo(Fraction o) {
            return num.multiply(o.den).compareTo(o.num.multiply(den));
        }

        @Override
        public String toString() {
            return new BigDecimal(num)
                    .divide(new BigDecimal(den), 6, java.math.RoundingMode.HALF_EVEN)
                    .toPlainString();
        }
    }

    @Property
    void aMemberWithMoreOfEveryMeasureNeverPaysLess(
            @ForAll("totals") BigDecimal total,
            @ForAll("keys") SplitKey key,
            @ForAll("members") List<MemberMeasures> members) {
        Map<String, BigDecimal> shares = new java.util.HashMap<>();
        CostSplit.split(total, key, members).shares().forEach(s -> shares.put(s.municipality(), s.share()));
        for (MemberMeasures a : members) {
            for (MemberMeasures b : members) {
                boolean atLeast =
                        key.weights().keySet().stream().allMatch(m -> a.of(m).compareTo(b.of(m)) >= 0);
                if (atLeast) {
                    // a correction (negative total) gives back by the same key: compare amounts
                    assertThat(shares.get(a.municipality()).abs())
                            .as("%s has at least %s's measures", a, b)
                            .isGreaterThanOrEqualTo(
                                    shares.get(b.municipality()).abs().subtract(tieOre(a, b, key)));
                }
            }
        }
    }

    /**
     * With exactly equal measures the last øre goes by municipality code: the only case where the
     * member with "at least as much" may pay one øre less.
     */
    private static BigDecimal tieOre(MemberMeasures a, MemberMeasures b, SplitKey key) {
        boolean equal = key.weights().keySet().stream().allMatch(m -> a.of(m).compareTo(b.of(m)) == 0);
        return equal ? new BigDecimal("0.01") : BigDecimal.ZERO;
    }

    @Property
    void permutingTheMembersChangesNothing(
            @ForAll("totals") BigDecimal total,
            @ForAll("keys") SplitKey key,
            @ForAll("members") List<MemberMeasures> members,
            @ForAll long seed) {
        List<MemberMeasures> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(CostSplit.split(total, key, shuffled)).isEqualTo(CostSplit.split(total, key, members));
    }

    @Property
    void attributionAddsUpToTheMonthsWages(
            @ForAll("totals") BigDecimal wages, @ForAll("placements") List<PlacementPeriod> placements) {
        java.time.YearMonth month = java.time.YearMonth.of(2023, 2);
        Attribution.Month result = Attribution.attribute(month, wages, placements);
        BigDecimal sum =
                result.parts().stream().map(Attribution.Part::amount).reduce(result.unattributed(), BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(wages);
        assertThat(result.parts()).allSatisfy(p -> assertThat(p.days()).isBetween(1L, 28L));
        assertThat(result.unattributed().signum() == 0 || result.parts().isEmpty())
                .isTrue();
        // each part within one øre of wages x usage x days / (sum of usage x days), days counted here
        Fraction all = Fraction.ZERO;
        List<Fraction> weights = new ArrayList<>();
        for (PlacementPeriod p : placements) {
            long days = 0;
            for (java.time.LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                if (!d.isBefore(p.from()) && (p.to() == null || !d.isAfter(p.to()))) {
                    days++;
                }
            }
            if (days > 0) {
                Fraction w = Fraction.of(p.usageHoursPerWeek().multiply(BigDecimal.valueOf(days)));
                weights.add(w);
                all = all.add(w);
            }
        }
        assertThat(result.parts()).hasSameSizeAs(weights);
        for (int i = 0; i < weights.size(); i++) {
            Fraction exact = weights.get(i).divide(all).multiply(Fraction.of(wages.movePointRight(2)));
            Fraction part = Fraction.of(result.parts().get(i).amount().movePointRight(2));
            assertThat(part.subtract(exact).abs().compareTo(Fraction.ONE))
                    .as("part %d: %s øre, exact %s øre", i, part, exact)
                    .isNegative();
        }
    }

    @Provide
    Arbitrary<List<PlacementPeriod>> placements() {
        java.time.LocalDate start = java.time.LocalDate.of(2023, 1, 1);
        return Combinators.combine(
                        Arbitraries.integers().between(0, 120),
                        Arbitraries.integers().between(0, 120).injectNull(0.3),
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.5"), new BigDecimal("168"))
                                .ofScale(1))
                .as((from, length, usage) -> new PlacementPeriod(
                        "p", start.plusDays(from), length == null ? null : start.plusDays(from + length), usage))
                .list()
                .ofMaxSize(8);
    }
}
