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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.CooperationDtos.JointServiceUpdate;
import no.samkost.cooperation.CooperationDtos.JointServiceView;
import no.samkost.cooperation.CooperationDtos.NewJointService;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.Occupancy;
import no.samkost.cooperation.calculation.PlacementPeriod;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * Joint services of a cooperation: the host's rows, created and changed by the host's
 * coordinators, read by every member (name, kind and capacity are not recipient data).
 */
@ApplicationScoped
@Transactional
public class JointServices {

    private static final String CREATE = "joint-service.create";

    /** A joint service as stored; the host's tenant id, not its code. */
    record ServiceRow(
            UUID id,
            String hostId,
            String cooperationId,
            String name,
            JointServiceKind kind,
            int capacity,
            long version) {}

    /**
     * A placement with its recipient: what the home has, and what the host of the service may read.
     * Read only for those two (the placement lists).
     */
    record PlacementRow(
            UUID id,
            String homeId,
            UUID serviceId,
            UUID recipientId,
            String recipientRef,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal usageHoursPerWeek,
            long version) {}

    /**
     * A placement without its recipient: what capacity, attribution and the pooled measures need,
     * so those paths never hold another home's refs, whoever the caller is.
     */
    record PlacementSlot(
            UUID id,
            String homeId,
            UUID serviceId,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal usageHoursPerWeek) {}

