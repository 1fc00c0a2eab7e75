package no.samkost.cooperation.api;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CooperationKeyFiguresRow",
        description = "A member's key figures of a cost year, or the cooperation's (municipality null): a figure the"
                + " small-number rule hides is null and named in the year's suppressed")
public record KeyFiguresRow(
        @Schema(nullable = true, description = "the member's code; null for the totals") String municipality,
        @Schema(
                        nullable = true,
                        description = "the tenant file's inhabitants; the totals' only when every member has it")
                Long population,
        @Schema(nullable = true) Integer recipients,
        @Schema(nullable = true, description = "recipients by user group") Map<String, Integer> byUserGroup,
        @Schema(nullable = true, description = "recipients by housing form on 31 December, \"1\"-\"5\" and \"unknown\"")
                Map<String, Integer> byHousingForm,
        @Schema(nullable = true, description = "the claims' direct wage costs") BigDecimal costs,
        @Schema(nullable = true) Integer recipientsWithUnknownGrant,
        @Schema(nullable = true) BigDecimal grant,
        @Schema(nullable = true, description = "costs - grant") BigDecimal netCost,
        @Schema(nullable = true) BigDecimal netCostPerRecipientMean,
        @Schema(
                        nullable = true,
                        description = "the median of the row's recipients' net costs; the totals' over all members'"
                                + " recipients together, not a median of medians")
                BigDecimal netCostPerRecipientMedian,
        @Schema(nullable = true) BigDecimal netCostPerInhabitant,
        @Schema(nullable = true, description = "grant / costs, four decimals") BigDecimal grantShareOfCosts) {}
