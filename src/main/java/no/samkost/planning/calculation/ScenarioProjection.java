package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientYear;

/**
 * A scenario's projection: per cost year, the expected residents by housing form, their gross
 * costs, the grant and the municipality's net cost (README, "Scenarios").
 *
 * <ol>
 *   <li>Who is there: as {@link HousingDemand} counts them (today's recipients from the first year,
 *       the register's youths from their move-out year, each leaving at the rules' age limit, and
 *       weighed by (1 - exit rate)^years for other exits). A register youth is a new resident: when
 *       the scenario gives shares of housing forms for new residents, the youth is spread over the
 *       forms by those shares instead of its preferred form.
 *   <li>What each costs a year: the scenario's annual cost for its housing form and base level
 *       (the form's cost if the level has none of its own), given in the first year's prices. A
 *       recipient whose form is not known keeps its own direct wage costs of the year before the
 *       first; a youth without a preferred form costs the scenario's cost for an unknown form.
 *       Prices grow by the scenario's wage growth each year, rounded to øre each year.
 *   <li>Moves into joint services: from a move's year, that many of the expected residents of its
 *       housing form are served in a joint service at the move's cost per place (first-year
 *       prices) instead; each resident of the form moves by the same share, so the count moved is
 *       the move's (or all of the form's, if fewer are expected).
 *   <li>Savings: a year's planned saving (in that year's money) cuts every resident's cost by the
 *       same share, so that the grant follows as it would: above the threshold the state carried
 *       its rate of what is saved.
 *   <li>The grant: for each resident, {@link GrantCalculator} on its cost after savings, as direct
 *       wage costs with no other deductions, under the rules of the grant year (cost year + 1); the
 *       expected grant is the resident's share of presence times that grant. A year without rules,
 *       or whose rules lack a value a resident needs, has no grant and no net cost.
 *   <li>Rounding: every cell (column × figure) is rounded half up to øre (residents to two
 *       decimals); a year's totals are the sums of its cells, so every table adds up.
 * </ol>
 *
 * Plain Java.
 */
public final class ScenarioProjection {

    /** The column of residents moved into joint services. */
    public static final String JOINT_SERVICE = "jointService";

    public static final List<String> COLUMNS = List.of("1", "2", "3", "4", "5", HousingDemand.UNKNOWN, JOINT_SERVICE);

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal ZERO_KR = new BigDecimal("0.00");

    private ScenarioProjection() {}

    /**
     * Someone who lives in the municipality's services from a year on.
     *
     * @param housingForm 1-5, or null when not known
     * @param baseLevel the base level's name, or null
     * @param ownAnnualCost today's recipient's direct wage costs in the year before the first; null
     *     for a new resident
     * @param fromYear the year it starts to count (today's recipient: the first year)
     */
    public record Resident(
            int birthYear,
            boolean intellectualDisability,
            Integer housingForm,
            String baseLevel,
            BigDecimal ownAnnualCost,
            int fromYear) {
        public Resident {
            if (housingForm != null && (housingForm < 1 || housingForm > 5)) {
                throw new IllegalArgumentException("housing form " + housingForm);
            }
        }

        boolean newResident() {
            return ownAnnualCost == null;
        }
    }

    /** The annual cost of a housing form (null: not known) and base level (null: the form's own). */
    public record CostKey(Integer housingForm, String baseLevel) {}

    public record FormShare(int housingForm, BigDecimal share) {}

    /** From {@code fromYear}, {@code residents} of a housing form are served in a joint service. */
    public record Move(int fromYear, int housingForm, int residents, BigDecimal annualCostPerPlace) {}

