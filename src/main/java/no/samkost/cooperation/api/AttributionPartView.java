package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AttributionPart")
public record AttributionPartView(
        UUID placementId,
        @Schema(description = "the home municipality's code") String municipality,
        String recipientRef,
        long days,
        BigDecimal usageHoursPerWeek,
        @Schema(description = "usage x days") BigDecimal weight,
        BigDecimal amount) {}
