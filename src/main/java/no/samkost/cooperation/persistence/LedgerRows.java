package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * A home's ledger and claim figures ({@code cost_line}, {@code recipient}, {@code cost_year_total})
 * as far as the cooperation touches them: the JOINT_SERVICE lines of its placements, and the yearly
 * figures of its placed recipients. Every method takes the home it reads or writes in.
 */
@ApplicationScoped
public class LedgerRows {

    private final MemberDatabaseAccess members;

    public LedgerRows(MemberDatabaseAccess members) {
        this.members = members;
    }

    /** What the home's JOINT_SERVICE lines of these placements add up to now, per placement-month. */
    public Map<PlacementMonth, BigDecimal> attributedShares(
            Cooperation c, String home, Collection<UUID> placementIds, Collection<YearMonth> months) {
        return members.asMember(c, home, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select placement_id, period, sum(amount) from cost_line
                    where municipality_id = ? and placement_id = any (?) and period = any (?::date[])
                    group by placement_id, period""")) {
                query.setString(1, home);
                query.setArray(2, Rows.uuids(connection, placementIds));
                query.setArray(3, Rows.months(connection, months));
                Map<PlacementMonth, BigDecimal> shares = new HashMap<>();
                for (Map.Entry<PlacementMonth, BigDecimal> share : Rows.list(
                        query,
                        rs -> Map.entry(
                                new PlacementMonth(
                                        rs.getObject(1, UUID.class), YearMonth.from(rs.getObject(2, LocalDate.class))),
                                rs.getBigDecimal(3)))) {
                    shares.put(share.getKey(), share.getValue());
                }
                return shares;
            }
        });
    }

    /** Which of these cost years the home has closed (its claim submitted): no line goes into them. */
    public Set<Integer> closedYears(Cooperation c, String home, Collection<Integer> years) {
        return members.asMember(c, home, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select year from closed_cost_year where municipality_id = ? and closed and year = any (?)")) {
                query.setString(1, home);
                query.setArray(2, connection.createArrayOf("integer", years.toArray()));
                return new HashSet<>(Rows.list(query, rs -> rs.getInt(1)));
            }
        });
    }

    /**
     * Appends the lines to the home's ledger in one statement (the totals trigger then runs once);
     * each line's recipient is its placement's, read in the home's own rows.
     */
    public void appendAttributionLines(Cooperation c, String home, List<AttributionLine> lines, Stamp stamp) {
        if (lines.isEmpty()) {
            return;
        }
        int written = members.asMember(c, home, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into cost_line (municipality_id, recipient_id, period, category, amount, note, placement_id,
                                           created_at, created_by)
                    select p.municipality_id, p.recipient_id, t.period, 'JOINT_SERVICE', t.amount, t.note, p.id, ?, ?
                    from unnest(?::uuid[], ?::date[], ?::numeric[], ?::text[]) as t(placement_id, period, amount, note)
                    join placement p on p.municipality_id = ? and p.id = t.placement_id""")) {
                insert.setTimestamp(1, Timestamp.from(stamp.at()));
                insert.setString(2, stamp.by());
                insert.setArray(
                        3,
                        Rows.uuids(
                                connection,
                                lines.stream()
                                        .map(l -> l.placementMonth().placementId())
                                        .toList()));
                insert.setArray(
                        4,
                        Rows.months(
                                connection,
                                lines.stream()
                                        .map(l -> l.placementMonth().month())
                                        .toList()));
                insert.setArray(
                        5,
                        connection.createArrayOf(
                                "numeric",
                                lines.stream().map(AttributionLine::amount).toArray()));
                insert.setArray(
                        6,
                        connection.createArrayOf(
                                "text",
                                lines.stream().map(AttributionLine::note).toArray()));
                insert.setString(7, home);
                return insert.executeUpdate();
            }
        });
        if (written != lines.size()) {
            throw new IllegalStateException("attribution wrote " + written + " of " + lines.size() + " lines");
        }
    }

    /**
     * One query in the home's own rows: its recipients placed in these placements, their totals of
     * the cost year and their JOINT_SERVICE lines from the placements in it.
     */
    public List<PlacedRecipientRow> placedRecipients(
            Cooperation c, String home, Collection<UUID> placementIds, int costYear) {
        return members.asMember(c, home, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    with placed as (
                        select distinct recipient_id from placement where municipality_id = ? and id = any (?)),
                    attributed as (
                        select recipient_id, sum(amount) as amount from cost_line
                        where municipality_id = ? and placement_id = any (?) and period >= ? and period < ?
                        group by recipient_id)
                    select r.birth_year, r.intellectual_disability,
                           coalesce(t.direct_wage_costs, 0), coalesce(t.earmarked_grants, 0),
                           coalesce(t.host_municipality_grant, 0), coalesce(t.user_payments, 0),
                           coalesce(a.amount, 0)
                    from placed p
                    join recipient r on r.municipality_id = ? and r.id = p.recipient_id
                    left join cost_year_total t
                           on t.municipality_id = r.municipality_id and t.recipient_id = r.id and t.year = ?
                    left join attributed a on a.recipient_id = r.id
                    order by r.id""")) {
                java.sql.Array ids = Rows.uuids(connection, placementIds);
                query.setString(1, home);
                query.setArray(2, ids);
                query.setString(3, home);
                query.setArray(4, ids);
                query.setObject(5, LocalDate.of(costYear, 1, 1));
                query.setObject(6, LocalDate.of(costYear + 1, 1, 1));
                query.setString(7, home);
                query.setInt(8, costYear);
                return Rows.list(
                        query,
                        rs -> new PlacedRecipientRow(
                                rs.getInt(1),
                                rs.getBoolean(2),
                                rs.getBigDecimal(3).setScale(2),
                                rs.getBigDecimal(4).setScale(2),
                                rs.getBigDecimal(5).setScale(2),
                                rs.getBigDecimal(6).setScale(2),
                                rs.getBigDecimal(7).setScale(2)));
            }
        });
    }
}
