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

    /** One recipient's lines of one month, summed by what the grant rules count. */
    public record RecipientMonth(
            String ref,
            int birthYear,
            boolean intellectualDisability,
            int month,
            BigDecimal directWageCosts,
            BigDecimal earmarkedGrants,
            BigDecimal hostMunicipalityGrant,
            BigDecimal userPayments) {}

    /**
     * Every recipient's months of {@code year} that have any line (INDIRECT ones too: a month with
     * only indirect costs is still a booked month), ordered by ref and month, for the claim's
     * estimate: from cost_month_total, which the database keeps as lines are appended (V8), so the
     * estimate reads one row per recipient and month, not every line.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecipientMonth> months(int year) {
        String municipality = current.require().id();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(MONTHS)) {
                query.setString(1, municipality);
                query.setObject(2, java.time.LocalDate.of(year, 1, 1));
                query.setObject(3, java.time.LocalDate.of(year + 1, 1, 1));
                List<RecipientMonth> months = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        months.add(new RecipientMonth(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getBoolean(3),
                                rs.getInt(4),
                                money(rs.getBigDecimal(5)),
                                money(rs.getBigDecimal(6)),
                                money(rs.getBigDecimal(7)),
                                money(rs.getBigDecimal(8))));
                    }
                }
                return months;
            }
        });
    }

    static final String MONTHS =
            """
            select r.ref, r.birth_year, r.intellectual_disability, extract(month from m.period)::integer,
                   m.direct_wage_costs, m.earmarked_grants, m.host_municipality_grant, m.user_payments
            from cost_month_total m
            join recipient r on r.municipality_id = m.municipality_id and r.id = m.recipient_id
            where m.municipality_id = ? and m.period >= ? and m.period < ?
            order by r.ref, m.period""";

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