    /**
     * @param annualCosts first-year prices; must hold every form 1-5 and the unknown form with a null
     *     base level
     * @param newResidentForms empty: new residents get their preferred form; else shares summing to 1
     * @param savings by cost year, in that year's money
     */
    public record Assumptions(
            BigDecimal yearlyWageGrowth,
            BigDecimal yearlyExitRate,
            Map<CostKey, BigDecimal> annualCosts,
            List<FormShare> newResidentForms,
            List<Move> moves,
            Map<Integer, BigDecimal> savings) {

        public Assumptions {
            Objects.requireNonNull(yearlyWageGrowth, "yearlyWageGrowth");
            Objects.requireNonNull(yearlyExitRate, "yearlyExitRate");
            annualCosts = Map.copyOf(annualCosts);
            newResidentForms = List.copyOf(newResidentForms);
            moves = List.copyOf(moves);
            savings = Map.copyOf(savings);
            for (int form = 1; form <= 5; form++) {
                if (!annualCosts.containsKey(new CostKey(form, null))) {
                    throw new IllegalArgumentException("no annual cost for housing form " + form);
                }
            }
            if (!annualCosts.containsKey(new CostKey(null, null))) {
                throw new IllegalArgumentException("no annual cost for an unknown housing form");
            }
            if (!newResidentForms.isEmpty()
                    && newResidentForms.stream()
                                    .map(FormShare::share)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                                    .compareTo(BigDecimal.ONE)
                            != 0) {
                throw new IllegalArgumentException("the new residents' shares must sum to 1");
            }
        }
    }

    /** One column's figures in a year; grant null when it cannot be computed. */
    public record Cell(
            BigDecimal residents, BigDecimal grossCostsBeforeSavings, BigDecimal grossCosts, BigDecimal grant) {}

    /**
     * One cost year.
     *
     * @param rules the rules of grant year {@code year + 1}, or null when the rule book does not reach it
     * @param savingsPlanned the scenario's saving for the year
     * @param savings what the saving took off the gross costs, after rounding
     * @param grant null when it cannot be computed
     */
    public record Year(
            int year,
            GrantRules rules,
            Map<String, Cell> byColumn,
            BigDecimal residents,
            BigDecimal grossCostsBeforeSavings,
            BigDecimal savingsPlanned,
            BigDecimal savings,
            BigDecimal grossCosts,
            BigDecimal grant,
            BigDecimal netCost) {}

    /**
     * @param ageLimit for a cost year, the earliest birth year within the age limit
     * @param rulesOf for a cost year, the rules of its grant year, if the rule book reaches it
     */
    public static List<Year> project(
            int firstYear,
            int years,
            List<Resident> residents,
            IntUnaryOperator ageLimit,
            IntFunction<Optional<GrantRules>> rulesOf,
            Assumptions assumptions) {
        if (years < 1 || years > 50) {
            throw new IllegalArgumentException("years must be 1-50");
        }
        BigDecimal stays = BigDecimal.ONE.subtract(assumptions.yearlyExitRate());
        BigDecimal growth = BigDecimal.ONE.add(assumptions.yearlyWageGrowth());
        Prices prices = new Prices(growth);
        // A recipient's own cost is of the year before the first: one year's growth makes it a first-year price.
        List<BigDecimal> firstYearPrices = residents.stream()
                .map(r -> r.ownAnnualCost() == null ? null : grow(r.ownAnnualCost(), growth))
                .toList();
        List<Year> result = new ArrayList<>();
        for (int year = firstYear; year < firstYear + years; year++) {
            if (year > firstYear) {
                prices.nextYear();
            }
            List<Piece> pieces = new ArrayList<>();
            int limit = ageLimit.applyAsInt(year);
            for (int i = 0; i < residents.size(); i++) {
                Resident r = residents.get(i);
                BigDecimal present = HousingDemand.presence(firstYear, r.fromYear(), r.birthYear(), year, limit, stays);
                if (present.signum() == 0) {
                    continue;
                }
                if (r.newResident() && !assumptions.newResidentForms().isEmpty()) {
                    for (FormShare share : assumptions.newResidentForms()) {
                        pieces.add(new Piece(
                                r,
                                share.housingForm(),
                                cost(assumptions, share.housingForm(), r.baseLevel()),
                                present.multiply(share.share())));
                    }
                } else if (r.housingForm() == null && !r.newResident()) {
                    pieces.add(new Piece(r, null, firstYearPrices.get(i), present));
                } else {
                    pieces.add(
                            new Piece(r, r.housingForm(), cost(assumptions, r.housingForm(), r.baseLevel()), present));
                }
            }
            pieces = moved(pieces, year, assumptions.moves());
            result.add(year(year, pieces, prices, rulesOf.apply(year), assumptions));
        }
        return List.copyOf(result);
    }

