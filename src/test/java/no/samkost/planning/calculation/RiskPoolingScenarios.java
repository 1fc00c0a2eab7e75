package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RuleProvenance;
import no.samkost.reimbursement.calculation.ValueStatus;

/** Random small scenarios for the properties: few members, runs and years, so the reference keeps up. */
final class RiskPoolingScenarios {

    private RiskPoolingScenarios() {}

    /** Kroner with øre, from 0 to {@code maxKroner}. */
    static Arbitrary<BigDecimal> money(long maxKroner) {
        return Arbitraries.longs().between(0, maxKroner * 100).map(ore -> BigDecimal.valueOf(ore, 2));
    }

    /** A probability in hundredths, 0 and 1 included. */
    static Arbitrary<BigDecimal> probability(int maxHundredths) {
        return Arbitraries.integers().between(0, maxHundredths).map(h -> BigDecimal.valueOf(h, 2));
    }

    static Arbitrary<Staffing> staffing(boolean withFixedCosts) {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 6),
                        withFixedCosts ? money(3_000_000) : Arbitraries.just(new BigDecimal("0.00")))
                .as(Staffing::new);
    }

    static Arbitrary<RiskRecipient> recipient() {
        // born 1950-2008: some past the age limit (grant year - 68), some under the deduction's cut-off
        return Combinators.combine(
                        Arbitraries.integers().between(1950, 2008), Arbitraries.of(true, false), money(4_000_000))
                .as(RiskRecipient::new);
    }

    static Arbitrary<RiskMember> member(String id, boolean withFixedCosts) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 300).map(h -> BigDecimal.valueOf(h, 2)),
                        probability(40),
                        recipient().list().ofMaxSize(6),
                        money(5_000_000).list().ofMinSize(1).ofMaxSize(5),
                        probability(100).injectNull(0.5),
                        staffing(withFixedCosts))
                .as((rate, exit, today, costs, disability, alone) -> new RiskMember(
                        id,
                        rate,
                        exit,
                        today,
                        costs,
                        disability == null && today.isEmpty() ? new BigDecimal("0.30") : disability,
                        alone));
    }

    static Arbitrary<List<RiskMember>> members(boolean withFixedCosts) {
        return Arbitraries.integers().between(1, 4).flatMap(count -> {
            List<Arbitrary<RiskMember>> each = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                each.add(member(String.valueOf(3901 + i), withFixedCosts));
            }
            return Combinators.combine(each).as(List::copyOf);
        });
    }

    /** Complete rules for consecutive grant years from 2026, the threshold, rate and deduction varied. */
    static Arbitrary<List<GrantRules>> rules(int years) {
        Arbitrary<List<BigDecimal>> values = Combinators.combine(
                        money(2_500_000).filter(t -> t.compareTo(new BigDecimal("500000")) >= 0),
                        Arbitraries.of("0.80", "0.85", "0.50", "0.75", "0.8125").map(BigDecimal::new),
                        money(1_000_000))
                .as(List::of);
        return values.list().ofSize(years).map(each -> {
            List<GrantRules> rules = new ArrayList<>();
            for (int i = 0; i < years; i++) {
                int grantYear = 2026 + i;
                List<BigDecimal> v = each.get(i);
                rules.add(new GrantRules(
                        grantYear,
                        v.get(0),
                        v.get(1),
                        v.get(2),
                        grantYear - 19,
                        grantYear - 68,
                        RuleProvenance.of(ValueStatus.PROJECTED, "generated")));
            }
            return rules;
        });
    }

    static Arbitrary<RiskScenario> scenarios(boolean withFixedCosts) {
        return Arbitraries.integers().between(1, 4).flatMap(years -> Combinators.combine(
                        members(withFixedCosts),
                        staffing(withFixedCosts),
                        rules(years),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.longs())
                .as(RiskScenario::new));
    }

    /** IS-4/2024's values, moved to consecutive grant years from 2026: complete, verified-looking rules. */
    static List<GrantRules> is4of2024(int years) {
        List<GrantRules> rules = new ArrayList<>();
        for (int i = 0; i < years; i++) {
            int grantYear = 2026 + i;
            rules.add(new GrantRules(
                    grantYear,
                    new BigDecimal("1608000.00"),
                    new BigDecimal("0.80"),
                    new BigDecimal("832000.00"),
                    grantYear - 19,
                    grantYear - 68,
                    RuleProvenance.of(ValueStatus.PROJECTED, "IS-4/2024's values, for the test")));
        }
        return rules;
    }
}
