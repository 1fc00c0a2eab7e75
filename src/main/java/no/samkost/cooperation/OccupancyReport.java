package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.samkost.cooperation.api.OccupancyView;
import no.samkost.cooperation.calculation.Occupancy;
import no.samkost.cooperation.calculation.PlacementPeriod;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.tenancy.Cooperation;

/**
 * A joint service's occupancy in a cost year, for the host: per month the most confirmed
 * placements on one day, the figure the capacity is checked against. Host only: a home that saw it
 * would learn when other homes' recipients come and go (README, "What a home sees about a joint
 * service").
 */
@ApplicationScoped
@Transactional
public class OccupancyReport {

    private final Cooperations cooperations;
    private final JointServices services;
    private final PlacementRows placements;

    public OccupancyReport(Cooperations cooperations, JointServices services, PlacementRows placements) {
        this.cooperations = cooperations;
        this.services = services;
        this.placements = placements;
    }

    public OccupancyView monthly(String cooperationId, UUID serviceId, int costYear) {
        Cooperation c = cooperations.require(cooperationId);
        cooperations.requireHost(c, "sees how full a joint service is");
        ServiceRow service = services.find(c, serviceId);
        List<PlacementPeriod> confirmed = placements.slotsAsHost(c, c.host(), List.of(serviceId)).stream()
                .map(PlacementSlot::period)
                .toList();
        List<OccupancyView.Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(costYear, m);
            months.add(new OccupancyView.Month(
                    month.toString(), Occupancy.peak(confirmed, month.atDay(1), month.atEndOfMonth())));
        }
        return new OccupancyView(serviceId, costYear, service.capacity(), months);
    }
}
