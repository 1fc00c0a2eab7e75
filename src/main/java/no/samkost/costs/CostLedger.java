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

    /** Sums of the four amounts the grant rules count. */
    public record Amounts(
            BigDecimal directWageCosts,
            BigDecimal earmarkedGrants,
            BigDecimal hostMunicipalityGrant,
            BigDecimal userPayments) {
        static final Amounts ZERO = new Amounts(
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2));
    }

    /**
     * A recipient's booked months of a year, summed as an estimate needs them: all of them, whether
     * it has a line in the municipality's last booked month, and if so its own last three booked
     * months (fewer if it has fewer).
     */
    public record BookedMonths(
            String ref,
            int birthYear,
            boolean intellectualDisability,
            Amounts booked,
            boolean active,
            Amounts lastThree,
            int lastThreeCount) {}

    /** The municipality's last booked month of the year (0: none) and every recipient with lines. */
    public record BookedYear(int lastMonth, List<BookedMonths> recipients) {}

    /**
     * What the estimate reads, without a row per recipient and month: the last booked month (a month
     * with any line, INDIRECT ones too) from the monthly totals' key; the year's totals as the claim
     * reads them; the monthly totals of the last three months of the ledger only; and, for an active
     * recipient with a gap in those three months, its own last three months (usually none). Ordered
     * by ref.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BookedYear bookedMonths(int year) {
        String municipality = current.require().id();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            java.time.LocalDate from = java.time.LocalDate.of(year, 1, 1);
            java.time.LocalDate to = from.plusYears(1);
            int last;
            try (PreparedStatement query = connection.prepareStatement(LAST_BOOKED_MONTH)) {
                query.setString(1, municipality);
                query.setObject(2, from);
                query.setObject(3, to);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    last = rs.getInt(1);
                }
            }
            if (last == 0) {
                return new BookedYear(0, List.of());
            }
            int windowFrom = Math.max(1, last - 2);
            List<BookedMonths> rows = new ArrayList<>();
            List<java.util.UUID> withGaps = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(YEAR_AND_LAST_MONTHS)) {
                query.setObject(1, java.time.LocalDate.of(year, last, 1));
                query.setString(2, municipality);
                query.setObject(3, java.time.LocalDate.of(year, windowFrom, 1));
                query.setObject(4, java.time.LocalDate.of(year, last, 1).plusMonths(1));
                query.setString(5, municipality);
                query.setInt(6, year);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        boolean active = rs.getBoolean(8);
                        int count = rs.getInt(13);
                        rows.add(new BookedMonths(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getBoolean(3),
                                amounts(rs, 4),
                                active,
                                active ? amounts(rs, 9) : Amounts.ZERO,
                                active ? count : 0));
                        if (active && count < 3 && windowFrom > 1) {
                            withGaps.add(rs.getObject(14, java.util.UUID.class));
                        }
                    }
                }
            }
            if (!withGaps.isEmpty()) {
                java.util.Map<String, LastThree> own = new java.util.HashMap<>();
                try (PreparedStatement query = connection.prepareStatement(OWN_LAST_THREE_MONTHS)) {
                    query.setString(1, municipality);
                    query.setArray(2, connection.createArrayOf("uuid", withGaps.toArray()));
                    query.setObject(3, from);
                    query.setObject(4, to);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            own.put(rs.getString(1), new LastThree(amounts(rs, 2), rs.getInt(6)));
                        }
                    }
                }
                rows.replaceAll(r -> own.containsKey(r.ref())
                        ? new BookedMonths(
                                r.ref(),
                                r.birthYear(),
                                r.intellectualDisability(),
                                r.booked(),
                                true,
                                own.get(r.ref()).sum(),
                                own.get(r.ref()).months())
                        : r);
            }
            return new BookedYear(last, rows);
        });
    }

    private record LastThree(Amounts sum, int months) {}

    private static Amounts amounts(ResultSet rs, int first) throws java.sql.SQLException {
        return new Amounts(
                money(rs.getBigDecimal(first)),
                money(rs.getBigDecimal(first + 1)),
                money(rs.getBigDecimal(first + 2)),
                money(rs.getBigDecimal(first + 3)));
    }

    static final String LAST_BOOKED_MONTH =
            """
            select coalesce(extract(month from max(period))::integer, 0)
            from cost_month_total
            where municipality_id = ? and period >= ? and period < ?""";

    static final String YEAR_AND_LAST_MONTHS =
            """
            select r.ref, r.birth_year, r.intellectual_disability,
                   y.direct_wage_costs, y.earmarked_grants, y.host_municipality_grant, y.user_payments,
                   coalesce(w.active, false),
                   coalesce(w.direct_wage_costs, 0), coalesce(w.earmarked_grants, 0),
                   coalesce(w.host_municipality_grant, 0), coalesce(w.user_payments, 0),
                   coalesce(w.months, 0), r.id
            from cost_year_total y
            join recipient r on r.municipality_id = y.municipality_id and r.id = y.recipient_id
            left join (select recipient_id, max(period) = ? as active,
                              sum(direct_wage_costs) as direct_wage_costs, sum(earmarked_grants) as earmarked_grants,
                              sum(host_municipality_grant) as host_municipality_grant,
                              sum(user_payments) as user_payments, count(*) as months
                       from cost_month_total
                       where municipality_id = ? and period >= ? and period < ?
                       group by recipient_id) w on w.recipient_id = y.recipient_id
            where y.municipality_id = ? and y.year = ?
            order by r.ref""";

    static final String OWN_LAST_THREE_MONTHS =
            """
            select r.ref, sum(m.direct_wage_costs), sum(m.earmarked_grants), sum(m.host_municipality_grant),
                   sum(m.user_payments), count(*)
            from (select municipality_id, recipient_id, direct_wage_costs, earmarked_grants, host_municipality_grant,
                         user_payments, row_number() over (partition by recipient_id order by period desc) as back
                  from cost_month_total
                  where municipality_id = ? and recipient_id = any(?) and period >= ? and period < ?) m
            join recipient r on r.municipality_id = m.municipality_id and r.id = m.recipient_id
            where m.back <= 3
            group by r.ref""";

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
