package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AttributionMonth")
public record AttributionMonthView(
        @Schema(description = "month, YYYY-MM") String period,
        BigDecimal directWages,
        @Schema(description = "the sum of the parts' weights") BigDecimal totalWeight,
        List<AttributionPartView> parts,
        @Schema(description = "wages of a month with nobody placed") BigDecimal unattributed) {}
