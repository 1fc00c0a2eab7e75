package no.samkost.reimbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Forecast",
        description = "An estimate saved as it stood (canonical JSON, SHA-256), e.g. at a tertial report")
public record ForecastView(
        UUID id,
        int costYear,
        String label,
        Instant madeAt,
        String madeBy,
        String snapshotSha256,
        @Schema(description = "the estimated grant when it was saved") BigDecimal grant,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "the estimate as saved; absent in lists")
                EstimateView estimate) {}
