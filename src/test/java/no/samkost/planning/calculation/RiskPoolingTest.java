package no.samkost.planning.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RuleProvenance;
import no.samkost.reimbursement.calculation.ValueStatus;
import no.samkost.support.GrantReference;
import org.junit.jupiter.api.Test;

/**
 * A simulation small enough to follow by hand. Every number below is worked out in the comments
 * from DOMAIN.md's formula ({@code grant = max(0, costs - deductions - threshold) x rate}, half up
 * to øre) and the model in RiskPooling's Javadoc, not by calling the code.
 */
class RiskPoolingTest {

    static final BigDecimal UNIT = new BigDecimal("900000.01");

    static RiskRecipient recipient(int born, boolean id, String cost) {
        return new RiskRecipient(born, id, new BigDecimal(cost));
    }

    static RiskMember fixedMember(String id, List<RiskRecipient> today) {
        return new RiskMember(id, BigDecimal.ZERO, BigDecimal.ZERO, today, List.of(), null, new Staffing(4, UNIT));
    }

    /** One run, one year, so every figure of a distribution is the one simulated value. */
    static NetCostDistribution point(String value) {
        BigDecimal v = new BigDecimal(value);
        return new NetCostDistribution(v, v, v, v, new BigDecimal("0.00"), new BigDecimal("0.0000"));
    }

    static RiskComparison same(String alone, String pooled) {
        return new RiskComparison(point(alone), point(pooled), new BigDecimal("0.00"), null);
    }

