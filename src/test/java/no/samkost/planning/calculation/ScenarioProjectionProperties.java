package no.samkost.planning.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import no.samkost.planning.calculation.ScenarioProjection.Assumptions;
import no.samkost.planning.calculation.ScenarioProjection.Cell;
import no.samkost.planning.calculation.ScenarioProjection.CostKey;
import no.samkost.planning.calculation.ScenarioProjection.Move;
import no.samkost.planning.calculation.ScenarioProjection.Resident;
import no.samkost.planning.calculation.ScenarioProjection.Year;
import no.samkost.reimbursement.calculation.GrantRules;

/**
 * What holds for every scenario: the tables add up, the grant never exceeds the rate times the
 * costs, the state carries at most its rate of a saving, and a move into a joint service moves
 * residents without losing any.
 */
class ScenarioProjectionProperties {

    static final int FIRST = 2027;
    static final BigDecimal RATE = new BigDecimal("0.80");
    static final BigDecimal ORE = new BigDecimal("0.01");

    static Optional<GrantRules> rules(int costYear) {
        int grantYear = costYear + 1;
        return Optional.of(ScenarioProjectionTest.rules(
                grantYear,
                "" + (1_500_000 + 60_000 * (grantYear - 2028)),
                "" + (800_000 + 30_000 * (grantYear - 2028)),
                grantYear - 17,
                grantYear - 68));
    }

    static List<Year> project(int years, List<Resident> residents, Assumptions a) {
        return ScenarioProjection.project(
                FIRST,
                years,
                residents,
                year -> rules(year).orElseThrow().eligibleBornOnOrAfter(),
                ScenarioProjectionProperties::rules,
                a);
    }

