package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PooledMember")
public record PooledMember(
        String municipality,
        int placedRecipients,
        long placementDays,
        BigDecimal attributedCosts,
        BigDecimal sharedCostShare,
        BigDecimal expectedGrant,
        BigDecimal netCost) {}
