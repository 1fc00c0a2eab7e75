package no.samkost.planning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "KeyFigures",
        description =
                "Key figures per cost year from the year's claim (the snapshot once signed): costs are the claim's"
                        + " direct wage costs; a grant the rules cannot compute leaves the figures that need it null")
public record KeyFiguresView(String municipality, int from, int to, List<Year> years) {

    @Schema(name = "KeyFiguresYear")
    public record Year(
            int costYear,
            int grantYear,
            @Schema(nullable = true, description = "the rules' weakest status; null when the year has no rules")
                    ValueStatus rulesStatus,
            int recipients,
            @Schema(description = "recipients by user group") Map<String, Integer> byUserGroup,
            @Schema(description = "recipients by housing form on 31 December, \"1\"-\"5\" and \"unknown\"")
                    Map<String, Integer> byHousingForm,
            BigDecimal costs,
            int recipientsWithUnknownGrant,
            @Schema(nullable = true) BigDecimal grant,
            @Schema(nullable = true, description = "costs - grant") BigDecimal netCost,
            @Schema(nullable = true) BigDecimal netCostPerRecipientMean,
            @Schema(nullable = true) BigDecimal netCostPerRecipientMedian,
            @Schema(nullable = true, description = "null when the tenant file has no population for the year")
                    Long population,
            @Schema(nullable = true) BigDecimal netCostPerInhabitant,
            @Schema(nullable = true, description = "grant / costs, four decimals") BigDecimal grantShareOfCosts) {}
}
