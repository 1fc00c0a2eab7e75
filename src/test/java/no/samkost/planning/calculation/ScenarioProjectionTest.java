package no.samkost.planning.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import no.samkost.planning.calculation.ScenarioProjection.Assumptions;
import no.samkost.planning.calculation.ScenarioProjection.Cell;
import no.samkost.planning.calculation.ScenarioProjection.CostKey;
import no.samkost.planning.calculation.ScenarioProjection.FormShare;
import no.samkost.planning.calculation.ScenarioProjection.Move;
import no.samkost.planning.calculation.ScenarioProjection.Resident;
import no.samkost.planning.calculation.ScenarioProjection.Year;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RuleProvenance;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.junit.jupiter.api.Test;

/** Scenario projections worked out by hand, in the comments. */
class ScenarioProjectionTest {

    /** Grant year 2028: threshold 1 500 000, rate 80 %, deduction 800 000 (born 2011 or before), born 1960 on. */
    static final GrantRules RULES_2028 = rules(2028, "1500000", "800000", 2011, 1960);
    /** Grant year 2029: threshold 1 560 000, rate 80 %, deduction 830 000 (born 2012 or before), born 1961 on. */
    static final GrantRules RULES_2029 = rules(2029, "1560000", "830000", 2012, 1961);

    static GrantRules rules(int grantYear, String threshold, String deduction, int idBorn, int eligibleBorn) {
        return new GrantRules(
                grantYear,
                new BigDecimal(threshold),
                new BigDecimal("0.80"),
                new BigDecimal(deduction),
                idBorn,
                eligibleBorn,
                RuleProvenance.of(ValueStatus.VERIFIED, "made up for the test"));
    }

    static final IntFunction<Optional<GrantRules>> RULES = costYear -> switch (costYear) {
        case 2027 -> Optional.of(RULES_2028);
        case 2028 -> Optional.of(RULES_2029);
        default -> Optional.empty();
    };

    static Map<CostKey, BigDecimal> costs(String... formCosts) {
        Map<CostKey, BigDecimal> costs = new HashMap<>();
        for (int form = 1; form <= 5; form++) {
            costs.put(new CostKey(form, null), new BigDecimal(formCosts[form - 1]));
        }
        costs.put(new CostKey(null, null), new BigDecimal(formCosts[5]));
        return costs;
    }

    static List<Year> project(int years, List<Resident> residents, Assumptions assumptions) {
        return ScenarioProjection.project(
                2027,
                years,
                residents,
                year -> RULES.apply(year).map(GrantRules::eligibleBornOnOrAfter).orElse(year + 1 - 68),
                RULES,
                assumptions);
    }

