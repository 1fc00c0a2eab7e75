package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.CooperationDtos.NewPlacement;
import no.samkost.cooperation.CooperationDtos.PlacementUpdate;
import no.samkost.cooperation.CooperationDtos.PlacementView;
import no.samkost.cooperation.JointServices.PlacementRow;
import no.samkost.cooperation.JointServices.ServiceRow;
import no.samkost.cooperation.calculation.Occupancy;
import no.samkost.cooperation.calculation.PlacementPeriod;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * Placements of the members' own recipients in joint services. The home municipality places and
 * changes; the host sees each placement's ref, dates and usage; other members see none of them.
 * Every change re-attributes the months it touches.
 */
@ApplicationScoped
@Transactional
public class Placements {

    private static final String CREATE = "placement.create";
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Cooperations cooperations;
    private final JointServices services;
    private final Attributions attributions;
    private final RecipientDirectory recipients;
    private final MemberDatabaseAccess members;
    private final MemberAudit memberAudit;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public Placements(
            Cooperations cooperations,
            JointServices services,
            Attributions attributions,
            RecipientDirectory recipients,
            MemberDatabaseAccess members,
            MemberAudit memberAudit,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.cooperations = cooperations;
        this.services = services;
        this.attributions = attributions;
        this.recipients = recipients;
        this.members = members;
        this.memberAudit = memberAudit;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    public record Created(PlacementView placement, boolean replayed) {}

    public Created place(String cooperationId, UUID serviceId, NewPlacement request, Optional<String> idempotencyKey) {
        Cooperation c = cooperations.require(cooperationId);
        if (idempotencyKey.isPresent()) {
            Optional<PlacementView> earlier = idempotency.earlierResponse(
                    operation(c, serviceId), idempotencyKey.get(), request, PlacementView.class);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), true);
            }
        }
        checkPeriod(request.startsOn(), request.endsOn(), request.usageHoursPerWeek());
        UUID recipientId = recipients
                .idOf(request.recipientRef())
                .orElseThrow(() -> new ProblemException(
                        ProblemType.UNKNOWN_REFERENCE,
                        "no recipient '" + request.recipientRef() + "' in your municipality",
                        List.of(Problem.Violation.field("recipientRef", "no such recipient in your municipality"))));
        ServiceRow service = services.lock(c, serviceId);
        String home = current.require().id();
        PlacementRow placed = new PlacementRow(
                UUID.randomUUID(),
                home,
                serviceId,
                recipientId,
                request.recipientRef(),
                request.startsOn(),
                request.endsOn(),
                request.usageHoursPerWeek().setScale(2),
                0);
        checkRoom(c, service, placed);
        members.asMember(c, home, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into placement (municipality_id, id, host_municipality_id, cooperation_id, joint_service_id,
                                           recipient_id, recipient_ref, starts_on, ends_on, usage_hours_per_week,
                                           version, created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(clock.instant());
                insert.setString(1, home);
                insert.setObject(2, placed.id());
                insert.setString(3, c.host());
                insert.setString(4, c.id());
                insert.setObject(5, serviceId);
                insert.setObject(6, recipientId);
                insert.setString(7, placed.recipientRef());
                insert.setObject(8, placed.startsOn());
                insert.setObject(9, placed.endsOn());
                insert.setBigDecimal(10, placed.usageHoursPerWeek());
                insert.setTimestamp(11, now);
                insert.setString(12, current.subject());
                insert.setTimestamp(13, now);
                insert.setString(14, current.subject());
                insert.executeUpdate();
            }
            return null;
        });
        attributions.reattribute(c, service, attributions.wageMonths(c, serviceId, placed.startsOn(), placed.endsOn()));
        PlacementView view = view(placed);
        idempotencyKey.ifPresent(key -> idempotency.remember(operation(c, serviceId), key, request, view));
        audit.record(CREATE, placed.recipientRef() + " in joint service " + serviceId);
        return new Created(view, false);
    }

    public PlacementView change(String cooperationId, UUID serviceId, UUID placementId, PlacementUpdate request) {
        Cooperation c = cooperations.require(cooperationId);
        checkPeriod(request.startsOn(), request.endsOn(), request.usageHoursPerWeek());
        ServiceRow service = services.lock(c, serviceId);
        String home = current.require().id();
        PlacementRow before = services.placementsWithRecipients(c, serviceId, home, placementId).stream()
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no placement " + placementId + " of your municipality in joint service " + serviceId));
        if (before.version() != request.version()) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "placement " + placementId + " is at version " + before.version() + ", not " + request.version());
        }
        PlacementRow after = new PlacementRow(
                before.id(),
                home,
                serviceId,
                before.recipientId(),
                before.recipientRef(),
                request.startsOn(),
                request.endsOn(),
                request.usageHoursPerWeek().setScale(2),
                before.version() + 1);
        checkRoom(c, service, after);
        members.asMember(c, home, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    """
                    update placement set starts_on = ?, ends_on = ?, usage_hours_per_week = ?, version = version + 1,
                                         updated_at = ?, updated_by = ?
                    where municipality_id = ? and id = ?""")) {
                update.setObject(1, after.startsOn());
                update.setObject(2, after.endsOn());
                update.setBigDecimal(3, after.usageHoursPerWeek());
                update.setTimestamp(4, Timestamp.from(clock.instant()));
                update.setString(5, current.subject());
                update.setString(6, home);
                update.setObject(7, placementId);
                update.executeUpdate();
            }
            return null;
        });
        TreeSet<YearMonth> months = new TreeSet<>();
        months.addAll(attributions.wageMonths(c, serviceId, before.startsOn(), before.endsOn()));
        months.addAll(attributions.wageMonths(c, serviceId, after.startsOn(), after.endsOn()));
        attributions.reattribute(c, service, months);
        audit.record("placement.change", before.recipientRef() + " in joint service " + serviceId);
        return view(after);
    }

    /**
     * The placements the caller may see in the service: the host all of them, a home its own.
     * Row-level security draws the same line. A host's read of other homes' refs is recorded in
     * each of those homes' audit trails too, so a home can see who read its recipients' placements.
     */
    public List<PlacementView> list(String cooperationId, UUID serviceId) {
        Cooperation c = cooperations.require(cooperationId);
        services.get(cooperationId, serviceId);
        String caller = current.require().id();
        List<PlacementRow> rows = cooperations.callerHosts(c)
                ? services.placementsWithRecipients(c, serviceId, null, null)
                : services.placementsWithRecipients(c, serviceId, caller, null);
        rows.stream()
                .map(PlacementRow::homeId)
                .filter(home -> !home.equals(caller))
                .distinct()
                .forEach(home -> memberAudit.record(
                        c,
                        home,
                        "placement.read-by-host",
                        "placements in joint service " + serviceId + " read by the host "
                                + cooperations.codeOf(caller)));
        audit.recordRead("placement.list", "joint service " + serviceId);
        return rows.stream().map(this::view).toList();
    }

    /**
     * Capacity, and the same recipient twice at once in one service. Other homes' placements are
     * read without their recipients; the recipient check looks at the caller's own placements only.
     */
    private void checkRoom(Cooperation c, ServiceRow service, PlacementRow placed) {
        for (PlacementRow own : services.placementsWithRecipients(c, service.id(), placed.homeId(), null)) {
            if (!own.id().equals(placed.id())
                    && own.recipientId().equals(placed.recipientId())
                    && overlaps(own.startsOn(), own.endsOn(), placed.startsOn(), placed.endsOn())) {
                throw new ProblemException(
                        ProblemType.CONFLICT,
                        "recipient '" + placed.recipientRef() + "' is already placed in this joint service from "
                                + own.startsOn() + (own.endsOn() == null ? "" : " to " + own.endsOn()));
            }
        }
        List<PlacementPeriod> all = new ArrayList<>(JointServices.periods(services.slots(c, service.id()).stream()
                .filter(p -> !p.id().equals(placed.id()))
                .toList()));
        all.add(new PlacementPeriod(
                placed.id().toString(), placed.startsOn(), placed.endsOn(), placed.usageHoursPerWeek()));
        if (Occupancy.peak(all, placed.startsOn(), placed.endsOn()) > service.capacity()) {
            // No count: how full the service is on which day is the host's to know.
            throw new ProblemException(
                    ProblemType.CAPACITY_EXCEEDED,
                    "joint service '" + service.name() + "' has no free place on some day from " + placed.startsOn()
                            + (placed.endsOn() == null ? " on" : " to " + placed.endsOn()));
        }
    }

    private static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        return (aTo == null || !aTo.isBefore(bFrom)) && (bTo == null || !bTo.isBefore(aFrom));
    }

    private static void checkPeriod(LocalDate startsOn, LocalDate endsOn, BigDecimal usage) {
        List<Problem.Violation> errors = new ArrayList<>();
        if (startsOn.isBefore(EARLIEST) || startsOn.isAfter(LATEST)) {
            errors.add(Problem.Violation.field("startsOn", "between " + EARLIEST + " and " + LATEST));
        }
        if (endsOn != null && (endsOn.isBefore(startsOn) || endsOn.isAfter(LATEST))) {
            errors.add(Problem.Violation.field("endsOn", "on or after startsOn, at the latest " + LATEST));
        }
        if (usage.signum() <= 0
                || usage.compareTo(BigDecimal.valueOf(168)) > 0
                || usage.stripTrailingZeros().scale() > 2) {
            errors.add(Problem.Violation.field(
                    "usageHoursPerWeek", "hours of direct care per week: more than 0, at most 168, 2 decimals"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    errors.stream()
                            .map(e -> e.field() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .get(),
                    errors);
        }
    }

    /** A key is the caller's for one path: the same key on another service is another request. */
    private static String operation(Cooperation c, UUID serviceId) {
        return CREATE + ":" + c.id() + ":" + serviceId;
    }

    PlacementView view(PlacementRow p) {
        return new PlacementView(
                p.id(),
                p.serviceId(),
                cooperations.codeOf(p.homeId()),
                p.recipientRef(),
                p.startsOn(),
                p.endsOn(),
                p.usageHoursPerWeek(),
                p.version());
    }
}
