package no.samkost.reimbursement.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import no.samkost.support.GrantReference;

class GrantCalculatorProperties {

    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("20000000"))
                .ofScale(2);
    }

    @Provide
    Arbitrary<GrantRules> rules() {
        Arbitrary<BigDecimal> threshold = Arbitraries.bigDecimals()
                .between(new BigDecimal("500000"), new BigDecimal("3000000"))
                .ofScale(2);
        Arbitrary<BigDecimal> rate = Arbitraries.oneOf(
                // the real rates, and rates where half an øre is common (0.50 x an odd basis)
                Arbitraries.of("0.80", "0.85", "0.50", "0.25", "0.75", "0.05").map(BigDecimal::new),
                Arbitraries.integers().between(1, 100).map(i -> BigDecimal.valueOf(i, 2)),
                Arbitraries.integers().between(1, 10_000).map(i -> BigDecimal.valueOf(i, 4)));
        Arbitrary<BigDecimal> deduction = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1500000"))
                .ofScale(2)
                .injectNull(0.2);
        Arbitrary<Integer> cutOff = Arbitraries.integers().between(1990, 2010).injectNull(0.2);
        Arbitrary<Integer> ageLimit = Arbitraries.integers().between(1940, 1970).injectNull(0.2);
        return Combinators.combine(threshold, rate, deduction, cutOff, ageLimit)
                .as((t, r, d, c, a) ->
                        new GrantRules(2024, t, r, d, c, a, RuleProvenance.of(ValueStatus.VERIFIED, "generated")));
    }

    @Provide
    Arbitrary<RecipientYear> recipients() {
        return Combinators.combine(
                        Arbitraries.integers().between(1930, 2024),
                        Arbitraries.of(true, false),
                        money(),
                        money(),
                        money(),
                        money())
                .as((born, id, costs, earmarked, host, user) ->
                        new RecipientYear("R", born, id, costs, earmarked, host, user));
    }

    @Property
    void theGrantIsNeverNegative(@ForAll("rules") GrantRules rules, @ForAll("recipients") RecipientYear r) {
        RecipientGrant g = GrantCalculator.calculate(rules, r);
        if (g.grant() != null) {
            assertThat(g.grant()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
    }

    @Property
    void theGrantNeverExceedsRateTimesCosts(@ForAll("rules") GrantRules rules, @ForAll("recipients") RecipientYear r) {
        RecipientGrant g = GrantCalculator.calculate(rules, r);
        if (g.grant() != null) {
            // in øre: grant <= rate x costs, rounded half up
            long bound = GrantReference.halfUp(
                    GrantReference.ore(r.directWageCosts())
                            * rules.compensationRate().unscaledValue().longValueExact(),
                    rules.compensationRate().scale());
            assertThat(GrantReference.ore(g.grant())).isLessThanOrEqualTo(bound);
        }
    }

    @Property
    void theGrantIsMonotoneInCosts(
            @ForAll("rules") GrantRules rules,
            @ForAll("recipients") RecipientYear r,
            @ForAll @BigRange(min = "0", max = "5000000") BigDecimal more) {
        RecipientYear costlier = new RecipientYear(
                r.ref(),
                r.birthYear(),
                r.intellectualDisability(),
                r.directWageCosts().add(more.setScale(2, java.math.RoundingMode.DOWN)),
                r.earmarkedGrants(),
                r.hostMunicipalityGrant(),
                r.userPayments());
        RecipientGrant before = GrantCalculator.calculate(rules, r);
        RecipientGrant after = GrantCalculator.calculate(rules, costlier);
        if (before.grant() != null && after.grant() != null) {
            assertThat(after.grant()).isGreaterThanOrEqualTo(before.grant());
        }
    }

    @Property
    void bornBeforeTheAgeLimitMeansNoGrant(@ForAll("rules") GrantRules rules, @ForAll("recipients") RecipientYear r) {
        RecipientGrant g = GrantCalculator.calculate(rules, r);
        if (rules.eligibleBornOnOrAfter() != null && r.birthYear() < rules.eligibleBornOnOrAfter()) {
            assertThat(g.eligible()).isFalse();
            assertThat(g.grant()).isEqualTo(new BigDecimal("0.00"));
            assertThat(g.reason()).isEqualTo(GrantReason.AGE_LIMIT);
        }
    }

    @Property
    void deductionsNeverIncreaseTheGrant(
            @ForAll("rules") GrantRules rules,
            @ForAll("recipients") RecipientYear r,
            @ForAll("money") BigDecimal extra,
            @ForAll @IntRange(min = 0, max = 2) int which) {
        RecipientYear more = new RecipientYear(
                r.ref(),
                r.birthYear(),
                r.intellectualDisability(),
                r.directWageCosts(),
                which == 0 ? r.earmarkedGrants().add(extra) : r.earmarkedGrants(),
                which == 1 ? r.hostMunicipalityGrant().add(extra) : r.hostMunicipalityGrant(),
                which == 2 ? r.userPayments().add(extra) : r.userPayments());
        RecipientGrant before = GrantCalculator.calculate(rules, r);
        RecipientGrant after = GrantCalculator.calculate(rules, more);
        if (before.grant() != null && after.grant() != null) {
            assertThat(after.grant()).isLessThanOrEqualTo(before.grant());
        }
    }

    /** Every outcome, every figure, against the slow reference: random recipients. */
    @Property
    void everyFigureIsWhatTheRulesSay(@ForAll("rules") GrantRules rules, @ForAll("recipients") RecipientYear r) {
        assertThat(GrantReference.of(GrantCalculator.calculate(rules, r))).isEqualTo(GrantReference.grant(rules, r));
    }

    /** Costs a few øre around deductions + threshold, or a small basis above it. */
    @Provide
    Arbitrary<Integer> nearTheThreshold() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3), Arbitraries.integers().between(1, 10_000));
    }

    /** The same at and just above the threshold, where a wrong comparison or rounding shows. */
    @Property
    void everyFigureIsWhatTheRulesSayAtTheThreshold(
            @ForAll("rules") GrantRules rules,
            @ForAll("recipients") RecipientYear r,
            @ForAll("nearTheThreshold") int ore) {
        long deductions = GrantReference.ore(r.earmarkedGrants())
                + GrantReference.ore(r.hostMunicipalityGrant())
                + GrantReference.ore(r.userPayments())
                + (r.intellectualDisability() && rules.intellectualDisabilityDeduction() != null
                        ? GrantReference.ore(rules.intellectualDisabilityDeduction())
                        : 0);
        long costs = Math.max(0, deductions + GrantReference.ore(rules.threshold()) + ore);
        RecipientYear atThreshold = new RecipientYear(
                r.ref(),
                r.birthYear(),
                r.intellectualDisability(),
                BigDecimal.valueOf(costs, 2),
                r.earmarkedGrants(),
                r.hostMunicipalityGrant(),
                r.userPayments());
        assertThat(GrantReference.of(GrantCalculator.calculate(rules, atThreshold)))
                .isEqualTo(GrantReference.grant(rules, atThreshold));
    }

    /** The reference itself against DOMAIN.md's public worked example (IS-4/2024, costs of 2023). */
    @Example
    void theReferenceGivesTheWorkedExample() {
        GrantRules is4of2024 = GrantReference.IS_4_2024;
        BigDecimal costs = new BigDecimal("3200000.00");
        BigDecimal zero = new BigDecimal("0.00");
        BigDecimal userPayments = new BigDecimal("40000.00");
        assertThat(GrantReference.grant(is4of2024, new RecipientYear("R", 1990, true, costs, zero, zero, userPayments)))
                .isEqualTo(new GrantReference.Figures(true, null, 83_200_000L, 72_000_000L, 57_600_000L));
        assertThat(GrantReference.grant(is4of2024, new RecipientYear("R", 1950, true, costs, zero, zero, userPayments)))
                .isEqualTo(new GrantReference.Figures(false, GrantReason.AGE_LIMIT, 83_200_000L, 0L, 0L));
        assertThat(GrantReference.grant(
                        is4of2024, new RecipientYear("R", 1990, false, costs, zero, zero, userPayments)))
                .isEqualTo(new GrantReference.Figures(true, null, 0L, 155_200_000L, 124_160_000L));
    }
}