    /**
     * Two recipients and a youth over 2027 and 2028, wage growth 5 %, exit rate 10 %, a saving of
     * 712 950 in 2028.
     *
     * <pre>
     * A: recipient born 1990, form 4 (3 000 000 in 2027 prices), own costs 2026 ignored
     * B: recipient born 1985, intellectual disability, form not known, own costs 2026 2 000 000
     * C: youth born 2009 (OTHER), preferred form 3 with base UTVIDET (2 200 000), moving out 2028
     *
     * 2027 (rules of 2028), everyone who is there counts 1:
     *   A: 3 000 000;   grant (3 000 000 - 1 500 000) x 0.8 = 1 200 000
     *   B: 2 000 000 x 1.05 = 2 100 000 (own cost, one year's growth);
     *      grant: 2 100 000 - 800 000 - 1 500 000 &lt; 0, so 0
     *   gross 5 100 000.00, grant 1 200 000.00, net 3 900 000.00; residents 2.00
     * 2028 (rules of 2029), prices x 1.05; A and B count 0.9 (one year of 10 % exits), C counts 1:
     *   A 3 150 000, B 2 205 000, C 2 310 000
     *   before the saving: 0.9 x 3 150 000 + 0.9 x 2 205 000 + 2 310 000 = 7 129 500
     *   the saving 712 950 is a tenth: each cost x 0.9: A 2 835 000, B 1 984 500, C 2 079 000
     *   gross 0.9 x 2 835 000 + 0.9 x 1 984 500 + 2 079 000 = 2 551 500 + 1 786 050 + 2 079 000 = 6 416 550
     *   grant A (2 835 000 - 1 560 000) x 0.8 = 1 020 000, x 0.9 = 918 000
     *         B 1 984 500 - 830 000 - 1 560 000 &lt; 0: 0
     *         C (2 079 000 - 1 560 000) x 0.8 = 415 200
     *   grant 1 333 200.00, net 6 416 550 - 1 333 200 = 5 083 350.00; residents 0.9 + 0.9 + 1 = 2.80
     * </pre>
     */
    @Test
    void twoYearsWithGrowthExitsAndASavingAsWorkedOutByHand() {
        Map<CostKey, BigDecimal> costs = costs("1000000", "1400000", "2000000", "3000000", "4000000", "2500000");
        costs.put(new CostKey(3, "UTVIDET"), new BigDecimal("2200000"));
        Assumptions assumptions = new Assumptions(
                new BigDecimal("0.05"),
                new BigDecimal("0.10"),
                costs,
                List.of(),
                List.of(),
                Map.of(2028, new BigDecimal("712950.00")));
        List<Year> years = project(
                2,
                List.of(
                        new Resident(1990, false, 4, null, new BigDecimal("9.00"), 2027),
                        new Resident(1985, true, null, null, new BigDecimal("2000000.00"), 2027),
                        new Resident(2009, false, 3, "UTVIDET", null, 2028)),
                assumptions);

        Year first = years.get(0);
        assertThat(first.grossCosts()).isEqualTo(new BigDecimal("5100000.00"));
        assertThat(first.grant()).isEqualTo(new BigDecimal("1200000.00"));
        assertThat(first.netCost()).isEqualTo(new BigDecimal("3900000.00"));
        assertThat(first.residents()).isEqualTo(new BigDecimal("2.00"));
        assertThat(first.byColumn().get("4"))
                .isEqualTo(new Cell(
                        new BigDecimal("1.00"),
                        new BigDecimal("3000000.00"),
                        new BigDecimal("3000000.00"),
                        new BigDecimal("1200000.00")));
        assertThat(first.byColumn().get("unknown").grossCosts()).isEqualTo(new BigDecimal("2100000.00"));
        assertThat(first.savings()).isEqualTo(new BigDecimal("0.00"));

        Year second = years.get(1);
        assertThat(second.grossCostsBeforeSavings()).isEqualTo(new BigDecimal("7129500.00"));
        assertThat(second.savingsPlanned()).isEqualTo(new BigDecimal("712950.00"));
        assertThat(second.savings()).isEqualTo(new BigDecimal("712950.00"));
        assertThat(second.grossCosts()).isEqualTo(new BigDecimal("6416550.00"));
        assertThat(second.grant()).isEqualTo(new BigDecimal("1333200.00"));
        assertThat(second.netCost()).isEqualTo(new BigDecimal("5083350.00"));
        assertThat(second.residents()).isEqualTo(new BigDecimal("2.80"));
        assertThat(second.byColumn().get("3"))
                .isEqualTo(new Cell(
                        new BigDecimal("1.00"),
                        new BigDecimal("2310000.00"),
                        new BigDecimal("2079000.00"),
                        new BigDecimal("415200.00")));
        assertThat(second.rules()).isEqualTo(RULES_2029);
    }

