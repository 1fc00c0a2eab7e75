package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.NewPlacement;
import no.samkost.cooperation.api.PlacementUpdate;
import no.samkost.cooperation.api.PlacementView;
import no.samkost.cooperation.api.PlacementWithdrawal;
import no.samkost.cooperation.calculation.PlacementLifecycle;
import no.samkost.cooperation.calculation.PlacementStatus;
import no.samkost.cooperation.calculation.PlacementStep;
import no.samkost.cooperation.persistence.PlacementRow;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.tenancy.Cooperation;

/**
 * The home municipality's steps with its own recipients' placements: it requests a place (wished
 * dates; no usage, no place taken, nothing attributed), changes or withdraws the request, and ends
 * a confirmed placement from a day not in the past. The host's steps are {@link
 * PlacementDecisions}'; who sees placements is {@link PlacementList}'s.
 */
@ApplicationScoped
@Transactional
public class Placements {

    private static final String CREATE = "placement.create";
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Cooperations cooperations;
    private final JointServices services;
    private final RecipientDirectory recipients;
    private final PlacementRows rows;
    private final PlacementSteps steps;
    private final IdempotentRequests idempotency;
    private final Stamps stamps;
    private final Clock clock;

    public Placements(
            Cooperations cooperations,
            JointServices services,
            RecipientDirectory recipients,
            PlacementRows rows,
            PlacementSteps steps,
            IdempotentRequests idempotency,
            Stamps stamps,
            Clock clock) {
        this.cooperations = cooperations;
        this.services = services;
        this.recipients = recipients;
        this.rows = rows;
        this.steps = steps;
        this.idempotency = idempotency;
        this.stamps = stamps;
        this.clock = clock;
    }

    public record Created(PlacementView placement, boolean replayed) {}

