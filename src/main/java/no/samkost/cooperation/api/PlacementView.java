package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Placement")
public record PlacementView(
        UUID id,
        UUID jointServiceId,
        @Schema(description = "the home municipality's code") String municipality,
        @Schema(description = "the home municipality's pseudonymous ref") String recipientRef,
        LocalDate startsOn,
        @Schema(nullable = true, description = "last day, inclusive; null while open") LocalDate endsOn,
        BigDecimal usageHoursPerWeek,
        long version) {}