    /**
     * New residents shifted to forms 2 and 4, and one of two form-5 residents moved into a joint
     * service, in 2027 (no growth, no exits).
     *
     * <pre>
     * D: youth born 2008 (OTHER), preferred form 5, moving out 2027; new residents get form 2 or 4, half each
     * E, F: recipients born 1995, form 5 (4 000 000)
     * move: from 2027, 1 resident of form 5 to a joint service at 3 500 000 a place
     *
     * D: 0.5 in form 2 at 1 400 000 (grant 0, under the threshold),
     *    0.5 in form 4 at 3 000 000 (grant (3 000 000 - 1 500 000) x 0.8 = 1 200 000)
     * form 5 expects 2; one moves: each of E and F 0.5 in form 5, 0.5 in the joint service
     *    form 5: 1.00 resident, 4 000 000, grant (4 000 000 - 1 500 000) x 0.8 = 2 000 000
     *    joint:  1.00 resident, 3 500 000, grant (3 500 000 - 1 500 000) x 0.8 = 1 600 000
     * cells: "2" 0.50 / 700 000 / 0; "4" 0.50 / 1 500 000 / 600 000; "5" 1.00 / 4 000 000 / 2 000 000;
     *        joint 1.00 / 3 500 000 / 1 600 000
     * totals: 3.00 residents, gross 9 700 000.00, grant 4 200 000.00, net 5 500 000.00
     * 2029 (cost year) has no rules: its grant and net are not known.
     * </pre>
     */
    @Test
    void sharesForNewResidentsAndAMoveIntoAJointServiceAsWorkedOutByHand() {
        Assumptions assumptions = new Assumptions(
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                costs("1000000", "1400000", "2000000", "3000000", "4000000", "2500000"),
                List.of(new FormShare(2, new BigDecimal("0.5")), new FormShare(4, new BigDecimal("0.5"))),
                List.of(new Move(2027, 5, 1, new BigDecimal("3500000"))),
                Map.of());
        List<Year> years = project(
                3,
                List.of(
                        new Resident(2008, false, 5, null, null, 2027),
                        new Resident(1995, false, 5, null, new BigDecimal("1.00"), 2027),
                        new Resident(1995, false, 5, null, new BigDecimal("1.00"), 2027)),
                assumptions);

        Year y = years.get(0);
        assertThat(y.byColumn().get("2"))
                .isEqualTo(new Cell(
                        new BigDecimal("0.50"),
                        new BigDecimal("700000.00"),
                        new BigDecimal("700000.00"),
                        new BigDecimal("0.00")));
        assertThat(y.byColumn().get("4").grant()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(y.byColumn().get("5"))
                .isEqualTo(new Cell(
                        new BigDecimal("1.00"),
                        new BigDecimal("4000000.00"),
                        new BigDecimal("4000000.00"),
                        new BigDecimal("2000000.00")));
        assertThat(y.byColumn().get(ScenarioProjection.JOINT_SERVICE))
                .isEqualTo(new Cell(
                        new BigDecimal("1.00"),
                        new BigDecimal("3500000.00"),
                        new BigDecimal("3500000.00"),
                        new BigDecimal("1600000.00")));
        assertThat(y.residents()).isEqualTo(new BigDecimal("3.00"));
        assertThat(y.grossCosts()).isEqualTo(new BigDecimal("9700000.00"));
        assertThat(y.grant()).isEqualTo(new BigDecimal("4200000.00"));
        assertThat(y.netCost()).isEqualTo(new BigDecimal("5500000.00"));

        Year withoutRules = years.get(2);
        assertThat(withoutRules.rules()).isNull();
        assertThat(withoutRules.grant()).isNull();
        assertThat(withoutRules.netCost()).isNull();
        assertThat(withoutRules.grossCosts()).isEqualTo(new BigDecimal("9700000.00"));
    }

    @Test
    void aMoveOfMoreThanAreThereMovesThemAll() {
        Assumptions assumptions = new Assumptions(
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                costs("1", "2", "3", "4", "5", "6"),
                List.of(),
                List.of(new Move(2027, 5, 3, new BigDecimal("7"))),
                Map.of());
        Year y = project(1, List.of(new Resident(1995, false, 5, null, new BigDecimal("1.00"), 2027)), assumptions)
                .get(0);
        assertThat(y.byColumn().get("5").residents()).isEqualTo(new BigDecimal("0.00"));
        assertThat(y.byColumn().get(ScenarioProjection.JOINT_SERVICE).residents())
                .isEqualTo(new BigDecimal("1.00"));
        assertThat(y.grossCosts()).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void aScenarioMustPriceEveryHousingFormAndSharesMustSumToOne() {
        Map<CostKey, BigDecimal> missingFive = costs("1", "2", "3", "4", "5", "6");
        missingFive.remove(new CostKey(5, null));
        assertThatThrownBy(() ->
                        new Assumptions(BigDecimal.ZERO, BigDecimal.ZERO, missingFive, List.of(), List.of(), Map.of()))
                .hasMessageContaining("housing form 5");
        assertThatThrownBy(() -> new Assumptions(
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        costs("1", "2", "3", "4", "5", "6"),
                        List.of(new FormShare(1, new BigDecimal("0.6"))),
                        List.of(),
                        Map.of()))
                .hasMessageContaining("sum to 1");
    }
}
