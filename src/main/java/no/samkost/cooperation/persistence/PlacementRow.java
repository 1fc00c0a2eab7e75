package no.samkost.cooperation.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A placement with its recipient: what the home has, and what the host of the service may read.
 * Read only for those two (the placement lists, the host's attribution report).
 */
public record PlacementRow(
        UUID id,
        String homeId,
        UUID serviceId,
        UUID recipientId,
        String recipientRef,
        LocalDate startsOn,
        LocalDate endsOn,
        BigDecimal usageHoursPerWeek,
        long version) {}
