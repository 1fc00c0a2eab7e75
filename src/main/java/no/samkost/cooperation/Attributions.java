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
import no.samkost.audit.AuditTrail;
import no.samkost.cooperation.CooperationDtos.AttributionMonthView;
import no.samkost.cooperation.CooperationDtos.AttributionPartView;
import no.samkost.cooperation.CooperationDtos.AttributionView;
import no.samkost.cooperation.JointServices.PlacementSlot;
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

    private final Cooperations cooperations;
    private final JointServices services;
    private final AuditTrail audit;
    private final MemberDatabaseAccess members;
    private final MemberAudit memberAudit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public Attributions(
            Cooperations cooperations,
            JointServices services,
            AuditTrail audit,
            MemberDatabaseAccess members,
            MemberAudit memberAudit,
            CurrentMunicipality current,
            Clock clock) {
        this.cooperations = cooperations;
        this.services = services;
        this.audit = audit;
        this.members = members;
        this.memberAudit = memberAudit;
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
     * Brings the given months of the service's attribution up to date in every home's ledger. The
     * lines in a home other than the caller's say only what they are (their own days and usage, the
     * month's wages) and are written by the cooperation, not by the caller's staff; that home's
     * audit trail records the run.
     *
     * @return ledger lines appended
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reattribute(Cooperation c, ServiceRow service, Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return 0;
        }
        Map<YearMonth, BigDecimal> wages = monthlyWages(c, service.id(), months);
        List<PlacementSlot> placements = services.slots(c, service.id());
        // What each placement-month should carry now.
        Map<String, Attribution.Part> wanted = new HashMap<>();
        Map<YearMonth, Attribution.Month> computed = new TreeMap<>();
        for (YearMonth month : new TreeSet<>(months)) {
            Attribution.Month m = Attribution.attribute(
                    month, wages.getOrDefault(month, BigDecimal.ZERO), JointServices.periods(placements));
            computed.put(month, m);
            m.parts().forEach(part -> wanted.put(part.placementId() + "@" + month, part));
        }
        Map<String, List<PlacementSlot>> byHome = placements.stream()
                .collect(Collectors.groupingBy(PlacementSlot::homeId, TreeMap::new, Collectors.toList()));
        String caller = current.require().id();
        int appended = 0;
        for (Map.Entry<String, List<PlacementSlot>> home : byHome.entrySet()) {
            boolean callersOwn = home.getKey().equals(caller);
            int written = members.asMember(c, home.getKey(), connection -> {
                Map<String, BigDecimal> now = currentShares(connection, home.getKey(), home.getValue(), months);
                List<Line> lines = new ArrayList<>();
                for (PlacementSlot p : home.getValue()) {
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
                                            + ": re-attributed after a change in its costs or placements"));
                        }
                        if (want.signum() != 0) {
                            lines.add(new Line(p, month, want, explain(service, computed.get(month), part)));
                        }
                    }
                }
                append(connection, home.getKey(), lines, callersOwn ? current.subject() : MemberAudit.actor(c));
                return lines.size();
            });
            if (written > 0 && !callersOwn) {
                memberAudit.record(
                        c,
                        home.getKey(),
                        "joint-service.attributed",
                        "joint service " + service.id() + " months " + new TreeSet<>(months) + ": " + written
                                + " ledger lines, re-attributed after a change in its costs or placements");
            }
            appended += written;
        }
        return appended;
    }

    /**
     * The attribution of a cost year, month by month and placement by placement, for the host: what
     * each home's JOINT_SERVICE lines add up to, with the weights that make the shares, so the host
     * can show an auditor every line. Host only: the parts name every home's refs and care.
     */
    @Transactional
    public AttributionView explain(Cooperation c, UUID serviceId, int costYear) {
        cooperations.requireHost(c, "sees how a joint service's wages were attributed");
        services.get(c.id(), serviceId);
        Map<UUID, JointServices.PlacementRow> placements = new HashMap<>();
        services.placementsWithRecipients(c, serviceId, null, null).forEach(p -> placements.put(p.id(), p));
        List<PlacementSlot> slots = services.slots(c, serviceId);
        List<AttributionMonthView> months = new ArrayList<>();
        monthlyWages(c, serviceId, null).forEach((month, wages) -> {
            if (month.getYear() != costYear) {
                return;
            }
            Attribution.Month m = Attribution.attribute(month, wages, JointServices.periods(slots));
            List<AttributionPartView> parts = new ArrayList<>();
            BigDecimal totalWeight = BigDecimal.ZERO;
            for (Attribution.Part part : m.parts()) {
                JointServices.PlacementRow p = placements.get(UUID.fromString(part.placementId()));
                totalWeight = totalWeight.add(part.weight());
                parts.add(new AttributionPartView(
                        p.id(),
                        cooperations.codeOf(p.homeId()),
                        p.recipientRef(),
                        part.days(),
                        part.usageHoursPerWeek(),
                        part.weight(),
                        part.amount()));
            }
            months.add(
                    new AttributionMonthView(month.toString(), m.directWages(), totalWeight, parts, m.unattributed()));
        });
        audit.recordRead("joint-service.attribution.read", "joint service " + serviceId + " cost year " + costYear);
        return new AttributionView(serviceId, costYear, months);
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

    /**
     * The line's own computation: its days and usage, and the month's wages it is a share of. The
     * other placements' weights are not in it: they are other homes' recipients' care.
     */
    static String explain(ServiceRow service, Attribution.Month month, Attribution.Part part) {
        return "share of joint service '" + service.name() + "' " + month.month() + ": " + part.days() + " days x "
                + part.usageHoursPerWeek().stripTrailingZeros().toPlainString()
                + " h/week, in proportion to usage x days among the month's placements, of the month's direct wages "
                + month.directWages().toPlainString();
    }

    private record Line(PlacementSlot placement, YearMonth month, BigDecimal amount, String note) {}

    private static Map<String, BigDecimal> currentShares(
            Connection connection, String home, List<PlacementSlot> placements, Collection<YearMonth> months)
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
                            "uuid", placements.stream().map(PlacementSlot::id).toArray()));
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

    /**
     * One statement for all of a home's lines (the totals trigger then runs once); each line's
     * recipient is its placement's, read in the home's own rows.
     */
    private void append(Connection connection, String home, List<Line> lines, String createdBy) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into cost_line (municipality_id, recipient_id, period, category, amount, note, placement_id,
                                       created_at, created_by)
                select p.municipality_id, p.recipient_id, t.period, 'JOINT_SERVICE', t.amount, t.note, p.id, ?, ?
                from unnest(?::uuid[], ?::date[], ?::numeric[], ?::text[]) as t(placement_id, period, amount, note)
                join placement p on p.municipality_id = ? and p.id = t.placement_id""")) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, createdBy);
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "uuid", lines.stream().map(l -> l.placement().id()).toArray()));
            insert.setArray(
                    4,
                    connection.createArrayOf(
                            "text",
                            lines.stream()
                                    .map(l -> l.month().atDay(1).toString())
                                    .toArray()));
            insert.setArray(
                    5,
                    connection.createArrayOf(
                            "numeric", lines.stream().map(Line::amount).toArray()));
            insert.setArray(
                    6,
                    connection.createArrayOf(
                            "text", lines.stream().map(Line::note).toArray()));
            insert.setString(7, home);
            int written = insert.executeUpdate();
            if (written != lines.size()) {
                throw new IllegalStateException("attribution wrote " + written + " of " + lines.size() + " lines");
            }
        }
    }
}
