package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.PlaceCostView;
import no.samkost.cooperation.calculation.PlaceCost;
import no.samkost.cooperation.persistence.JointCostRows;
import no.samkost.cooperation.persistence.JointServiceRows;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.tenancy.Cooperation;

/**
 * A place's cost in a joint service for a cost year ({@link PlaceCost}), read in the host's rows:
 * the service, its confirmed placements' care and its costs of the year. What leaves is the price
 * of care times the usage asked for and a place's part of the shared costs, neither of which is a
 * host-only total: each home's own lines state the price month by month, and the shared lines are
 * every member's to list. The year's wages and care themselves never leave.
 */
@ApplicationScoped
public class JointServicePlaces {

    private final Cooperations cooperations;
    private final JointServiceRows services;
    private final PlacementRows placements;
    private final JointCostRows costs;

    public JointServicePlaces(
            Cooperations cooperations, JointServiceRows services, PlacementRows placements, JointCostRows costs) {
        this.cooperations = cooperations;
        this.services = services;
        this.placements = placements;
        this.costs = costs;
    }

    /** Every service of the cooperation that gave care in the year, with its place cost. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlaceCostView> inCooperation(Cooperation c, int costYear, BigDecimal usage) {
        return services.all(c, c.host()).stream()
                .map(s -> placeCost(c, s, costYear, usage))
                .flatMap(Optional::stream)
                .toList();
    }

    /** One service of the cooperation; 404 when it has none by that id, 409 when it gave no care in the year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlaceCostView inCooperation(Cooperation c, UUID serviceId, int costYear, BigDecimal usage) {
        ServiceRow service = services.find(c, c.host(), serviceId)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "cooperation " + c.id() + " has no joint service " + serviceId));
        return placeCost(c, service, costYear, usage).orElseThrow(() -> noCare(service, costYear));
    }

    /** A service of any of the caller's cooperations, for a member's own sensitivity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlaceCostView inCallersCooperations(UUID serviceId, int costYear, BigDecimal usage) {
        for (Cooperation c : cooperations.callersCooperations()) {
            Optional<ServiceRow> service = services.find(c, c.host(), serviceId);
            if (service.isPresent()) {
                return placeCost(c, service.get(), costYear, usage).orElseThrow(() -> noCare(service.get(), costYear));
            }
        }
        throw new ProblemException(
                ProblemType.NOT_FOUND, "no cooperation of your municipality has a joint service " + serviceId);
    }

    private Optional<PlaceCostView> placeCost(Cooperation c, ServiceRow service, int costYear, BigDecimal usage) {
        BigDecimal care = placements.slotsAsHost(c, c.host(), List.of(service.id())).stream()
                .map(PlacementSlot::period)
                .map(p -> p.usageHoursPerWeek().multiply(BigDecimal.valueOf(p.daysIn(costYear))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> year = costs.serviceYear(c, c.host(), service.id(), costYear);
        return PlaceCost.of(
                        year.get("DIRECT_WAGES"),
                        care,
                        year.get("SHARED"),
                        service.capacity(),
                        usage,
                        Year.of(costYear).length())
                .map(p -> new PlaceCostView(
                        c.id(),
                        service.id(),
                        service.name(),
                        service.capacity(),
                        costYear,
                        usage,
                        p.directWageCost(),
                        p.sharedCost(),
                        p.placeCost()));
    }

    private static ProblemException noCare(ServiceRow service, int costYear) {
        return new ProblemException(
                ProblemType.CONFLICT,
                "joint service '" + service.name() + "' gave no care in " + costYear
                        + " (no confirmed placement): there is no price of care to charge an added recipient");
    }
}
