package no.samkost.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.planning.ScenarioDtos.Parameters;
import no.samkost.planning.calculation.ScenarioProjection;
import no.samkost.planning.calculation.ScenarioProjection.Assumptions;
import no.samkost.planning.calculation.ScenarioProjection.CostKey;
import no.samkost.planning.calculation.ScenarioProjection.Resident;
import no.samkost.recipients.UserGroup;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.ProjectionAssumptions;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * A scenario's projection and the comparison of two (README, "Scenarios"): one query for today's
 * recipients with their housing, the register's ACTIVE youths, the rules of each grant year under
 * the scenario's own assumptions, then {@link ScenarioProjection}.
 */
@ApplicationScoped
@Transactional
public class ScenarioProjections {

    private final ScenarioService scenarios;
    private final EntityManager entityManager;
    private final NeedRepository needs;
    private final RuleBook rules;
    private final AuditTrail audit;
    private final CurrentMunicipality current;

    public ScenarioProjections(
            ScenarioService scenarios,
            EntityManager entityManager,
            NeedRepository needs,
            RuleBook rules,
            AuditTrail audit,
            CurrentMunicipality current) {
        this.scenarios = scenarios;
        this.entityManager = entityManager;
        this.needs = needs;
        this.rules = rules;
        this.audit = audit;
        this.current = current;
    }

    public ScenarioProjectionView projection(UUID id, int firstYear, int years) {
        People people = people(firstYear);
        ScenarioProjectionView view = project(scenarios.stored(id), people, firstYear, years);
        audit.recordRead("planning.scenario.projection", id + " from " + firstYear + ", " + years + " years");
        return view;
    }

    public ScenarioComparisonView comparison(UUID baseId, UUID alternativeId, int firstYear, int years) {
        People people = people(firstYear);
        ScenarioProjectionView base = project(scenarios.stored(baseId), people, firstYear, years);
        ScenarioProjectionView alternative = project(scenarios.stored(alternativeId), people, firstYear, years);
        List<ScenarioComparisonView.Row> rows = new ArrayList<>();
        for (int i = 0; i < years; i++) {
            ScenarioProjectionView.Year a = base.rows().get(i);
            ScenarioProjectionView.Year b = alternative.rows().get(i);
            rows.add(new ScenarioComparisonView.Row(
                    a.year(),
                    figures(a),
                    figures(b),
                    new ScenarioComparisonView.Difference(
                            b.residents().subtract(a.residents()),
                            b.grossCosts().subtract(a.grossCosts()),
                            a.grant() == null || b.grant() == null
                                    ? null
                                    : b.grant().subtract(a.grant()),
                            a.netCost() == null || b.netCost() == null
                                    ? null
                                    : b.netCost().subtract(a.netCost()))));
        }
        audit.recordRead(
                "planning.scenario.comparison",
                baseId + " against " + alternativeId + " from " + firstYear + ", " + years + " years");
        return new ScenarioComparisonView(firstYear, years, side(base), side(alternative), rows);
    }

    private static ScenarioComparisonView.Side side(ScenarioProjectionView p) {
        return new ScenarioComparisonView.Side(p.scenarioId(), p.scenarioName(), p.scenarioVersion());
    }

    private static ScenarioComparisonView.Figures figures(ScenarioProjectionView.Year y) {
        return new ScenarioComparisonView.Figures(y.residents(), y.grossCosts(), y.grant(), y.netCost());
    }

    private record People(List<Resident> residents, int recipientsToday, int registerCounted, int withoutYear) {}

