package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JointCost")
public record JointCostView(
        @Schema(
                        nullable = true,
                        description = "the line's number, for the host; null to the other members, since the gaps"
                                + " between numbers count the host's other entries")
                Long id,
        UUID jointServiceId,
        @Schema(description = "month, YYYY-MM") String period,
        JointCostCategory category,
        BigDecimal amount,
        @Schema(nullable = true, description = "null when the line has none") String note,
        Instant createdAt,
        String createdBy) {}
