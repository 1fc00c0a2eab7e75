package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CooperationSensitivityJointService", description = "a joint service's place, and its grant")
public record PlaceVariant(
        PlaceCostView place,
        @Schema(
                        nullable = true,
                        description =
                                "the grant of the place's direct wage cost, by the year's rules; null when they cannot compute it")
                BigDecimal placeGrant,
        @Schema(nullable = true, description = "placeCost - placeGrant: what one recipient more costs a member there")
                BigDecimal placeNetCost) {}