    private static Year year(
            int year, List<Piece> pieces, Prices prices, Optional<GrantRules> rules, Assumptions assumptions) {
        BigDecimal before = BigDecimal.ZERO;
        for (Piece p : pieces) {
            before = before.add(p.weight().multiply(prices.of(p.firstYearCost())));
        }
        BigDecimal planned = assumptions.savings().getOrDefault(year, ZERO_KR);
        BigDecimal keep = BigDecimal.ONE;
        if (planned.signum() > 0 && before.signum() > 0) {
            keep = BigDecimal.ONE.subtract(planned.divide(before, PRECISION)).max(BigDecimal.ZERO);
        }
        Map<String, BigDecimal[]> exact = new LinkedHashMap<>();
        COLUMNS.forEach(c ->
                exact.put(c, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
        Map<Object, BigDecimal> grants = new HashMap<>();
        boolean grantKnown = rules.isPresent();
        for (Piece p : pieces) {
            BigDecimal price = prices.of(p.firstYearCost());
            BigDecimal cost = price.multiply(keep).setScale(2, RoundingMode.HALF_UP);
            BigDecimal[] cell = exact.get(p.column());
            cell[0] = cell[0].add(p.weight());
            cell[1] = cell[1].add(p.weight().multiply(price));
            cell[2] = cell[2].add(p.weight().multiply(cost));
            if (grantKnown) {
                Resident r = p.resident();
                BigDecimal grant = grants.computeIfAbsent(
                        List.of(cost, r.birthYear(), r.intellectualDisability()),
                        k -> Optional.ofNullable(GrantCalculator.calculate(
                                                rules.get(),
                                                new RecipientYear(
                                                        "projected",
                                                        r.birthYear(),
                                                        r.intellectualDisability(),
                                                        cost,
                                                        ZERO_KR,
                                                        ZERO_KR,
                                                        ZERO_KR))
                                        .grant())
                                .orElse(UNKNOWN_GRANT));
                if (grant == UNKNOWN_GRANT) {
                    grantKnown = false;
                } else {
                    cell[3] = cell[3].add(p.weight().multiply(grant));
                }
            }
        }
        Map<String, Cell> byColumn = new LinkedHashMap<>();
        BigDecimal residents = new BigDecimal("0.00");
        BigDecimal grossBefore = ZERO_KR;
        BigDecimal gross = ZERO_KR;
        BigDecimal grant = ZERO_KR;
        for (Map.Entry<String, BigDecimal[]> e : exact.entrySet()) {
            BigDecimal[] v = e.getValue();
            Cell cell = new Cell(round(v[0]), round(v[1]), round(v[2]), grantKnown ? round(v[3]) : null);
            byColumn.put(e.getKey(), cell);
            residents = residents.add(cell.residents());
            grossBefore = grossBefore.add(cell.grossCostsBeforeSavings());
            gross = gross.add(cell.grossCosts());
            if (grantKnown) {
                grant = grant.add(cell.grant());
            }
        }
        return new Year(
                year,
                rules.orElse(null),
                Collections.unmodifiableMap(byColumn),
                residents,
                grossBefore,
                planned.setScale(2, RoundingMode.HALF_UP),
                grossBefore.subtract(gross),
                gross,
                grantKnown ? grant : null,
                grantKnown ? gross.subtract(grant) : null);
    }

    /** Marks a grant the rules cannot give (a missing value) in the memo. */
    private static final BigDecimal UNKNOWN_GRANT = new BigDecimal("-1");

    /** Splits each piece of a moved form: the moved share goes to the joint-service column at the place's cost. */
    private static List<Piece> moved(List<Piece> pieces, int year, List<Move> moves) {
        List<Piece> result = pieces;
        for (int form = 1; form <= 5; form++) {
            int f = form;
            List<Move> active = moves.stream()
                    .filter(m -> m.housingForm() == f && m.fromYear() <= year)
                    .toList();
            if (active.isEmpty()) {
                continue;
            }
            BigDecimal expected = result.stream()
                    .filter(p -> Integer.valueOf(f).equals(p.housingForm())
                            && !p.column().equals(JOINT_SERVICE))
                    .map(Piece::weight)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (expected.signum() == 0) {
                continue;
            }
            List<BigDecimal> shares = new ArrayList<>();
            BigDecimal left = expected;
            for (Move m : active) {
                BigDecimal count = left.min(BigDecimal.valueOf(m.residents()));
                shares.add(count.divide(expected, PRECISION));
                left = left.subtract(count);
            }
            BigDecimal staying = BigDecimal.ONE.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            List<Piece> next = new ArrayList<>();
            for (Piece p : result) {
                if (!Integer.valueOf(f).equals(p.housingForm()) || p.column().equals(JOINT_SERVICE)) {
                    next.add(p);
                    continue;
                }
                if (staying.signum() > 0) {
                    next.add(new Piece(
                            p.resident(),
                            p.housingForm(),
                            p.firstYearCost(),
                            p.weight().multiply(staying),
                            p.column()));
                }
                for (int i = 0; i < active.size(); i++) {
                    if (shares.get(i).signum() > 0) {
                        next.add(new Piece(
                                p.resident(),
                                p.housingForm(),
                                active.get(i).annualCostPerPlace(),
                                p.weight().multiply(shares.get(i)),
                                JOINT_SERVICE));
                    }
                }
            }
            result = next;
        }
        return result;
    }

    private static BigDecimal cost(Assumptions assumptions, Integer housingForm, String baseLevel) {
        BigDecimal own = baseLevel == null ? null : assumptions.annualCosts().get(new CostKey(housingForm, baseLevel));
        return own != null ? own : assumptions.annualCosts().get(new CostKey(housingForm, null));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal grow(BigDecimal price, BigDecimal growth) {
        return price.multiply(growth).setScale(2, RoundingMode.HALF_UP);
    }

    /** A resident's share in one column at one first-year price. */
    private record Piece(
            Resident resident, Integer housingForm, BigDecimal firstYearCost, BigDecimal weight, String column) {
        Piece(Resident resident, Integer housingForm, BigDecimal firstYearCost, BigDecimal weight) {
            this(
                    resident,
                    housingForm,
                    firstYearCost,
                    weight,
                    housingForm == null ? HousingDemand.UNKNOWN : housingForm.toString());
        }
    }

    /** First-year prices carried forward year by year, each year rounded to øre, as the scenario's wage growth says. */
    private static final class Prices {
        private final BigDecimal growth;
        private final Map<BigDecimal, BigDecimal> firstYearToNow = new HashMap<>();
        private int steps;

        Prices(BigDecimal growth) {
            this.growth = growth;
        }

        void nextYear() {
            steps++;
            firstYearToNow.replaceAll((first, now) -> grow(now, growth));
        }

        BigDecimal of(BigDecimal firstYearPrice) {
            return firstYearToNow.computeIfAbsent(firstYearPrice, p -> {
                BigDecimal now = p.setScale(2, RoundingMode.HALF_UP);
                for (int i = 0; i < steps; i++) {
                    now = grow(now, growth);
                }
                return now;
            });
        }
    }
}
