package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PooledTotals")
public record PooledTotals(
        int placedRecipients,
        long placementDays,
        BigDecimal attributedCosts,
        BigDecimal sharedCosts,
        BigDecimal expectedGrant,
        BigDecimal netCost) {}
