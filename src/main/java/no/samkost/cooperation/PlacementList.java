package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.PlacementView;
import no.samkost.cooperation.persistence.PlacementRow;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.tenancy.Cooperation;

/**
 * The placements the caller may see in a joint service: the host all of them, whatever their status
 * (each placement's ref, dates, status and usage: the requests it has to confirm among them), a home
 * its own, other members none. Row-level security draws the same
 * line.
 */
@ApplicationScoped
@Transactional
public class PlacementList {

    private final Cooperations cooperations;
    private final JointServices services;
    private final PlacementRows rows;
    private final MemberAudit memberAudit;
    private final AuditTrail audit;

    public PlacementList(
            Cooperations cooperations,
            JointServices services,
            PlacementRows rows,
            MemberAudit memberAudit,
            AuditTrail audit) {
        this.cooperations = cooperations;
        this.services = services;
        this.rows = rows;
        this.memberAudit = memberAudit;
        this.audit = audit;
    }

    /**
     * A host's read of other homes' refs is recorded in each of those homes' audit trails too, so a
     * home can see who read its recipients' placements.
     */
    public List<PlacementView> list(String cooperationId, UUID serviceId) {
        Cooperation c = cooperations.require(cooperationId);
        services.find(c, serviceId);
        String caller = cooperations.caller().id();
        List<PlacementRow> placements = cooperations.callerHosts(c)
                ? rows.withRecipientsAsHost(c, c.host(), serviceId)
                : rows.homesOwn(c, caller, serviceId);
        placements.stream()
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
        return placements.stream()
                .map(p -> view(p, cooperations.codeOf(p.homeId())))
                .toList();
    }

    /** One placement, if the caller may see it (the host, or its home); any other is as unknown as none. */
    public PlacementView one(String cooperationId, UUID serviceId, UUID placementId) {
        Cooperation c = cooperations.require(cooperationId);
        services.find(c, serviceId);
        String caller = cooperations.caller().id();
        PlacementRow p = (cooperations.callerHosts(c)
                        ? rows.oneAsHost(c, c.host(), serviceId, placementId)
                        : rows.homesOwn(c, caller, serviceId, placementId))
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no placement " + placementId + " you may see in joint service " + serviceId));
        if (!p.homeId().equals(caller)) {
            memberAudit.record(
                    c,
                    p.homeId(),
                    "placement.read-by-host",
                    "placement " + p.id() + " in joint service " + serviceId + " read by the host "
                            + cooperations.codeOf(caller));
        }
        audit.recordRead("placement.read", "placement " + placementId + " in joint service " + serviceId);
        return view(p, cooperations.codeOf(p.homeId()));
    }

    static PlacementView view(PlacementRow p, String homeCode) {
        return new PlacementView(
                p.id(),
                p.serviceId(),
                homeCode,
                p.recipientRef(),
                p.startsOn(),
                p.endsOn(),
                p.status(),
                p.usageHoursPerWeek(),
                p.declineReason(),
                p.version());
    }
}
