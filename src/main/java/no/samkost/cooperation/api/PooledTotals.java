package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The cooperation's totals; one that would reveal a hidden member figure is null (see suppressed). */
@Schema(name = "PooledTotals")
public record PooledTotals(
        @Schema(nullable = true) Integer placedRecipients,
        @Schema(nullable = true) Long placementDays,
        @Schema(nullable = true) BigDecimal attributedCosts,
        @Schema(description = "the shared costs of the year; rest on no recipient, always shown")
                BigDecimal sharedCosts,
        @Schema(nullable = true) BigDecimal expectedGrant,
        @Schema(nullable = true) BigDecimal netCost) {}
