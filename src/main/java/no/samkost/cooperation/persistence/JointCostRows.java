package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import no.samkost.cooperation.api.JointCostCategory;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/** {@code joint_cost}: the host's rows, append-only. Every method takes the host it reads in. */
@ApplicationScoped
public class JointCostRows {

    private final MemberDatabaseAccess members;

    public JointCostRows(MemberDatabaseAccess members) {
        this.members = members;
    }

    /** @return the new line's id */
    public long insert(
            Cooperation c,
            String host,
            UUID serviceId,
            YearMonth period,
            JointCostCategory category,
            BigDecimal amount,
            String note,
            Stamp stamp) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into joint_cost (municipality_id, joint_service_id, period, category, amount, note,
                                            created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                insert.setString(1, host);
                insert.setObject(2, serviceId);
                insert.setObject(3, period.atDay(1));
                insert.setString(4, category.name());
                insert.setBigDecimal(5, amount);
                insert.setString(6, note);
                insert.setTimestamp(7, Timestamp.from(stamp.at()));
                insert.setString(8, stamp.by());
                return Rows.single(insert, rs -> rs.getLong(1));
            }
        });
    }

    /** The service's total of one category in one month. */
    public BigDecimal monthTotal(
            Cooperation c, String host, UUID serviceId, YearMonth period, JointCostCategory category) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select coalesce(sum(amount), 0) from joint_cost
                    where municipality_id = ? and joint_service_id = ? and period = ? and category = ?""")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                query.setObject(3, period.atDay(1));
                query.setString(4, category.name());
                return Rows.single(query, rs -> rs.getBigDecimal(1));
            }
        });
    }

    /** All the service's lines, in period order. */
    public List<JointCostRow> lines(Cooperation c, String host, UUID serviceId) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select id, period, category, amount, note, created_at, created_by from joint_cost
                    where municipality_id = ? and joint_service_id = ?
                    order by period, id""")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                return Rows.list(query, JointCostRows::row);
            }
        });
    }

    /** The service's lines of one year, in period order. */
    public List<JointCostRow> linesOfYear(Cooperation c, String host, UUID serviceId, int year) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select id, period, category, amount, note, created_at, created_by from joint_cost
                    where municipality_id = ? and joint_service_id = ? and period >= ? and period < ?
                    order by period, id""")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                query.setObject(3, LocalDate.of(year, 1, 1));
                query.setObject(4, LocalDate.of(year + 1, 1, 1));
                return Rows.list(query, JointCostRows::row);
            }
        });
    }

    /** The service's direct wages per month, every month it has any. */
    public SortedMap<YearMonth, BigDecimal> monthlyDirectWages(Cooperation c, String host, UUID serviceId) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select period, sum(amount) from joint_cost
                    where municipality_id = ? and joint_service_id = ? and category = 'DIRECT_WAGES'
                    group by period order by period""")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                return byMonth(query);
            }
        });
    }

    /** The service's direct wages in the given months (those with any). */
    public SortedMap<YearMonth, BigDecimal> monthlyDirectWagesIn(
            Cooperation c, String host, UUID serviceId, Collection<YearMonth> months) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select period, sum(amount) from joint_cost
                    where municipality_id = ? and joint_service_id = ? and category = 'DIRECT_WAGES'
                      and period = any (?::date[])
                    group by period order by period""")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                query.setArray(3, Rows.months(connection, months));
                return byMonth(query);
            }
        });
    }

    /** The year's shared costs of the cooperation's services per kind (cost pool); pools at zero left out. */
    public Map<JointServiceKind, BigDecimal> sharedCostsByKind(Cooperation c, String host, int year) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select s.kind, sum(j.amount) from joint_cost j
                    join joint_service s on s.municipality_id = j.municipality_id and s.id = j.joint_service_id
                    where j.municipality_id = ? and s.cooperation_id = ? and j.category = 'SHARED'
                      and j.period >= ? and j.period < ?
                    group by s.kind order by s.kind""")) {
                query.setString(1, host);
                query.setString(2, c.id());
                query.setObject(3, LocalDate.of(year, 1, 1));
                query.setObject(4, LocalDate.of(year + 1, 1, 1));
                Map<JointServiceKind, BigDecimal> shared = new EnumMap<>(JointServiceKind.class);
                for (Map.Entry<JointServiceKind, BigDecimal> pool : Rows.list(
                        query, rs -> Map.entry(JointServiceKind.valueOf(rs.getString(1)), rs.getBigDecimal(2)))) {
                    if (pool.getValue().signum() != 0) {
                        shared.put(pool.getKey(), pool.getValue());
                    }
                }
                return shared;
            }
        });
    }

    /** One service's costs of the year by category ({@code DIRECT_WAGES}, {@code SHARED}); a category without lines is 0. */
    public Map<String, BigDecimal> serviceYear(Cooperation c, String host, UUID serviceId, int year) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select category, sum(amount) from joint_cost
                    where municipality_id = ? and joint_service_id = ? and period >= ? and period < ?
                    group by category""")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                query.setObject(3, LocalDate.of(year, 1, 1));
                query.setObject(4, LocalDate.of(year + 1, 1, 1));
                Map<String, BigDecimal> byCategory = new java.util.HashMap<>();
                byCategory.put("DIRECT_WAGES", new BigDecimal("0.00"));
                byCategory.put("SHARED", new BigDecimal("0.00"));
                for (Map.Entry<String, BigDecimal> line : Rows.list(
                        query,
                        rs -> Map.entry(rs.getString(1), rs.getBigDecimal(2).setScale(2)))) {
                    byCategory.put(line.getKey(), line.getValue());
                }
                return byCategory;
            }
        });
    }

    /** The year's direct wages of all the cooperation's services. */
    public BigDecimal directWagesOfYear(Cooperation c, String host, int year) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select coalesce(sum(j.amount), 0) from joint_cost j
                    join joint_service s on s.municipality_id = j.municipality_id and s.id = j.joint_service_id
                    where j.municipality_id = ? and s.cooperation_id = ? and j.category = 'DIRECT_WAGES'
                      and j.period >= ? and j.period < ?""")) {
                query.setString(1, host);
                query.setString(2, c.id());
                query.setObject(3, LocalDate.of(year, 1, 1));
                query.setObject(4, LocalDate.of(year + 1, 1, 1));
                return Rows.single(query, rs -> rs.getBigDecimal(1).setScale(2));
            }
        });
    }

    private static SortedMap<YearMonth, BigDecimal> byMonth(PreparedStatement query) throws SQLException {
        SortedMap<YearMonth, BigDecimal> wages = new TreeMap<>();
        for (Map.Entry<YearMonth, BigDecimal> month : Rows.list(
                query, rs -> Map.entry(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2)))) {
            wages.put(month.getKey(), month.getValue());
        }
        return wages;
    }

    private static JointCostRow row(ResultSet rs) throws SQLException {
        return new JointCostRow(
                rs.getLong(1),
                YearMonth.from(rs.getObject(2, LocalDate.class)),
                JointCostCategory.valueOf(rs.getString(3)),
                rs.getBigDecimal(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7));
    }
}
