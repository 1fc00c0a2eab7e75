package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import no.samkost.planning.calculation.MemberHistory;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * What the risk simulation reads of one member, in that member's own rows: its recipients' cost
 * years and its future-needs register. Rows without ref or id: they are read to be turned into a
 * distribution, and only the member itself ever sees one of them.
 */
@ApplicationScoped
public class RiskInputRows {

    private final MemberDatabaseAccess members;

    public RiskInputRows(MemberDatabaseAccess members) {
        this.members = members;
    }

    /**
     * The member's recipient-years from {@code firstYear} to {@code lastYear}: each one's direct wage
     * costs as its claim counts them less its JOINT_SERVICE lines of the year (the joint service's
     * staffing is what the simulation's fixed staffing stands for: counting it twice would double
     * it), held to 0 to NOK 1 billion; whether it is the recipient's first year with costs ever, and
     * whether it has costs in the year after.
     */
    public List<MemberHistory.RecipientYear> recipientYears(Cooperation c, String member, int firstYear, int lastYear) {
        return members.asMember(c, member, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    with joint as (
                        select recipient_id, extract(year from period)::integer as year, sum(amount) as amount
                        from cost_line
                        where municipality_id = ? and category = 'JOINT_SERVICE' and period >= ? and period < ?
                        group by 1, 2)
                    select t.year, r.birth_year, r.intellectual_disability,
                           greatest(0, least(1000000000, t.direct_wage_costs - coalesce(j.amount, 0))),
                           not exists (select 1 from cost_year_total e
                                       where e.municipality_id = t.municipality_id
                                         and e.recipient_id = t.recipient_id and e.year < t.year),
                           exists (select 1 from cost_year_total n
                                   where n.municipality_id = t.municipality_id
                                     and n.recipient_id = t.recipient_id and n.year = t.year + 1)
                    from cost_year_total t
                    join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                    left join joint j on j.recipient_id = t.recipient_id and j.year = t.year
                    where t.municipality_id = ? and t.year between ? and ?""")) {
                query.setString(1, member);
                query.setObject(2, LocalDate.of(firstYear, 1, 1));
                query.setObject(3, LocalDate.of(lastYear + 1, 1, 1));
                query.setString(4, member);
                query.setInt(5, firstYear);
                query.setInt(6, lastYear);
                return Rows.list(
                        query,
                        rs -> new MemberHistory.RecipientYear(
                                rs.getInt(1),
                                rs.getInt(2),
                                rs.getBoolean(3),
                                rs.getBigDecimal(4).setScale(2),
                                rs.getBoolean(5),
                                rs.getBoolean(6)));
            }
        });
    }

    /** How many recipients have costs from {@code firstYear} to {@code lastYear}: what the inputs rest on. */
    public int recipientsWithCosts(Cooperation c, String member, int firstYear, int lastYear) {
        return members.asMember(c, member, connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("select count(distinct recipient_id) from cost_year_total"
                            + " where municipality_id = ? and year between ? and ?")) {
                query.setString(1, member);
                query.setInt(2, firstYear);
                query.setInt(3, lastYear);
                return Rows.single(query, rs -> rs.getInt(1));
            }
        });
    }

    /** The expected move-out years of the member's ACTIVE register entries that have one. */
    public List<Integer> activeMoveOutYears(Cooperation c, String member) {
        return members.asMember(c, member, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select expected_move_out_year from need where municipality_id = ? and status = 'ACTIVE'"
                            + " and expected_move_out_year is not null order by expected_move_out_year")) {
                query.setString(1, member);
                return Rows.list(query, rs -> rs.getInt(1));
            }
        });
    }
}