    /** A request for a place: REQUESTED, without usage; it takes no place and attributes nothing. */
    public Created request(
            String cooperationId, UUID serviceId, NewPlacement request, Optional<String> idempotencyKey) {
        Cooperation c = cooperations.require(cooperationId);
        if (idempotencyKey.isPresent()) {
            Optional<PlacementView> earlier = idempotency.earlierResponse(
                    operation(c, serviceId), idempotencyKey.get(), request, PlacementView.class);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), true);
            }
        }
        checkWishedDates(c, request.startsOn(), request.endsOn());
        UUID recipientId = recipients
                .idOf(request.recipientRef())
                .orElseThrow(() -> new ProblemException(
                        ProblemType.UNKNOWN_REFERENCE,
                        "no recipient '" + request.recipientRef() + "' in your municipality",
                        List.of(Problem.Violation.field("recipientRef", "no such recipient in your municipality"))));
        ServiceRow service = services.lock(c, serviceId);
        String home = cooperations.caller().id();
        PlacementRow requested = new PlacementRow(
                UUID.randomUUID(),
                home,
                serviceId,
                recipientId,
                request.recipientRef(),
                request.startsOn(),
                request.endsOn(),
                null,
                PlacementStatus.REQUESTED,
                null,
                0);
        checkRecipientFree(c, requested);
        rows.insert(c, home, requested, stamps.byCaller());
        PlacementView view = steps.view(requested);
        idempotencyKey.ifPresent(key -> idempotency.remember(operation(c, serviceId), key, request, view));
        String what = "placement " + requested.id() + " of " + requested.recipientRef() + " in joint service "
                + service.id() + ", wished " + PlacementSteps.period(requested.startsOn(), requested.endsOn());
        steps.audit(c, requested, "placement.request", what, what + ", requested by " + cooperations.codeOf(home));
        return new Created(view, false);
    }

    /**
     * The home's PUT: while REQUESTED it changes the wished dates; once CONFIRMED it sets or brings
     * forward the end (the start stays), from a day not in the past, and re-attributes.
     */
    public PlacementView change(String cooperationId, UUID serviceId, UUID placementId, PlacementUpdate request) {
        Cooperation c = cooperations.require(cooperationId);
        ServiceRow service = services.lock(c, serviceId);
        PlacementRow before = homesOwn(c, serviceId, placementId);
        PlacementSteps.requireVersion(before, request.version());
        if (before.status() == PlacementStatus.CONFIRMED) {
            return end(c, service, before, request);
        }
        steps.requireAllowed(c, PlacementStep.CHANGE_REQUEST, before);
        checkWishedDates(c, request.startsOn(), request.endsOn());
        PlacementRow after = before.next(request.startsOn(), request.endsOn(), null, PlacementStatus.REQUESTED, null);
        checkRecipientFree(c, after);
        steps.write(c, after);
        String what = "placement " + after.id() + " of " + after.recipientRef() + " in joint service " + serviceId
                + ", now wished " + PlacementSteps.period(after.startsOn(), after.endsOn());
        steps.audit(c, after, "placement.request-change", what, what);
        return steps.view(after);
    }

    private PlacementView end(Cooperation c, ServiceRow service, PlacementRow before, PlacementUpdate request) {
        steps.requireAllowed(c, PlacementStep.END, before);
        if (!request.startsOn().equals(before.startsOn())) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "placement " + before.id() + " is CONFIRMED from " + before.startsOn()
                            + ": its start stays; only its end can be set or brought forward",
                    List.of(Problem.Violation.field("startsOn", "a confirmed placement keeps its start")));
        }
        LocalDate today = LocalDate.now(clock);
        if (!PlacementLifecycle.validEnd(before.startsOn(), before.endsOn(), request.endsOn(), today)) {
            throw ProblemException.invalidField(
                    "endsOn",
                    "the end of a confirmed placement: a day from " + max(today, before.startsOn())
                            + (before.endsOn() == null ? "" : " to its current end " + before.endsOn())
                            + " (a later end is a new request)");
        }
        PlacementRow after = before.next(
                before.startsOn(), request.endsOn(), before.usageHoursPerWeek(), PlacementStatus.CONFIRMED, null);
        steps.write(c, after);
        steps.reattribute(c, service, before, after);
        String what = "placement " + after.id() + " of " + after.recipientRef() + " in joint service " + service.id()
                + " ends " + after.endsOn();
        steps.audit(c, after, "placement.end", what, what);
        return steps.view(after);
    }

    /** The home takes its request back; nothing follows a withdrawal. */
    public PlacementView withdraw(String cooperationId, UUID serviceId, UUID placementId, PlacementWithdrawal request) {
        Cooperation c = cooperations.require(cooperationId);
        services.lock(c, serviceId);
        PlacementRow before = homesOwn(c, serviceId, placementId);
        PlacementSteps.requireVersion(before, request.version());
        steps.requireAllowed(c, PlacementStep.WITHDRAW, before);
        PlacementRow after = before.next(before.startsOn(), before.endsOn(), null, PlacementStatus.WITHDRAWN, null);
        steps.write(c, after);
        String what = "placement " + after.id() + " of " + after.recipientRef() + " in joint service " + serviceId
                + " withdrawn";
        steps.audit(c, after, "placement.withdraw", what, what);
        return steps.view(after);
    }

    /** One of the caller's own placements; another home's is as unknown as none (404 either way). */
    private PlacementRow homesOwn(Cooperation c, UUID serviceId, UUID placementId) {
        return rows.homesOwn(c, cooperations.caller().id(), serviceId, placementId)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no placement " + placementId + " of your municipality in joint service " + serviceId));
    }

    /** The same recipient cannot be requested or placed twice at once in one service (its own rows only). */
    private void checkRecipientFree(Cooperation c, PlacementRow placed) {
        for (PlacementRow own : rows.homesOwn(c, placed.homeId(), placed.serviceId())) {
            if (!own.id().equals(placed.id())
                    && PlacementSteps.holdsItsRecipient(own.status())
                    && own.recipientId().equals(placed.recipientId())
                    && overlaps(own.startsOn(), own.endsOn(), placed.startsOn(), placed.endsOn())) {
                throw new ProblemException(
                        ProblemType.CONFLICT,
                        "recipient '" + placed.recipientRef() + "' is already " + own.status() + " in this joint"
                                + " service from " + PlacementSteps.period(own.startsOn(), own.endsOn()));
            }
        }
    }

    private static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        return (aTo == null || !aTo.isBefore(bFrom)) && (bTo == null || !bTo.isBefore(aFrom));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Not before the cooperation's start (its agreement), not past 2100; the end not before the start. */
    private void checkWishedDates(Cooperation c, LocalDate startsOn, LocalDate endsOn) {
        LocalDate earliest = cooperations.agreement(c).startsOn();
        List<Problem.Violation> errors = new ArrayList<>();
        if (startsOn.isBefore(earliest) || startsOn.isAfter(LATEST)) {
            errors.add(Problem.Violation.field(
                    "startsOn", "between the cooperation's start " + earliest + " and " + LATEST));
        }
        if (endsOn != null && (endsOn.isBefore(startsOn) || endsOn.isAfter(LATEST))) {
            errors.add(Problem.Violation.field("endsOn", "on or after startsOn, at the latest " + LATEST));
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