    private final Cooperations cooperations;
    private final MemberDatabaseAccess members;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public JointServices(
            Cooperations cooperations,
            MemberDatabaseAccess members,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.cooperations = cooperations;
        this.members = members;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    public record Created(JointServiceView service, boolean replayed) {}

    public Created create(String cooperationId, NewJointService request, Optional<String> idempotencyKey) {
        Cooperation c = cooperations.require(cooperationId);
        cooperations.requireHost(c, "runs joint services");
        if (idempotencyKey.isPresent()) {
            Optional<JointServiceView> earlier = idempotency.earlierResponse(
                    CREATE + ":" + c.id(), idempotencyKey.get(), request, JointServiceView.class);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), true);
            }
        }
        String name = checkName(request.name());
        checkCapacity(request.capacity());
        UUID id = UUID.randomUUID();
        members.asMember(c, c.host(), connection -> {
            requireFreeName(connection, c, name, null);
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into joint_service (municipality_id, id, cooperation_id, name, kind, capacity, version,
                                               created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(clock.instant());
                insert.setString(1, c.host());
                insert.setObject(2, id);
                insert.setString(3, c.id());
                insert.setString(4, name);
                insert.setString(5, request.kind().name());
                insert.setInt(6, request.capacity());
                insert.setTimestamp(7, now);
                insert.setString(8, current.subject());
                insert.setTimestamp(9, now);
                insert.setString(10, current.subject());
                insert.executeUpdate();
            }
            return null;
        });
        JointServiceView view = new JointServiceView(
                id, c.id(), cooperations.codeOf(c.host()), name, request.kind(), request.capacity(), 0);
        idempotencyKey.ifPresent(key -> idempotency.remember(CREATE + ":" + c.id(), key, request, view));
        audit.record(CREATE, c.id() + " " + id);
        return new Created(view, false);
    }

    public JointServiceView update(String cooperationId, UUID serviceId, JointServiceUpdate request) {
        Cooperation c = cooperations.require(cooperationId);
        cooperations.requireHost(c, "changes joint services");
        String name = checkName(request.name());
        checkCapacity(request.capacity());
        ServiceRow service = lock(c, serviceId);
        if (service.version() != request.version()) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "joint service " + serviceId + " is at version " + service.version() + ", not "
                            + request.version());
        }
        members.asMember(c, c.host(), connection -> {
            requireFreeName(connection, c, name, serviceId);
            if (request.capacity() < service.capacity()) {
                // Past occupancy is history; from today on every placement must keep its place.
                LocalDate today = LocalDate.now(clock);
                int peak = Occupancy.peak(periods(slots(c, serviceId)), today, null);
                if (peak > request.capacity()) {
                    throw new ProblemException(
                            ProblemType.CAPACITY_EXCEEDED,
                            "joint service " + serviceId + " has " + peak + " placements at the same time from " + today
                                    + " on; its capacity cannot go below that");
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    """
                    update joint_service set name = ?, kind = ?, capacity = ?, version = version + 1,
                                             updated_at = ?, updated_by = ?
                    where municipality_id = ? and id = ?""")) {
                update.setString(1, name);
                update.setString(2, request.kind().name());
                update.setInt(3, request.capacity());
                update.setTimestamp(4, Timestamp.from(clock.instant()));
                update.setString(5, current.subject());
                update.setString(6, c.host());
                update.setObject(7, serviceId);
                update.executeUpdate();
            }
            return null;
        });
        audit.record("joint-service.update", c.id() + " " + serviceId);
        return new JointServiceView(
                serviceId,
                c.id(),
                cooperations.codeOf(c.host()),
                name,
                request.kind(),
                request.capacity(),
                service.version() + 1);
    }

    public List<JointServiceView> list(String cooperationId) {
        Cooperation c = cooperations.require(cooperationId);
        return services(c).stream().map(s -> view(c, s)).toList();
    }

    public JointServiceView get(String cooperationId, UUID serviceId) {
        Cooperation c = cooperations.require(cooperationId);
        return view(c, find(c, serviceId, false));
    }

    JointServiceView view(Cooperation c, ServiceRow s) {
        return new JointServiceView(
                s.id(), c.id(), cooperations.codeOf(s.hostId()), s.name(), s.kind(), s.capacity(), s.version());
    }

    /** Every joint service of the cooperation, read in the host's rows. */
    List<ServiceRow> services(Cooperation c) {
        return members.asMember(c, c.host(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT_SERVICE + " where municipality_id = ? and cooperation_id = ? order by name")) {
                query.setString(1, c.host());
                query.setString(2, c.id());
                return serviceRows(query);
            }
        });
    }

    /**
     * The service, locked until the transaction ends: placements, capacity changes, costs and
     * attribution of one service happen one at a time, so a capacity check or an attribution never
     * works from a state another transaction is changing.
     */
    ServiceRow lock(Cooperation c, UUID serviceId) {
        return find(c, serviceId, true);
    }

    private ServiceRow find(Cooperation c, UUID serviceId, boolean forUpdate) {
        List<ServiceRow> rows = members.asMember(c, c.host(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT_SERVICE
                    + " where municipality_id = ? and cooperation_id = ? and id = ?"
                    + (forUpdate ? " for no key update" : ""))) {
                query.setString(1, c.host());
                query.setString(2, c.id());
                query.setObject(3, serviceId);
                return serviceRows(query);
            }
        });
        if (rows.isEmpty()) {
            throw new ProblemException(
                    ProblemType.NOT_FOUND, "no joint service " + serviceId + " in cooperation " + c.id());
        }
        return rows.get(0);
    }

    /** Every placement in the service, without recipients, read in the host's rows. */
    List<PlacementSlot> slots(Cooperation c, UUID serviceId) {
        return members.asMember(c, c.host(), connection -> slotsAsHost(connection, c.host(), List.of(serviceId)));
    }

    static List<PlacementSlot> slotsAsHost(Connection connection, String hostId, List<UUID> serviceIds)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                """
                select id, municipality_id, joint_service_id, starts_on, ends_on, usage_hours_per_week
                from placement
                where host_municipality_id = ? and joint_service_id = any (?)
                order by municipality_id, starts_on, id""")) {
            query.setString(1, hostId);
            query.setArray(2, connection.createArrayOf("uuid", serviceIds.toArray()));
            List<PlacementSlot> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PlacementSlot(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class),
                            rs.getBigDecimal(6)));
                }
            }
            return rows;
        }
    }

    /**
     * Placements with their recipients: the host's view of its service (all homes), or a home's
     * own placements in it ({@code home} set, read in the home's own rows).
     */
    List<PlacementRow> placementsWithRecipients(Cooperation c, UUID serviceId, String home, UUID placementId) {
        String reader = home == null ? c.host() : home;
        return members.asMember(c, reader, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select id, municipality_id, joint_service_id, recipient_id, recipient_ref, starts_on, ends_on,
                           usage_hours_per_week, version
                    from placement
                    where joint_service_id = ?
                      and (?::text is null or municipality_id = ?) and (?::text is not null or host_municipality_id = ?)
                      and (?::uuid is null or id = ?)
                    order by municipality_id, starts_on, id""")) {
                query.setObject(1, serviceId);
                query.setString(2, home);
                query.setString(3, home);
                query.setString(4, home);
                query.setString(5, c.host());
                query.setObject(6, placementId);
                query.setObject(7, placementId);
                List<PlacementRow> rows = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new PlacementRow(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getObject(3, UUID.class),
                                rs.getObject(4, UUID.class),
                                rs.getString(5),
                                rs.getObject(6, LocalDate.class),
                                rs.getObject(7, LocalDate.class),
                                rs.getBigDecimal(8),
                                rs.getLong(9)));
                    }
                }
                return rows;
            }
        });
    }

    static List<PlacementPeriod> periods(List<PlacementSlot> slots) {
        return slots.stream()
                .map(p -> new PlacementPeriod(p.id().toString(), p.startsOn(), p.endsOn(), p.usageHoursPerWeek()))
                .toList();
    }

    private static final String SELECT_SERVICE =
            "select id, municipality_id, cooperation_id, name, kind, capacity, version from joint_service";

    private static List<ServiceRow> serviceRows(PreparedStatement query) throws SQLException {
        List<ServiceRow> rows = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rows.add(new ServiceRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        JointServiceKind.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getLong(7)));
            }
        }
        return rows;
    }

    private static void requireFreeName(Connection connection, Cooperation c, String name, UUID except)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select id from joint_service where municipality_id = ? and cooperation_id = ? and name = ?")) {
            query.setString(1, c.host());
            query.setString(2, c.id());
            query.setString(3, name);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next() && !rs.getObject(1, UUID.class).equals(except)) {
                    throw new ProblemException(
                            ProblemType.CONFLICT,
                            "cooperation " + c.id() + " already has a joint service named '" + name + "'");
                }
            }
        }
    }

    private static String checkName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw invalid("name", "1-200 characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw invalid("name", "must not contain control characters");
        }
        return trimmed;
    }

    private static void checkCapacity(int capacity) {
        if (capacity < 1 || capacity > 500) {
            throw invalid("capacity", "between 1 and 500 places");
        }
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION, field + ": " + message, List.of(Problem.Violation.field(field, message)));
    }
}
