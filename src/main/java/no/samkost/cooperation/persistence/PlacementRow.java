package no.samkost.cooperation.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import no.samkost.cooperation.calculation.PlacementStatus;

/**
 * A placement with its recipient: what the home has, and what the host of the service may read.
 * Read only for those two (the placement lists, the host's attribution report).
 *
 * @param usageHoursPerWeek the host's, given with the confirmation; null unless confirmed
 * @param declineReason the host's reason; null unless declined
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
        PlacementStatus status,
        String declineReason,
        long version) {

    /** The same placement after a step: new dates, usage, status and reason, the next version. */
    public PlacementRow next(
            LocalDate startsOn, LocalDate endsOn, BigDecimal usage, PlacementStatus status, String declineReason) {
        return new PlacementRow(
                id,
                homeId,
                serviceId,
                recipientId,
                recipientRef,
                startsOn,
                endsOn,
                usage,
                status,
                declineReason,
                version + 1);
    }
}
