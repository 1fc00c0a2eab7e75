package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.planning.HousingSql;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * A member's claim figures per recipient and cost year, read in the member's own rows for the
 * cooperation's planning views (key figures, sensitivity): every recipient with a cost year total,
 * as the member's own key figures count them.
 */
@ApplicationScoped
public class PlanningRows {

    private final MemberDatabaseAccess members;

    public PlanningRows(MemberDatabaseAccess members) {
        this.members = members;
    }

    /**
     * The member's recipient-years, each marked placed when the pooled figures of its year count it
     * ({@code placements}: the cooperation's confirmed placements by the cost years they touch, as
     * the host's rows give them).
     */
    public List<MemberRecipientYear> recipientYears(
            Cooperation c, String member, int from, int to, List<PlacementYear> placements) {
        return members.asMember(c, member, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    with placed as (
                        select distinct pl.recipient_id, s.year
                        from placement pl
                        join unnest(?::uuid[], ?::int[]) as s(id, year) on s.id = pl.id
                        where pl.municipality_id = ?)
                    select t.year, r.user_group, %s, r.birth_year, r.intellectual_disability,
                           t.direct_wage_costs, t.earmarked_grants, t.host_municipality_grant, t.user_payments,
                           p.recipient_id is not null
                    from cost_year_total t
                    join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                    left join placed p on p.recipient_id = r.id and p.year = t.year
                    where t.municipality_id = ? and t.year between ? and ?
                    order by t.year, r.id"""
                            .formatted(HousingSql.formOn("make_date(t.year, 12, 31)")))) {
                bindPlacements(query, connection, placements);
                query.setString(3, member);
                query.setString(4, member);
                query.setInt(5, from);
                query.setInt(6, to);
                return Rows.list(
                        query,
                        rs -> new MemberRecipientYear(
                                rs.getInt(1),
                                rs.getString(2),
                                rs.getObject(3) == null ? null : rs.getObject(3).toString(),
                                rs.getInt(4),
                                rs.getBoolean(5),
                                rs.getBigDecimal(6).setScale(2),
                                rs.getBigDecimal(7).setScale(2),
                                rs.getBigDecimal(8).setScale(2),
                                rs.getBigDecimal(9).setScale(2),
                                rs.getBoolean(10)));
            }
        });
    }

    /** Parameters 1 and 2: the placements' ids and their years, for {@code unnest}. */
    private static void bindPlacements(PreparedStatement query, Connection connection, List<PlacementYear> placements)
            throws SQLException {
        query.setArray(
                1,
                Rows.uuids(
                        connection, placements.stream().map(PlacementYear::id).toList()));
        query.setArray(
                2,
                connection.createArrayOf(
                        "int4", placements.stream().map(PlacementYear::year).toArray()));
    }

    /** A confirmed placement of the cooperation and a cost year it has days in. */
    public record PlacementYear(UUID id, int year) {}

    /**
     * How many recipients the pooled figures count for the member, by cost year: every recipient
     * of its placements in the year, with costs or without.
     */
    public Map<Integer, Integer> placedRecipients(Cooperation c, String member, List<PlacementYear> placements) {
        if (placements.isEmpty()) {
            return Map.of();
        }
        return members.asMember(c, member, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select s.year, count(distinct pl.recipient_id)
                    from placement pl
                    join unnest(?::uuid[], ?::int[]) as s(id, year) on s.id = pl.id
                    where pl.municipality_id = ?
                    group by s.year""")) {
                bindPlacements(query, connection, placements);
                query.setString(3, member);
                Map<Integer, Integer> byYear = new HashMap<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        byYear.put(rs.getInt(1), rs.getInt(2));
                    }
                }
                return byYear;
            }
        });
    }
}
