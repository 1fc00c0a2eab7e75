package no.samkost.costs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The ledger's yearly sums per recipient, for the reimbursement claim: one set-based query per
 * municipality-year, never one per recipient. It reads cost_year_total, which the database keeps
 * as lines are appended (V3 migration), so a claim reads one row per recipient, not every line.
 */
@ApplicationScoped
public class CostLedger {

    /** One recipient's sums for one cost year, by what the grant rules count. */
    public record RecipientYearTotals(
            String ref,
            int birthYear,
            boolean intellectualDisability,
            BigDecimal directWageCosts,
            BigDecimal earmarkedGrants,
            BigDecimal hostMunicipalityGrant,
            BigDecimal userPayments) {}

    private final EntityManager entityManager;
    private final CurrentMunicipality current;

    public CostLedger(EntityManager entityManager, CurrentMunicipality current) {
        this.entityManager = entityManager;
        this.current = current;
    }

    /**
     * Every recipient with any line in {@code year}, ordered by ref. Native SQL is not filtered by
     * Hibernate, so the municipality is named explicitly; row-level security holds it as well.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecipientYearTotals> yearTotals(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                select r.ref, r.birth_year, r.intellectual_disability, t.direct_wage_costs,
                       t.earmarked_grants, t.host_municipality_grant, t.user_payments
                from cost_year_total t
                join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                where t.municipality_id = :municipality and t.year = :year
                order by r.ref""")
                .setParameter("municipality", current.require().id())
                .setParameter("year", year)
                .getResultList();
        return rows.stream()
                .map(row -> new RecipientYearTotals(
                        (String) row[0],
                        ((Number) row[1]).intValue(),
                        (Boolean) row[2],
                        money(row[3]),
                        money(row[4]),
                        money(row[5]),
                        money(row[6])))
                .toList();
    }

    private static BigDecimal money(Object value) {
        return ((BigDecimal) value).setScale(2);
    }
}
