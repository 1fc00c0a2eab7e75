package no.samkost.reimbursement.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import no.samkost.reimbursement.calculation.GrantVariance.Part;
import no.samkost.reimbursement.calculation.GrantVariance.Result;
import no.samkost.reimbursement.calculation.GrantVariance.Side;

class GrantVarianceProperties {

    /** A forecast and a claim of the same cost year: refs from one small pool, so many are shared. */
    record Sides(Side forecast, Side claim) {}

    static Arbitrary<BigDecimal> ore(long max) {
        return Arbitraries.longs().between(0, max).map(o -> BigDecimal.valueOf(o, 2));
    }

    /** Mostly none, sometimes some: most recipients have no other deductions. */
    static Arbitrary<BigDecimal> deduction() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new BigDecimal("0.00"))), Tuple.of(1, ore(80_000_000L)));
    }

    static Arbitrary<List<RecipientYear>> recipients() {
        Arbitrary<RecipientYear> recipient = Combinators.combine(
                        Arbitraries.integers().between(1, 10).map(i -> "R-" + i),
                        Arbitraries.integers().between(1940, 2010),
                        Arbitraries.of(true, false),
                        ore(600_000_000L),
                        deduction(),
                        deduction(),
                        deduction())
                .as(RecipientYear::new);
        return recipient.list().ofMaxSize(8).uniqueElements(RecipientYear::ref);
    }

    static Arbitrary<GrantRules> rules() {
        Arbitrary<BigDecimal> threshold =
                Arbitraries.longs().between(80_000_000L, 200_000_000L).map(o -> BigDecimal.valueOf(o, 2));
        Arbitrary<BigDecimal> rate = Arbitraries.integers().between(70, 90).map(p -> BigDecimal.valueOf(p, 2));
        Arbitrary<BigDecimal> idDeduction = ore(100_000_000L).injectNull(0.15);
        Arbitrary<Integer> cutOff = Arbitraries.integers().between(1990, 2010).injectNull(0.15);
        Arbitrary<Integer> ageLimit = Arbitraries.integers().between(1940, 1970).injectNull(0.15);
        return Combinators.combine(threshold, rate, idDeduction, cutOff, ageLimit)
                .as((t, r, d, c, a) ->
                        new GrantRules(2024, t, r, d, c, a, RuleProvenance.of(ValueStatus.VERIFIED, "generated")));
    }

    /**
     * The claim's recipients: others (refs from the same pool, so some shared), the forecast's
     * unchanged, or the forecast's with some costs changed and some dropped.
     */
    static Arbitrary<List<RecipientYear>> claimOf(List<RecipientYear> forecast) {
        int n = forecast.size();
        Arbitrary<List<RecipientYear>> changed = Combinators.combine(
                        Arbitraries.integers().between(0, 2).list().ofSize(n),
                        ore(600_000_000L).list().ofSize(n))
                .as((how, costs) -> {
                    List<RecipientYear> claim = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        RecipientYear r = forecast.get(i);
                        if (how.get(i) == 0) {
                            claim.add(r);
                        } else if (how.get(i) == 1) {
                            claim.add(new RecipientYear(
                                    r.ref(),
                                    r.birthYear(),
                                    r.intellectualDisability(),
                                    costs.get(i),
                                    r.earmarkedGrants(),
                                    r.hostMunicipalityGrant(),
                                    r.userPayments()));
                        }
                    }
                    return claim;
                });
        return Arbitraries.oneOf(recipients(), Arbitraries.just(forecast), changed);
    }

    /**
     * The claim's rules share each value with the forecast's or not (a value that changed alone is
     * the common case).
     */
    @Provide
    Arbitrary<Sides> sides() {
        Arbitrary<List<Boolean>> keep = Arbitraries.of(true, false).list().ofSize(4);
        Arbitrary<List<List<RecipientYear>>> recipients =
                recipients().flatMap(f -> claimOf(f).map(c -> List.of(f, c)));
        return Combinators.combine(rules(), rules(), keep, recipients).as((f, c, k, rs) -> {
            GrantRules claimRules = new GrantRules(
                    c.grantYear(),
                    k.get(0) ? f.threshold() : c.threshold(),
                    k.get(3) ? f.compensationRate() : c.compensationRate(),
                    k.get(1) ? f.intellectualDisabilityDeduction() : c.intellectualDisabilityDeduction(),
                    k.get(1) ? f.intellectualDisabilityBornOnOrBefore() : c.intellectualDisabilityBornOnOrBefore(),
                    k.get(2) ? f.eligibleBornOnOrAfter() : c.eligibleBornOnOrAfter(),
                    RuleProvenance.of(ValueStatus.VERIFIED, "generated"));
            return new Sides(new Side(f, rs.get(0)), new Side(claimRules, rs.get(1)));
        });
    }

    static BigDecimal sum(Map<Part, BigDecimal> parts) {
        return parts.values().stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    /** A side's grant, summed here from GrantCalculator (an unknown grant counts as 0.00). */
    static BigDecimal grantOf(Side side) {
        BigDecimal sum = new BigDecimal("0.00");
        for (RecipientYear r : side.recipients()) {
            BigDecimal g = GrantCalculator.calculate(side.rules(), r).grant();
            sum = sum.add(g == null ? BigDecimal.ZERO : g);
        }
        return sum;
    }

    @Property(tries = 500)
    void thePartsSumExactlyToTheDifference(@ForAll("sides") Sides s) {
        Result result = GrantVariance.explain(s.forecast(), s.claim());
        assertThat(result.parts().keySet()).containsExactly(Part.values());
        assertThat(result.parts().values())
                .allSatisfy(p -> assertThat(p.scale()).isEqualTo(2));
        assertThat(sum(result.parts())).isEqualTo(result.difference());
    }

    @Property(tries = 500)
    void identicalSidesHaveOnlyZeroParts(@ForAll("sides") Sides s) {
        // the same values from another source: only values count
        GrantRules r = s.forecast().rules();
        GrantRules copy = new GrantRules(
                r.grantYear(),
                r.threshold(),
                r.compensationRate(),
                r.intellectualDisabilityDeduction(),
                r.intellectualDisabilityBornOnOrBefore(),
                r.eligibleBornOnOrAfter(),
                RuleProvenance.of(ValueStatus.PROJECTED, "copy"));
        Result result =
                GrantVariance.explain(s.forecast(), new Side(copy, s.forecast().recipients()));
        assertThat(result.difference()).isEqualTo(new BigDecimal("0.00"));
        assertThat(result.parts().values()).allSatisfy(p -> assertThat(p).isEqualTo(new BigDecimal("0.00")));
    }

    /**
     * Swapping the sides negates every part; the recipients that leave one way arrive the other
     * way, so the two recipient-set parts exchange names.
     */
    @Property(tries = 500)
    void swappingTheSidesNegatesEveryPart(@ForAll("sides") Sides s) {
        Map<Part, BigDecimal> there =
                GrantVariance.explain(s.forecast(), s.claim()).parts();
        Map<Part, BigDecimal> back =
                GrantVariance.explain(s.claim(), s.forecast()).parts();
        Map<Part, BigDecimal> expected = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            Part named =
                    switch (part) {
                        case RECIPIENTS_ONLY_IN_FORECAST -> Part.RECIPIENTS_ONLY_IN_CLAIM;
                        case RECIPIENTS_ONLY_IN_CLAIM -> Part.RECIPIENTS_ONLY_IN_FORECAST;
                        default -> part;
                    };
            expected.put(named, there.get(part).negate());
        }
        assertThat(back).isEqualTo(expected);
    }

    @Property(tries = 500)
    void theDifferenceIsTheClaimsGrantLessTheForecasts(@ForAll("sides") Sides s) {
        Result result = GrantVariance.explain(s.forecast(), s.claim());
        assertThat(result.forecastGrant()).isEqualTo(grantOf(s.forecast()));
        assertThat(result.claimGrant()).isEqualTo(grantOf(s.claim()));
        assertThat(result.difference()).isEqualTo(grantOf(s.claim()).subtract(grantOf(s.forecast())));
    }
}
