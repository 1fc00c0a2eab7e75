package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.PlacementDecline;
import no.samkost.cooperation.api.PlacementUsage;
import no.samkost.cooperation.api.PlacementView;
import no.samkost.cooperation.calculation.PlacementLifecycle;
import no.samkost.cooperation.calculation.PlacementPeriod;
import no.samkost.cooperation.calculation.PlacementStatus;
import no.samkost.cooperation.calculation.PlacementStep;
import no.samkost.cooperation.persistence.PlacementRow;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.tenancy.Cooperation;

/**
 * The host's steps with the placements requested in its services: it confirms a request with the
 * usage it will provide (the placement then takes a place and is attributed), declines one with a
 * reason, and changes a confirmed placement's usage. Only the host's coordinators; another member
 * gets 403 before any placement is looked up, so the answer says nothing about other homes'.
 */
@ApplicationScoped
@Transactional
public class PlacementDecisions {

    static final int MAX_REASON = 500;

    private final Cooperations cooperations;
    private final JointServices services;
    private final PlacementRows rows;
    private final PlacementSteps steps;

    public PlacementDecisions(
            Cooperations cooperations, JointServices services, PlacementRows rows, PlacementSteps steps) {
        this.cooperations = cooperations;
        this.services = services;
        this.rows = rows;
        this.steps = steps;
    }

    /** REQUESTED → CONFIRMED with the host's usage; 409 capacity-exceeded if a day of it has no free place. */
    public PlacementView confirm(String cooperationId, UUID serviceId, UUID placementId, PlacementUsage request) {
        BigDecimal usage = usage(request.usageHoursPerWeek());
        Cooperation c = hostOf(cooperationId, "confirms placements");
        ServiceRow service = services.lock(c, serviceId);
        PlacementRow before = inService(c, serviceId, placementId);
        PlacementSteps.requireVersion(before, request.version());
        steps.requireAllowed(c, PlacementStep.CONFIRM, before);
        PlacementRow after = before.next(before.startsOn(), before.endsOn(), usage, PlacementStatus.CONFIRMED, null);
        List<PlacementPeriod> confirmed = rows.slotsAsHost(c, c.host(), List.of(serviceId)).stream()
                .map(PlacementSlot::period)
                .toList();
        if (!PlacementLifecycle.fits(
                confirmed,
                new PlacementPeriod(after.id().toString(), after.startsOn(), after.endsOn(), usage),
                service.capacity())) {
            // No count: how full the service is on which day is the host's own business, and the
            // request's home reads the same message in nothing but its audit trail.
            throw new ProblemException(
                    ProblemType.CAPACITY_EXCEEDED,
                    "joint service '" + service.name() + "' has no free place on some day from "
                            + PlacementSteps.period(after.startsOn(), after.endsOn()));
        }
        steps.write(c, after);
        steps.reattribute(c, service, before, after);
        steps.audit(
                c,
                after,
                "placement.confirm",
                "placement " + after.id() + " of " + after.recipientRef() + " in joint service " + serviceId
                        + " confirmed by the host " + cooperations.codeOf(c.host()) + " at " + hours(usage)
                        + " h/week from " + PlacementSteps.period(after.startsOn(), after.endsOn()),
                "placement " + after.id() + " of " + after.recipientRef() + " ("
                        + cooperations.codeOf(after.homeId()) + ") in joint service " + serviceId + " confirmed at "
                        + hours(usage) + " h/week from " + PlacementSteps.period(after.startsOn(), after.endsOn()));
        return steps.view(after);
    }

    /** REQUESTED → DECLINED, with the reason the home reads. */
    public PlacementView decline(String cooperationId, UUID serviceId, UUID placementId, PlacementDecline request) {
        String reason = reason(request.reason());
        Cooperation c = hostOf(cooperationId, "declines placements");
        services.lock(c, serviceId);
        PlacementRow before = inService(c, serviceId, placementId);
        PlacementSteps.requireVersion(before, request.version());
        steps.requireAllowed(c, PlacementStep.DECLINE, before);
        PlacementRow after = before.next(before.startsOn(), before.endsOn(), null, PlacementStatus.DECLINED, reason);
        steps.write(c, after);
        String what = "placement " + after.id() + " of " + after.recipientRef() + " in joint service " + serviceId
                + " declined: " + reason;
        steps.audit(c, after, "placement.decline", what + " (by the host " + cooperations.codeOf(c.host()) + ")", what);
        return steps.view(after);
    }

    /** A confirmed placement's usage, from its start: re-attributes every month it covers. */
    public PlacementView changeUsage(String cooperationId, UUID serviceId, UUID placementId, PlacementUsage request) {
        BigDecimal usage = usage(request.usageHoursPerWeek());
        Cooperation c = hostOf(cooperationId, "changes a placement's usage");
        ServiceRow service = services.lock(c, serviceId);
        PlacementRow before = inService(c, serviceId, placementId);
        PlacementSteps.requireVersion(before, request.version());
        steps.requireAllowed(c, PlacementStep.CHANGE_USAGE, before);
        PlacementRow after = before.next(before.startsOn(), before.endsOn(), usage, PlacementStatus.CONFIRMED, null);
        steps.write(c, after);
        steps.reattribute(c, service, before, after);
        steps.audit(
                c,
                after,
                "placement.usage",
                "placement " + after.id() + " of " + after.recipientRef() + " in joint service " + serviceId
                        + ": usage set by the host " + cooperations.codeOf(c.host()) + " to " + hours(usage)
                        + " h/week (was " + hours(before.usageHoursPerWeek()) + ")",
                "placement " + after.id() + " of " + after.recipientRef() + " ("
                        + cooperations.codeOf(after.homeId()) + ") in joint service " + serviceId + ": usage "
                        + hours(usage) + " h/week (was " + hours(before.usageHoursPerWeek()) + ")");
        return steps.view(after);
    }

    private Cooperation hostOf(String cooperationId, String what) {
        Cooperation c = cooperations.require(cooperationId);
        cooperations.requireHost(c, what);
        return c;
    }

    private PlacementRow inService(Cooperation c, UUID serviceId, UUID placementId) {
        return rows.oneAsHost(c, c.host(), serviceId, placementId)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "no placement " + placementId + " in joint service " + serviceId));
    }

    private static BigDecimal usage(BigDecimal hours) {
        if (!PlacementLifecycle.validUsage(hours)) {
            throw ProblemException.invalidField(
                    "usageHoursPerWeek", "hours of direct care per week: more than 0, at most 168, 2 decimals");
        }
        return hours.setScale(2);
    }

    private static String reason(String reason) {
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            throw ProblemException.invalidField("reason", "1-" + MAX_REASON + " characters, not only spaces");
        }
        return reason.strip();
    }

    private static String hours(BigDecimal usage) {
        return usage.stripTrailingZeros().toPlainString();
    }
}
