package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "JointServicePlaceCost",
        description = "What one more recipient served a whole cost year in a joint service costs its home:"
                + " directWageCost = the year's direct wages / the year's care (confirmed placements' usage x days)"
                + " x usageHoursPerWeek x days in the year; sharedCost = the year's shared costs / capacity")
public record PlaceCostView(
        String cooperation,
        UUID serviceId,
        String serviceName,
        int capacity,
        int costYear,
        @Schema(description = "the added recipient's care, hours a week") BigDecimal usageHoursPerWeek,
        @Schema(description = "a direct wage cost of the recipient: the part the grant applies to")
                BigDecimal directWageCost,
        @Schema(description = "a place's part of the service's shared costs: earns no grant") BigDecimal sharedCost,
        @Schema(description = "directWageCost + sharedCost") BigDecimal placeCost) {}