    /**
     * Two members, one year (the costs of 2023 under IS-4/2024: threshold 1 608 000, rate 0.80, ID
     * deduction 832 000 for those born in or before 2005, eligible if born in or after 1956), one
     * run, no arrivals, no exits by chance. A unit serves 4 recipients and costs 900 000.01 a year,
     * alone and in the joint service (the øre shows where each split puts its remainder).
     *
     * <pre>
     * 3901: R1 born 1990, ID,    2 400 000.00
     *       R2 born 1995, no ID, 1 500 000.00
     * 3902: R3 born 1985, no ID, 3 000 000.00
     *       R4 born 1950, no ID, 2 000 000.00: born before 1956, past the age limit: leaves before
     *                                          the year, costs nothing (3902: 1 exit)
     *
     * Alone
     * 3901: 2 recipients, ceil(2/4) = 1 unit = 900 000.01, split equally: 90 000 001 øre / 2 =
     *       45 000 000 each and 1 øre left, to the first: R1 450 000.01, R2 450 000.00
     *   R1: 2 400 000.00 + 450 000.01 = 2 850 000.01 - 832 000 - 1 608 000 = 410 000.01
     *       x 0.80 = 328 000.008 -> 328 000.01
     *   R2: 1 500 000.00 + 450 000.00 = 1 950 000.00 - 1 608 000 = 342 000.00 x 0.80 = 273 600.00
     *   net = 3 900 000.00 + 900 000.01 - (328 000.01 + 273 600.00) = 4 198 400.00
     * 3902: 1 recipient, 1 unit = 900 000.01, all on R3
     *   R3: 3 000 000.00 + 900 000.01 = 3 900 000.01 - 1 608 000 = 2 292 000.01
     *       x 0.80 = 1 833 600.008 -> 1 833 600.01
     *   net = 3 000 000.00 + 900 000.01 - 1 833 600.01 = 2 066 400.00
     * total alone = 6 264 800.00; fixed 1 800 000.02
     *
     * Pooled: 3 recipients, ceil(3/4) = 1 joint unit = 900 000.01 = 90 000 001 øre, by recipients 2 : 1
     *   3901: 90 000 001 x 2/3 = 60 000 000 + 2/3 øre; 3902: 30 000 000 + 1/3 øre; 1 øre left, to
     *   the larger remainder (3901): shares 600 000.01 and 300 000.00 (sum 900 000.01)
     * 3901: 600 000.01 / 2: R1 300 000.01, R2 300 000.00
     *   R1: 2 700 000.01 - 832 000 - 1 608 000 = 260 000.01 x 0.80 = 208 000.008 -> 208 000.01
     *   R2: 1 800 000.00 - 1 608 000 = 192 000.00 x 0.80 = 153 600.00
     *   net = 3 900 000.00 + 600 000.01 - 361 600.01 = 4 138 400.00
     * 3902: R3: 3 300 000.00 - 1 608 000 = 1 692 000.00 x 0.80 = 1 353 600.00
     *   net = 3 000 000.00 + 300 000.00 - 1 353 600.00 = 1 946 400.00
     * total pooled = 6 084 800.00: one unit less (900 000.01) saves the members 180 000.00 net,
     * since 80 % of it was paid by the grant (every recipient is above the threshold).
     *
     * One value each: mean = P10 = P50 = P90; standard deviation 0.00; no value exceeds its own
     * mean by 10 %: 0.0000; spread 0 alone and pooled: reduction 0.00, share none (null).
     * </pre>
     */
    @Test
    void twoMembersOneYearByHand() {
        RiskScenario scenario = new RiskScenario(
                List.of(
                        fixedMember(
                                "3902",
                                List.of(recipient(1985, false, "3000000.00"), recipient(1950, false, "2000000.00"))),
                        fixedMember(
                                "3901",
                                List.of(recipient(1990, true, "2400000.00"), recipient(1995, false, "1500000.00")))),
                new Staffing(4, UNIT),
                List.of(GrantReference.IS_4_2024),
                1,
                42);

        RunTrace trace = RiskPooling.trace(scenario, 0);
        assertThat(trace)
                .isEqualTo(new RunTrace(
                        0,
                        List.of(new RunTrace.Year(
                                2023,
                                3,
                                1,
                                new BigDecimal("900000.01"),
                                List.of(
                                        new RunTrace.MemberYear(
                                                "3901",
                                                0,
                                                0,
                                                2,
                                                new BigDecimal("3900000.00"),
                                                1,
                                                new BigDecimal("900000.01"),
                                                new BigDecimal("601600.01"),
                                                new BigDecimal("4198400.00"),
                                                new BigDecimal("600000.01"),
                                                new BigDecimal("361600.01"),
                                                new BigDecimal("4138400.00")),
                                        new RunTrace.MemberYear(
                                                "3902",
                                                1,
                                                0,
                                                1,
                                                new BigDecimal("3000000.00"),
                                                1,
                                                new BigDecimal("900000.01"),
                                                new BigDecimal("1833600.01"),
                                                new BigDecimal("2066400.00"),
                                                new BigDecimal("300000.00"),
                                                new BigDecimal("1353600.00"),
                                                new BigDecimal("1946400.00")))))));

        RiskResult result = RiskPooling.simulate(scenario);
        assertThat(result)
                .isEqualTo(new RiskResult(
                        1,
                        1,
                        2023,
                        42,
                        List.of(
                                new MemberRisk(
                                        "3901",
                                        new NetCostRisk(
                                                same("4198400.00", "4138400.00"),
                                                List.of(new YearRisk(2023, same("4198400.00", "4138400.00"))),
                                                new BigDecimal("900000.01"),
                                                new BigDecimal("600000.01"))),
                                new MemberRisk(
                                        "3902",
                                        new NetCostRisk(
                                                same("2066400.00", "1946400.00"),
                                                List.of(new YearRisk(2023, same("2066400.00", "1946400.00"))),
                                                new BigDecimal("900000.01"),
                                                new BigDecimal("300000.00")))),
                        new NetCostRisk(
                                same("6264800.00", "6084800.00"),
                                List.of(new YearRisk(2023, same("6264800.00", "6084800.00"))),
                                new BigDecimal("1800000.02"),
                                new BigDecimal("900000.01"))));
    }