    @Provide
    Arbitrary<List<Resident>> residents() {
        Arbitrary<Resident> one = Combinators.combine(
                        Arbitraries.integers().between(1950, 2012),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of("PLUSS", "EKSTRA", "none"),
                        Arbitraries.longs().between(-1, 6_000_000),
                        Arbitraries.integers().between(FIRST - 1, FIRST + 5))
                .as((born, id, form, level, own, from) -> new Resident(
                        born,
                        id,
                        form == 0 ? null : form,
                        level.equals("none") ? null : level,
                        own < 0 ? null : BigDecimal.valueOf(own, 2).multiply(BigDecimal.valueOf(100)),
                        own < 0 ? from : FIRST));
        return one.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Assumptions> assumptions() {
        return Combinators.combine(
                        Arbitraries.integers().between(-20, 80),
                        Arbitraries.integers().between(0, 2000),
                        Arbitraries.longs().between(0, 6_000_000).list().ofSize(7),
                        Arbitraries.integers().between(0, 3).list().ofMaxSize(2))
                .as((growth, exit, prices, moves) -> {
                    Map<CostKey, BigDecimal> costs = new HashMap<>();
                    for (int form = 1; form <= 5; form++) {
                        costs.put(new CostKey(form, null), BigDecimal.valueOf(prices.get(form - 1)));
                    }
                    costs.put(new CostKey(null, null), BigDecimal.valueOf(prices.get(5)));
                    costs.put(new CostKey(4, "EKSTRA"), BigDecimal.valueOf(prices.get(6)));
                    List<Move> m = new ArrayList<>();
                    for (int i = 0; i < moves.size(); i++) {
                        m.add(new Move(FIRST + i, 3 + i, 1 + moves.get(i), BigDecimal.valueOf(prices.get(i))));
                    }
                    return new Assumptions(
                            BigDecimal.valueOf(growth, 3), BigDecimal.valueOf(exit, 4), costs, List.of(), m, Map.of());
                });
    }

    @Property(tries = 200)
    void everyYearsTotalsAreTheSumsOfItsCellsAndNetIsGrossLessGrant(
            @ForAll("residents") List<Resident> residents,
            @ForAll("assumptions") Assumptions a,
            @ForAll @IntRange(min = 1, max = 6) int years) {
        for (Year y : project(years, residents, a)) {
            assertThat(sum(y, Cell::residents)).isEqualByComparingTo(y.residents());
            assertThat(sum(y, Cell::grossCosts)).isEqualByComparingTo(y.grossCosts());
            assertThat(sum(y, Cell::grant)).isEqualByComparingTo(y.grant());
            assertThat(y.netCost()).isEqualByComparingTo(y.grossCosts().subtract(y.grant()));
            assertThat(y.grossCostsBeforeSavings().subtract(y.savings())).isEqualByComparingTo(y.grossCosts());
        }
    }

    /** Each resident's grant is at most the rate times its cost; the cells' rounding adds at most an øre each. */
    @Property(tries = 200)
    void theGrantNeverExceedsTheRateTimesTheCosts(
            @ForAll("residents") List<Resident> residents, @ForAll("assumptions") Assumptions a) {
        for (Year y : project(4, residents, a)) {
            for (Cell cell : y.byColumn().values()) {
                if (cell.grossCosts().signum() >= 0) {
                    assertThat(cell.grant())
                            .isLessThanOrEqualTo(
                                    RATE.multiply(cell.grossCosts()).add(ORE));
                }
            }
            assertThat(y.grant().signum()).isGreaterThanOrEqualTo(0);
        }
    }

    /**
     * A saving S cuts the gross costs by S, and the municipality's net cost by between (1 - rate) x S
     * (every krone saved was above the threshold, so the state loses its share) and S (none was).
     * Rounding each resident's cost to øre moves the gross by at most half an øre per resident.
     */
    @Property(tries = 200)
    void theStateCarriesAtMostItsRateOfASaving(
            @ForAll("residents") List<Resident> residents,
            @ForAll("assumptions") Assumptions a,
            @ForAll @LongRange(min = 0, max = 100) long percentOfGross) {
        Year without = project(1, residents, a).get(0);
        BigDecimal saving = without.grossCosts()
                .max(BigDecimal.ZERO)
                .multiply(BigDecimal.valueOf(percentOfGross))
                .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
        Assumptions withSaving = new Assumptions(
                a.yearlyWageGrowth(),
                a.yearlyExitRate(),
                a.annualCosts(),
                a.newResidentForms(),
                a.moves(),
                Map.of(FIRST, saving));
        Year with = project(1, residents, withSaving).get(0);
        if (without.grossCosts().signum() <= 0) {
            return;
        }
        BigDecimal tolerance = ORE.multiply(BigDecimal.valueOf(residents.size() * 2L + 8));
        BigDecimal grossCut = without.grossCosts().subtract(with.grossCosts());
        BigDecimal netCut = without.netCost().subtract(with.netCost());
        assertThat(grossCut.subtract(saving).abs()).isLessThanOrEqualTo(tolerance);
        assertThat(netCut)
                .isGreaterThanOrEqualTo(
                        BigDecimal.ONE.subtract(RATE).multiply(saving).subtract(tolerance));
        assertThat(netCut).isLessThanOrEqualTo(saving.add(tolerance));
    }

    @Property(tries = 200)
    void aMoveIntoAJointServiceLosesNoResident(
            @ForAll("residents") List<Resident> residents, @ForAll("assumptions") Assumptions a) {
        Assumptions noMoves = new Assumptions(
                a.yearlyWageGrowth(),
                a.yearlyExitRate(),
                a.annualCosts(),
                a.newResidentForms(),
                List.of(),
                a.savings());
        List<Year> moved = project(4, residents, a);
        List<Year> stayed = project(4, residents, noMoves);
        BigDecimal tolerance = ORE.multiply(BigDecimal.valueOf(7));
        for (int i = 0; i < moved.size(); i++) {
            assertThat(moved.get(i)
                            .residents()
                            .subtract(stayed.get(i).residents())
                            .abs())
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    static BigDecimal sum(Year y, java.util.function.Function<Cell, BigDecimal> figure) {
        return y.byColumn().values().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
