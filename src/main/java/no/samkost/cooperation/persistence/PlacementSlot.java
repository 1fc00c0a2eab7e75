package no.samkost.cooperation.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import no.samkost.cooperation.calculation.PlacementPeriod;

/**
 * A placement without its recipient: what capacity, attribution and the pooled measures need, so
 * those paths never hold another home's refs, whoever the caller is.
 */
public record PlacementSlot(
        UUID id, String homeId, UUID serviceId, LocalDate startsOn, LocalDate endsOn, BigDecimal usageHoursPerWeek) {

    public PlacementPeriod period() {
        return new PlacementPeriod(id.toString(), startsOn, endsOn, usageHoursPerWeek);
    }
}
