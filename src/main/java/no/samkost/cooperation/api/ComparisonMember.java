package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member's comparison; hidden exactly where its pooled figures are (see suppressed). */
@Schema(name = "ComparisonMember")
public record ComparisonMember(
        String municipality,
        @Schema(nullable = true) Integer placedRecipients,
        @Schema(nullable = true, description = "the pooled figures' netCost") BigDecimal pooledNetCost,
        @Schema(nullable = true, description = "fixed cost per year + variable cost x placed recipients, 0 without any")
                BigDecimal standAloneCosts,
        @Schema(
                        nullable = true,
                        description = "the state grant the same recipients would bring with the stand-alone costs")
                BigDecimal standAloneExpectedGrant,
        @Schema(nullable = true) BigDecimal standAloneNetCost,
        @Schema(
                        nullable = true,
                        description =
                                "standAloneNetCost - pooledNetCost: what the cooperation saves the member (negative: costs it)")
                BigDecimal savingsFromCooperation) {}