    @Test
    void incompleteRulesAreRefused() {
        GrantRules noAgeLimit = new GrantRules(
                2027,
                new BigDecimal("1750000.00"),
                new BigDecimal("0.80"),
                new BigDecimal("870000.00"),
                2008,
                null,
                RuleProvenance.of(ValueStatus.PROJECTED, "test"));
        assertThatThrownBy(() -> scenario(List.of(noAgeLimit), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rules of grant year 2027 lack eligibleBornOnOrAfter: a simulation needs every value"
                        + " (project the year first)");
    }

    @Test
    void theYearsMustFollowEachOther() {
        List<GrantRules> gap = List.of(
                RiskPoolingScenarios.is4of2024(1).get(0),
                RiskPoolingScenarios.is4of2024(3).get(2));
        assertThatThrownBy(() -> scenario(gap, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the years' rules must be consecutive grant years: 2026 is followed by 2028");
    }

    @Test
    void theRunsYearsAndMemberYearsAreBounded() {
        assertThatThrownBy(() -> scenario(RiskPoolingScenarios.is4of2024(1), 0)).hasMessage("1 to 100000 runs, not 0");
        assertThatThrownBy(() -> scenario(RiskPoolingScenarios.is4of2024(31), 1))
                .hasMessage("1 to 30 years, not 31");
        List<RiskMember> four = List.of(member("1"), member("2"), member("3"), member("4"));
        assertThatThrownBy(() ->
                        new RiskScenario(four, new Staffing(4, UNIT), RiskPoolingScenarios.is4of2024(30), 100_000, 1))
                .hasMessage("runs x years x members is 12000000, at most 10000000: fewer runs, years or members");
    }

    @Test
    void aMemberIsCheckedAsItIsGiven() {
        assertThatThrownBy(() -> new RiskScenario(
                        List.of(member("3901"), member("3901")),
                        new Staffing(4, UNIT),
                        RiskPoolingScenarios.is4of2024(1),
                        1,
                        1))
                .hasMessage("member twice: 3901");
        assertThatThrownBy(() -> new RiskMember(
                        "3901",
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        List.of(),
                        List.of(),
                        new BigDecimal("0.5"),
                        new Staffing(4, UNIT)))
                .hasMessage("member 3901 has arrivals but no annual costs to draw their costs from");
        assertThatThrownBy(() -> new RiskMember(
                        "3901",
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        List.of(),
                        List.of(new BigDecimal("2000000")),
                        null,
                        new Staffing(4, UNIT)))
                .hasMessage(
                        "member 3901 has arrivals and no recipients today: give the intellectual disability probability");
        assertThatThrownBy(() -> new RiskMember(
                        "3901",
                        BigDecimal.ZERO,
                        new BigDecimal("1.01"),
                        List.of(),
                        List.of(),
                        null,
                        new Staffing(4, UNIT)))
                .hasMessage("a probability is from 0 to 1, not 1.01");
        assertThatThrownBy(() -> new RiskRecipient(1990, false, new BigDecimal("100.001")))
                .hasMessage("annualDirectWageCost is not a whole number of øre: 100.001");
        assertThatThrownBy(() -> new Staffing(0, UNIT)).hasMessage("a unit serves at least 1 recipient, not 0");
    }

    @Test
    void aTraceIsOfARunThatExists() {
        RiskScenario scenario = scenario(RiskPoolingScenarios.is4of2024(1), 3);
        assertThatThrownBy(() -> RiskPooling.trace(scenario, 3)).hasMessage("runs are 0 to 2, not 3");
    }

    static RiskMember member(String id) {
        return fixedMember(id, Collections.nCopies(2, recipient(1990, false, "2000000.00")));
    }

    static RiskScenario scenario(List<GrantRules> rules, int runs) {
        return new RiskScenario(List.of(member("3901")), new Staffing(4, UNIT), rules, runs, 7);
    }
}
