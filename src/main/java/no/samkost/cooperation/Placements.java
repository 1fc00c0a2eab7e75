package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
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
import no.samkost.cooperation.api.NewPlacement;
import no.samkost.cooperation.api.PlacementUpdate;
import no.samkost.cooperation.api.PlacementView;
import no.samkost.cooperation.calculation.Occupancy;
import no.samkost.cooperation.calculation.PlacementPeriod;
import no.samkost.cooperation.persistence.PlacementRow;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.tenancy.Cooperation;

/**
 * Placing the members' own recipients in joint services and changing those placements: the home
 * municipality places and changes; every change re-attributes the months it touches. Who sees
 * them is {@link PlacementList}'s.
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
    private final PlacementRows rows;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final Stamps stamps;

    public Placements(
            Cooperations cooperations,
            JointServices services,
            Attributions attributions,
            RecipientDirectory recipients,
            PlacementRows rows,
            IdempotentRequests idempotency,
            AuditTrail audit,
            Stamps stamps) {
        this.cooperations = cooperations;
        this.services = services;
        this.attributions = attributions;
        this.recipients = recipients;
        this.rows = rows;
        this.idempotency = idempotency;
        this.audit = audit;
        this.stamps = stamps;
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
        String home = cooperations.caller().id();
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
        rows.insert(c, home, placed, stamps.byCaller());
        attributions.reattribute(c, service, attributions.wageMonths(c, serviceId, placed.startsOn(), placed.endsOn()));
        PlacementView view = PlacementList.view(placed, cooperations.codeOf(home));
        idempotencyKey.ifPresent(key -> idempotency.remember(operation(c, serviceId), key, request, view));
        audit.record(CREATE, placed.recipientRef() + " in joint service " + serviceId);
        return new Created(view, false);
    }

    public PlacementView change(String cooperationId, UUID serviceId, UUID placementId, PlacementUpdate request) {
        Cooperation c = cooperations.require(cooperationId);
        checkPeriod(request.startsOn(), request.endsOn(), request.usageHoursPerWeek());
        ServiceRow service = services.lock(c, serviceId);
        String home = cooperations.caller().id();
        PlacementRow before = rows.homesOwn(c, home, serviceId, placementId)
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
        rows.update(c, home, after, stamps.byCaller());
        TreeSet<YearMonth> months = new TreeSet<>();
        months.addAll(attributions.wageMonths(c, serviceId, before.startsOn(), before.endsOn()));
        months.addAll(attributions.wageMonths(c, serviceId, after.startsOn(), after.endsOn()));
        attributions.reattribute(c, service, months);
        audit.record("placement.change", before.recipientRef() + " in joint service " + serviceId);
        return PlacementList.view(after, cooperations.codeOf(home));
    }

    /**
     * Capacity, and the same recipient twice at once in one service. Other homes' placements are
     * read without their recipients; the recipient check looks at the caller's own placements only.
     */
    private void checkRoom(Cooperation c, ServiceRow service, PlacementRow placed) {
        for (PlacementRow own : rows.homesOwn(c, placed.homeId(), service.id())) {
            if (!own.id().equals(placed.id())
                    && own.recipientId().equals(placed.recipientId())
                    && overlaps(own.startsOn(), own.endsOn(), placed.startsOn(), placed.endsOn())) {
                throw new ProblemException(
                        ProblemType.CONFLICT,
                        "recipient '" + placed.recipientRef() + "' is already placed in this joint service from "
                                + own.startsOn() + (own.endsOn() == null ? "" : " to " + own.endsOn()));
            }
        }
        List<PlacementPeriod> all = new ArrayList<>(rows.slotsAsHost(c, c.host(), List.of(service.id())).stream()
                .filter(p -> !p.id().equals(placed.id()))
                .map(PlacementSlot::period)
                .toList());
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
}
