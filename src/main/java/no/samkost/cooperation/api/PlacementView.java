package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import no.samkost.cooperation.calculation.PlacementStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Placement")
public record PlacementView(
        UUID id,
        UUID jointServiceId,
        @Schema(description = "the home municipality's code") String municipality,
        @Schema(description = "the home municipality's pseudonymous ref") String recipientRef,
        @Schema(description = "first day (wished while REQUESTED)") LocalDate startsOn,
        @Schema(nullable = true, description = "last day, inclusive; null while open") LocalDate endsOn,
        @Schema(
                        description = "REQUESTED by the home; CONFIRMED or DECLINED by the host; WITHDRAWN by the home."
                                + " Only CONFIRMED takes a place and is attributed")
                PlacementStatus status,
        @Schema(nullable = true, description = "hours of direct care per week, the host's; null unless CONFIRMED")
                BigDecimal usageHoursPerWeek,
        @Schema(nullable = true, description = "the host's reason; null unless DECLINED") String declineReason,
        long version) {}
