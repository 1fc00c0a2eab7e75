package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;
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

    public List<MemberRecipientYear> recipientYears(Cooperation c, String member, int from, int to) {
        return members.asMember(c, member, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select t.year, r.user_group, %s, r.birth_year, r.intellectual_disability,
                           t.direct_wage_costs, t.earmarked_grants, t.host_municipality_grant, t.user_payments
                    from cost_year_total t
                    join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                    where t.municipality_id = ? and t.year between ? and ?
                    order by t.year, r.id"""
                            .formatted(HousingSql.formOn("make_date(t.year, 12, 31)")))) {
                query.setString(1, member);
                query.setInt(2, from);
                query.setInt(3, to);
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
                                rs.getBigDecimal(9).setScale(2)));
            }
        });
    }
}
