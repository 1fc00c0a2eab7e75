package no.samkost.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.samkost.audit.AuditTrail;
import no.samkost.planning.calculation.HousingDemand;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The caller's expected residents by housing form (README, "The demand"): two queries, then
 * {@link HousingDemand}. The age limit of a year is that of the rules for its costs (grant year +
 * 1), and beyond the rule book's reach the pattern's (born in or after grant year - 68).
 */
@ApplicationScoped
@Transactional
public class DemandService {

    private final EntityManager entityManager;
    private final NeedRepository needs;
    private final RuleBook rules;
    private final AuditTrail audit;
    private final CurrentMunicipality current;

    public DemandService(
            EntityManager entityManager,
            NeedRepository needs,
            RuleBook rules,
            AuditTrail audit,
            CurrentMunicipality current) {
        this.entityManager = entityManager;
        this.needs = needs;
        this.rules = rules;
        this.audit = audit;
        this.current = current;
    }

    public DemandView demand(int firstYear, int years, BigDecimal yearlyExitRate) {
        List<HousingDemand.Person> people = new ArrayList<>();
        int today = 0;
        for (Object[] row : residents(firstYear)) {
            people.add(new HousingDemand.Person(
                    ((Number) row[0]).intValue(), row[1] == null ? null : ((Number) row[1]).intValue(), firstYear));
            today++;
        }
        int counted = 0;
        int withoutYear = 0;
        for (Need n : needs.list("status", NeedStatus.ACTIVE)) {
            if (n.expectedMoveOutYear == null) {
                withoutYear++;
            } else {
                people.add(new HousingDemand.Person(n.birthYear, n.housingForm, n.expectedMoveOutYear));
                counted++;
            }
        }
        List<DemandView.Row> rows =
                HousingDemand.project(firstYear, years, people, this::ageLimit, yearlyExitRate).stream()
                        .map(y -> new DemandView.Row(y.year(), y.byHousingForm(), y.total()))
                        .toList();
        audit.recordRead("planning.demand.read", "from " + firstYear + ", " + years + " years");
        return new DemandView(firstYear, years, yearlyExitRate, today, counted, withoutYear, rows);
    }

    /** The earliest birth year within the age limit for the costs of {@code year}. */
    private int ageLimit(int year) {
        return rules.forGrantYear(year + 1)
                .map(GrantRules::eligibleBornOnOrAfter)
                .orElse(year + 1 - 68);
    }

    /**
     * Recipients with costs in the year before {@code firstYear}, each with its housing form on
     * the first day of {@code firstYear} (the latest day on or before it; for one day, the row
     * recorded last), or null.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> residents(int firstYear) {
        return entityManager
                .createNativeQuery(
                        """
                        select r.birth_year,
                               %s
                        from cost_year_total t
                        join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                        where t.municipality_id = :m and t.year = :year"""
                                .formatted(HousingSql.formOn(":day")))
                .setParameter("day", LocalDate.of(firstYear, 1, 1))
                .setParameter("m", current.require().id())
                .setParameter("year", firstYear - 1)
                .getResultList();
    }
}
