package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import no.samkost.cooperation.JointServices.PlacementRow;
import no.samkost.cooperation.JointServices.ServiceRow;
import no.samkost.cooperation.calculation.Attribution;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * Keeps the homes' ledgers in step with a joint service's direct wages: each month's wages are
 * attributed to the placements active that month (usage x days) and appear in each home
 * municipality's ledger as JOINT_SERVICE lines of the placed recipient.
 *
 * <p>The ledger is append-only, so re-attribution after a late cost or a changed placement does
 * not rewrite lines: where a placement-month's share changed, it appends a reversal of what was
 * there and a line with the new share, each with a note that explains it, and records the run in
 * the home's audit trail. The current share of a placement-month is the sum of its lines; over all
 * placements it equals the month's wages to the øre. Runs under the service's lock (see
 * {@link JointServices#lock}), in the caller's transaction: every home's ledger changes, or none.
 */
@ApplicationScoped
public class Attributions {

    private final JointServices services;
    private final MemberDatabaseAccess members;
    private final CurrentMunicipality current;
    private final Clock clock;

    public Attributions(
            JointServices services, MemberDatabaseAccess members, CurrentMunicipality current, Clock clock) {
        this.services = services;
        this.members = members;
        this.current = current;
        this.clock = clock;
    }

    /** The months of the service's direct wages within [from, to] (to null: open-ended). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<YearMonth> wageMonths(Cooperation c, UUID serviceId, LocalDate from, LocalDate to) {
        return monthlyWages(c, serviceId, null).keySet().stream()
                .filter(m -> !m.atEndOfMonth().isBefore(from)
                        && (to == null || !m.atDay(1).isAfter(to)))
                .toList();
    }

    /**
     * Brings the given months of the service's attribution up to date in every home's ledger.
     *
     * @param why what caused it, for the notes and the audit trail
     * @return ledger lines appended
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reattribute(Cooperation c, ServiceRow service, Collection<YearMonth> months, String why) {
        if (months.isEmpty()) {
            return 0;
        }
        Map<YearMonth, BigDecimal> wages = monthlyWages(c, service.id(), months);
        List<PlacementRow> placements = services.placements(c, service.id());
        Map<UUID, PlacementRow> byId = new HashMap<>();
        placements.forEach(p -> byId.put(p.id(), p));
        // What each placement-month should carry now.
        Map<String, Attribution.Part> wanted = new HashMap<>();
        Map<YearMonth, Attribution.Month> computed = new TreeMap<>();
        for (YearMonth month : new TreeSet<>(months)) {
            Attribution.Month m = Attribution.attribute(
                    month, wages.getOrDefault(month, BigDecimal.ZERO), JointServices.periods(placements));
            computed.put(month, m);
            m.parts().forEach(part -> wanted.put(part.placementId() + "@" + month, part));
        }
        Map<String, List<PlacementRow>> byHome = placements.stream()
                .collect(Collectors.groupingBy(PlacementRow::homeId, TreeMap::new, Collectors.toList()));
        int appended = 0;
        for (Map.Entry<String, List<PlacementRow>> home : byHome.entrySet()) {
            appended += members.asMember(c, home.getKey(), connection -> {
                Map<String, BigDecimal> now = currentShares(connection, home.getKey(), home.getValue(), months);
                List<Line> lines = new ArrayList<>();
                for (PlacementRow p : home.getValue()) {
                    for (YearMonth month : computed.keySet()) {
                        String key = p.id() + "@" + month;
                        BigDecimal had = now.getOrDefault(key, BigDecimal.ZERO);
                        Attribution.Part part = wanted.get(key);
                        BigDecimal want = part == null ? BigDecimal.ZERO : part.amount();
                        if (had.compareTo(want) == 0) {
                            continue;
                        }
                        if (had.signum() != 0) {
                            lines.add(new Line(
                                    p,
                                    month,
                                    had.negate(),
                                    "reversal of the earlier share of joint service '" + service.name() + "' " + month
                                            + " (re-attributed: " + why + ")"));
                        }
                        if (want.signum() != 0) {
                            lines.add(new Line(p, month, want, explain(service, computed.get(month), part)));
                        }
                    }
                }
                append(connection, home.getKey(), lines);
                if (!lines.isEmpty()) {
                    auditInHome(connection, home.getKey(), service, months, why, lines.size());
                }
                return lines.size();
            });
        }
        return appended;
    }

    /** The service's direct wages per month (all months when {@code months} is null). */
    Map<YearMonth, BigDecimal> monthlyWages(Cooperation c, UUID serviceId, Collection<YearMonth> months) {
        return members.asMember(c, c.host(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select period, sum(amount) from joint_cost
                    where municipality_id = ? and joint_service_id = ? and category = 'DIRECT_WAGES'
                      and (?::date[] is null or period = any (?::date[]))
                    group by period order by period""")) {
                query.setString(1, c.host());
                query.setObject(2, serviceId);
                Object[] days = months == null
                        ? null
                        : months.stream().map(m -> m.atDay(1).toString()).toArray();
                query.setArray(3, days == null ? null : connection.createArrayOf("text", days));
                query.setArray(4, days == null ? null : connection.createArrayOf("text", days));
                Map<YearMonth, BigDecimal> wages = new TreeMap<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        wages.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2));
                    }
                }
                return wages;
            }
        });
    }

    static String explain(ServiceRow service, Attribution.Month month, Attribution.Part part) {
        BigDecimal totalWeight =
                month.parts().stream().map(Attribution.Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return "share of joint service '" + service.name() + "' " + month.month() + ": " + part.days() + " days x "
                + part.usageHoursPerWeek().stripTrailingZeros().toPlainString() + " h/week = "
                + part.weight().stripTrailingZeros().toPlainString() + " of "
                + totalWeight.stripTrailingZeros().toPlainString() + " of the month's direct wages "
                + month.directWages().toPlainString();
    }

    private record Line(PlacementRow placement, YearMonth month, BigDecimal amount, String note) {}

    private static Map<String, BigDecimal> currentShares(
            Connection connection, String home, List<PlacementRow> placements, Collection<YearMonth> months)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                """
                select placement_id, period, sum(amount) from cost_line
                where municipality_id = ? and placement_id = any (?) and period = any (?::date[])
                group by placement_id, period""")) {
            query.setString(1, home);
            query.setArray(
                    2,
                    connection.createArrayOf(
                            "uuid", placements.stream().map(PlacementRow::id).toArray()));
            query.setArray(
                    3,
                    connection.createArrayOf(
                            "text",
                            months.stream().map(m -> m.atDay(1).toString()).toArray()));
            Map<String, BigDecimal> shares = new HashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    shares.put(
                            rs.getObject(1, UUID.class) + "@" + YearMonth.from(rs.getObject(2, LocalDate.class)),
                            rs.getBigDecimal(3));
                }
            }
            return shares;
        }
    }

    /** One statement for all of a home's lines: the totals trigger then runs once. */
    private void append(Connection connection, String home, List<Line> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into cost_line (municipality_id, recipient_id, period, category, amount, note, placement_id,
                                       created_at, created_by)
                select ?, t.recipient_id, t.period, 'JOINT_SERVICE', t.amount, t.note, t.placement_id, ?, ?
                from unnest(?::uuid[], ?::date[], ?::numeric[], ?::text[], ?::uuid[])
                     as t(recipient_id, period, amount, note, placement_id)""")) {
            insert.setString(1, home);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setString(3, current.subject());
            insert.setArray(
                    4,
                    connection.createArrayOf(
                            "uuid",
                            lines.stream().map(l -> l.placement().recipientId()).toArray()));
            insert.setArray(
                    5,
                    connection.createArrayOf(
                            "text",
                            lines.stream()
                                    .map(l -> l.month().atDay(1).toString())
                                    .toArray()));
            insert.setArray(
                    6,
                    connection.createArrayOf(
                            "numeric", lines.stream().map(Line::amount).toArray()));
            insert.setArray(
                    7,
                    connection.createArrayOf(
                            "text", lines.stream().map(Line::note).toArray()));
            insert.setArray(
                    8,
                    connection.createArrayOf(
                            "uuid", lines.stream().map(l -> l.placement().id()).toArray()));
            insert.executeUpdate();
        }
    }

    private void auditInHome(
            Connection connection, String home, ServiceRow service, Collection<YearMonth> months, String why, int lines)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_entry (municipality_id, id, at, actor, action, resource) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, home);
            insert.setObject(2, UUID.randomUUID());
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.setString(4, current.subject());
            insert.setString(5, "joint-service.attributed");
            insert.setString(
                    6,
                    "joint service " + service.id() + " months " + new TreeSet<>(months) + ": " + lines
                            + " ledger lines (" + why + ", by "
                            + current.require().code() + ")");
            insert.executeUpdate();
        }
    }
}
