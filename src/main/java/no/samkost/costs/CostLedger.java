package no.samkost.costs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import no.samkost.tenancy.CurrentMunicipality;
import org.hibernate.Session;

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
        String municipality = current.require().id();
        // Plain JDBC on the transaction's (RLS-bound) connection: for a claim of a large
        // municipality, Hibernate's generic native-query row handling was a noticeable share.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(YEAR_TOTALS)) {
                query.setString(1, municipality);
                query.setInt(2, year);
                List<RecipientYearTotals> totals = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        totals.add(new RecipientYearTotals(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getBoolean(3),
                                money(rs.getBigDecimal(4)),
                                money(rs.getBigDecimal(5)),
                                money(rs.getBigDecimal(6)),
                                money(rs.getBigDecimal(7))));
                    }
                }
                return totals;
            }
        });
    }

    static final String YEAR_TOTALS =
            """
            select r.ref, r.birth_year, r.intellectual_disability, t.direct_wage_costs,
                   t.earmarked_grants, t.host_municipality_grant, t.user_payments
            from cost_year_total t
            join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
            where t.municipality_id = ? and t.year = ?
            order by r.ref""";

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2);
    }
}
