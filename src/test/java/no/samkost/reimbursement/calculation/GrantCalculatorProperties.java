package no.samkost.reimbursement.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;

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
        Arbitrary<BigDecimal> rate = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), BigDecimal.ONE)
                .ofScale(2);
        Arbitrary<BigDecimal> deduction = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1500000"))
                .ofScale(2)
                .injectNull(0.2);
        Arbitrary<Integer> cutOff = Arbitraries.integers().between(1990, 2010).injectNull(0.2);
        Arbitrary<Integer> ageLimit = Arbitraries.integers().between(1940, 1970).injectNull(0.2);
        return Combinators.combine(threshold, rate, deduction, cutOff, ageLimit)
                .as((t, r, d, c, a) -> new GrantRules(2024, t, r, d, c, a, true, "generated", List.of()));
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
            // half-up rounding may add at most half an øre
            assertThat(g.grant())
                    .isLessThanOrEqualTo(rules.compensationRate()
                            .multiply(r.directWageCosts())
                            .add(new BigDecimal("0.005")));
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
    void notEligibleMeansNoGrant(@ForAll("rules") GrantRules rules, @ForAll("recipients") RecipientYear r) {
        RecipientGrant g = GrantCalculator.calculate(rules, r);
        if (Boolean.FALSE.equals(g.eligible())) {
            assertThat(g.grant()).isEqualByComparingTo(BigDecimal.ZERO);
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

    @Property
    void aComputedGrantIsExplainedByItsOwnFigures(
            @ForAll("rules") GrantRules rules, @ForAll("recipients") RecipientYear r) {
        RecipientGrant g = GrantCalculator.calculate(rules, r);
        if (g.reason() == null) {
            BigDecimal expectedBasis = g.costs()
                    .subtract(g.earmarkedGrants())
                    .subtract(g.hostMunicipalityGrant())
                    .subtract(g.userPayments())
                    .subtract(g.intellectualDisabilityDeduction())
                    .subtract(rules.threshold());
            assertThat(g.basis()).isEqualByComparingTo(expectedBasis);
            assertThat(g.grant())
                    .isEqualByComparingTo(
                            g.basis().multiply(rules.compensationRate()).setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }
}