    private ScenarioProjectionView project(ScenarioService.Stored stored, People people, int firstYear, int years) {
        Scenario s = stored.scenario();
        ProjectionAssumptions ruleAssumptions =
                new ProjectionAssumptions(s.yearlyWageGrowth, s.yearlyExtraStep, "scenario '" + s.name + "'");
        Map<Integer, Optional<GrantRules>> rulesByCostYear = new HashMap<>();
        for (int year = firstYear; year < firstYear + years; year++) {
            rulesByCostYear.put(year, rules.forPlanning(year + 1, ruleAssumptions));
        }
        List<ScenarioProjection.Year> projected = ScenarioProjection.project(
                firstYear,
                years,
                people.residents(),
                year -> rulesByCostYear
                        .get(year)
                        .map(GrantRules::eligibleBornOnOrAfter)
                        .orElse(year + 1 - 68),
                rulesByCostYear::get,
                assumptions(s, stored.parameters()));
        List<ScenarioProjectionView.Year> rows = new ArrayList<>();
        for (ScenarioProjection.Year y : projected) {
            Map<String, ScenarioProjectionView.Cell> cells = new LinkedHashMap<>();
            y.byColumn()
                    .forEach((column, c) -> cells.put(
                            column,
                            new ScenarioProjectionView.Cell(
                                    c.residents(), c.grossCostsBeforeSavings(), c.grossCosts(), c.grant())));
            GrantRules r = y.rules();
            rows.add(new ScenarioProjectionView.Year(
                    y.year(),
                    y.year() + 1,
                    r == null ? null : r.status(),
                    r == null ? null : r.threshold(),
                    r == null ? null : r.compensationRate(),
                    cells,
                    y.residents(),
                    y.grossCostsBeforeSavings(),
                    y.savingsPlanned(),
                    y.savings(),
                    y.grossCosts(),
                    y.grant(),
                    y.netCost()));
        }
        return new ScenarioProjectionView(
                s.id.toString(),
                s.name,
                s.version,
                firstYear,
                years,
                s.yearlyWageGrowth,
                s.yearlyExtraStep,
                s.yearlyExitRate,
                people.recipientsToday(),
                people.registerCounted(),
                people.withoutYear(),
                rows);
    }

    private static Assumptions assumptions(Scenario s, Parameters p) {
        Map<CostKey, BigDecimal> costs = new HashMap<>();
        p.annualCosts()
                .forEach(c -> costs.put(
                        new CostKey(
                                c.housingForm(),
                                c.baseLevel() == null ? null : c.baseLevel().name()),
                        c.annualCost()));
        Map<Integer, BigDecimal> savings = new HashMap<>();
        p.savings().forEach(saving -> savings.put(saving.year(), saving.amount()));
        return new Assumptions(
                s.yearlyWageGrowth,
                s.yearlyExitRate,
                costs,
                p.newResidentForms().stream()
                        .map(f -> new ScenarioProjection.FormShare(f.housingForm(), f.share()))
                        .toList(),
                p.jointServiceMoves().stream()
                        .map(m -> new ScenarioProjection.Move(
                                m.fromYear(), m.housingForm(), m.residents(), m.annualCostPerPlace()))
                        .toList(),
                savings);
    }

    /** Today's recipients (costs in the year before the first) and the register's ACTIVE youths with a year. */
    private People people(int firstYear) {
        List<Resident> residents = new ArrayList<>();
        for (Object[] row : recipients(firstYear)) {
            residents.add(new Resident(
                    ((Number) row[0]).intValue(),
                    (Boolean) row[1],
                    row[2] == null ? null : ((Number) row[2]).intValue(),
                    (String) row[3],
                    (BigDecimal) row[4],
                    firstYear));
        }
        int today = residents.size();
        int counted = 0;
        int withoutYear = 0;
        for (Need n : needs.list("status", NeedStatus.ACTIVE)) {
            if (n.expectedMoveOutYear == null) {
                withoutYear++;
                continue;
            }
            residents.add(new Resident(
                    n.birthYear,
                    n.userGroup == UserGroup.INTELLECTUAL_DISABILITY,
                    n.housingForm,
                    n.baseLevel == null ? null : n.baseLevel.name(),
                    null,
                    n.expectedMoveOutYear));
            counted++;
        }
        return new People(residents, today, counted, withoutYear);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> recipients(int firstYear) {
        return entityManager
                .createNativeQuery(
                        """
                        select r.birth_year, r.intellectual_disability, h.housing_form, h.base_level,
                               t.direct_wage_costs
                        from cost_year_total t
                        join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                        %s
                        where t.municipality_id = :m and t.year = :year
                        order by r.ref"""
                                .formatted(HousingSql.joinHousingOn(":day")))
                .setParameter("day", LocalDate.of(firstYear, 1, 1))
                .setParameter("m", current.require().id())
                .setParameter("year", firstYear - 1)
                .getResultList();
    }
}
