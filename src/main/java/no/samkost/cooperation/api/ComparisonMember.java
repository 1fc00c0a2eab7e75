package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComparisonMember")
public record ComparisonMember(
        String municipality,
        int placedRecipients,
        @Schema(description = "the pooled figures' netCost") BigDecimal pooledNetCost,
        @Schema(description = "fixed cost per year + variable cost x placed recipients, 0 without any")
                BigDecimal standAloneCosts,
        @Schema(description = "the state grant the same recipients would bring with the stand-alone costs")
                BigDecimal standAloneExpectedGrant,
        BigDecimal standAloneNetCost,
        @Schema(
                        description =
                                "standAloneNetCost - pooledNetCost: what the cooperation saves the member (negative: costs it)")
                BigDecimal savingsFromCooperation) {}
