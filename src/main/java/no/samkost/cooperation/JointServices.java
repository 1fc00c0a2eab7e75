package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.JointServiceUpdate;
import no.samkost.cooperation.api.JointServiceView;
import no.samkost.cooperation.api.NewJointService;
import no.samkost.cooperation.calculation.Occupancy;
import no.samkost.cooperation.persistence.JointServiceRows;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.tenancy.Cooperation;

/**
 * Joint services of a cooperation: the host's rows, created and changed by the host's
 * coordinators, read by every member (name, kind and capacity are not recipient data).
 */
@ApplicationScoped
@Transactional
public class JointServices {

    private static final String CREATE = "joint-service.create";

    private final Cooperations cooperations;
    private final JointServiceRows rows;
    private final PlacementRows placements;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final Stamps stamps;
    private final Clock clock;

    public JointServices(
            Cooperations cooperations,
            JointServiceRows rows,
            PlacementRows placements,
            IdempotentRequests idempotency,
            AuditTrail audit,
            Stamps stamps,
            Clock clock) {
        this.cooperations = cooperations;
        this.rows = rows;
        this.placements = placements;
        this.idempotency = idempotency;
        this.audit = audit;
        this.stamps = stamps;
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
        requireFreeName(c, name, null);
        ServiceRow service =
                new ServiceRow(UUID.randomUUID(), c.host(), c.id(), name, request.kind(), request.capacity(), 0);
        rows.insert(c, c.host(), service, stamps.byCaller());
        JointServiceView view = view(c, service);
        idempotencyKey.ifPresent(key -> idempotency.remember(CREATE + ":" + c.id(), key, request, view));
        audit.record(CREATE, c.id() + " " + service.id());
        return new Created(view, false);
    }

    public JointServiceView update(String cooperationId, UUID serviceId, JointServiceUpdate request) {
        Cooperation c = cooperations.require(cooperationId);
        cooperations.requireHost(c, "changes joint services");
        String name = checkName(request.name());
        checkCapacity(request.capacity());
        ServiceRow before = lock(c, serviceId);
        if (before.version() != request.version()) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "joint service " + serviceId + " is at version " + before.version() + ", not " + request.version());
        }
        requireFreeName(c, name, serviceId);
        if (request.capacity() < before.capacity()) {
            // Past occupancy is history; from today on every placement must keep its place.
            LocalDate today = LocalDate.now(clock);
            int peak = Occupancy.peak(
                    placements.slotsAsHost(c, c.host(), List.of(serviceId)).stream()
                            .map(PlacementSlot::period)
                            .toList(),
                    today,
                    null);
            if (peak > request.capacity()) {
                throw new ProblemException(
                        ProblemType.CAPACITY_EXCEEDED,
                        "joint service " + serviceId + " has " + peak + " placements at the same time from " + today
                                + " on; its capacity cannot go below that");
            }
        }
        ServiceRow after = new ServiceRow(
                serviceId, c.host(), c.id(), name, request.kind(), request.capacity(), before.version() + 1);
        rows.update(c, c.host(), after, stamps.byCaller());
        audit.record("joint-service.update", c.id() + " " + serviceId);
        return view(c, after);
    }

    public List<JointServiceView> list(String cooperationId) {
        Cooperation c = cooperations.require(cooperationId);
        return all(c).stream().map(s -> view(c, s)).toList();
    }

    public JointServiceView get(String cooperationId, UUID serviceId) {
        Cooperation c = cooperations.require(cooperationId);
        return view(c, find(c, serviceId));
    }

    /** Every joint service of the cooperation, read in the host's rows. */
    List<ServiceRow> all(Cooperation c) {
        return rows.all(c, c.host());
    }

    ServiceRow find(Cooperation c, UUID serviceId) {
        return rows.find(c, c.host(), serviceId).orElseThrow(() -> notFound(c, serviceId));
    }

    /**
     * The service, locked until the transaction ends: placements, capacity changes, costs and
     * attribution of one service happen one at a time, so a capacity check or an attribution never
     * works from a state another transaction is changing.
     */
    ServiceRow lock(Cooperation c, UUID serviceId) {
        return rows.lock(c, c.host(), serviceId).orElseThrow(() -> notFound(c, serviceId));
    }

    private JointServiceView view(Cooperation c, ServiceRow s) {
        return new JointServiceView(
                s.id(), c.id(), cooperations.codeOf(s.hostId()), s.name(), s.kind(), s.capacity(), s.version());
    }

    private static ProblemException notFound(Cooperation c, UUID serviceId) {
        return new ProblemException(
                ProblemType.NOT_FOUND, "no joint service " + serviceId + " in cooperation " + c.id());
    }

    private void requireFreeName(Cooperation c, String name, UUID except) {
        Optional<UUID> holder = rows.idByName(c, c.host(), name);
        if (holder.isPresent() && !holder.get().equals(except)) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "cooperation " + c.id() + " already has a joint service named '" + name + "'");
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
