package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.cooperation.api.AttributionMonthView;
import no.samkost.cooperation.api.AttributionPartView;
import no.samkost.cooperation.api.AttributionView;
import no.samkost.cooperation.calculation.Attribution;
import no.samkost.cooperation.persistence.JointCostRows;
import no.samkost.cooperation.persistence.PlacementRow;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.tenancy.ConsistentSnapshot;
import no.samkost.tenancy.Cooperation;

/**
 * The attribution of a cost year, month by month and placement by placement, for the host: what
 * each home's JOINT_SERVICE lines add up to, with the weights that make the shares, so the host can
 * show an auditor every line. Host only: the parts name every home's refs and care.
 */
@ApplicationScoped
@Transactional
public class AttributionReport {

    private final Cooperations cooperations;
    private final JointServices services;
    private final PlacementRows placements;
    private final JointCostRows costs;
    private final AuditTrail audit;
    private final ConsistentSnapshot snapshot;

    public AttributionReport(
            Cooperations cooperations,
            JointServices services,
            PlacementRows placements,
            JointCostRows costs,
            AuditTrail audit,
            ConsistentSnapshot snapshot) {
        this.snapshot = snapshot;
        this.cooperations = cooperations;
        this.services = services;
        this.placements = placements;
        this.costs = costs;
        this.audit = audit;
    }

    public AttributionView explain(String cooperationId, UUID serviceId, int costYear) {
        // Placements, their slots and the wages are read in several statements: one snapshot, so a
        // placement made in between cannot appear in one and not the other.
        snapshot.begin();
        Cooperation c = cooperations.require(cooperationId);
        cooperations.requireHost(c, "sees how a joint service's wages were attributed");
        services.find(c, serviceId);
        Map<UUID, PlacementRow> withRecipients = new HashMap<>();
        placements.withRecipientsAsHost(c, c.host(), serviceId).forEach(p -> withRecipients.put(p.id(), p));
        List<PlacementSlot> slots = placements.slotsAsHost(c, c.host(), List.of(serviceId));
        List<AttributionMonthView> months = new ArrayList<>();
        costs.monthlyDirectWages(c, c.host(), serviceId).forEach((month, wages) -> {
            if (month.getYear() != costYear) {
                return;
            }
            Attribution.Month m = Attribution.attribute(
                    month, wages, slots.stream().map(PlacementSlot::period).toList());
            List<AttributionPartView> parts = new ArrayList<>();
            BigDecimal totalWeight = BigDecimal.ZERO;
            for (Attribution.Part part : m.parts()) {
                PlacementRow p = withRecipients.get(UUID.fromString(part.placementId()));
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
}
