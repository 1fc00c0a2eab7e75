package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member's pooled figures; a field hidden by the small-number rule is null (see suppressed). */
@Schema(name = "PooledMember")
public record PooledMember(
        String municipality,
        @Schema(nullable = true) Integer placedRecipients,
        @Schema(nullable = true) Long placementDays,
        @Schema(nullable = true) BigDecimal attributedCosts,
        @Schema(nullable = true) BigDecimal sharedCostShare,
        @Schema(nullable = true) BigDecimal expectedGrant,
        @Schema(nullable = true) BigDecimal netCost) {}
