package no.samkost.planning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ScenarioProjection",
        description = "Per cost year: expected residents by housing form (and those moved into joint services), gross"
                + " costs, the expected grant computed per projected resident by the grant calculator under the"
                + " (projected) rules of the grant year, and the municipality's net cost. README, \"Scenarios\".")
public record ScenarioProjectionView(
        String scenarioId,
        String scenarioName,
        long scenarioVersion,
        int firstYear,
        int years,
        @Schema(description = "the scenario's assumptions the rules were projected under") BigDecimal yearlyWageGrowth,
        BigDecimal yearlyExtraStep,
        BigDecimal yearlyExitRate,
        @Schema(description = "recipients with costs in the year before firstYear") int recipientsToday,
        @Schema(description = "ACTIVE register entries with an expected move-out year, counted") int registerCounted,
        @Schema(description = "ACTIVE register entries without a move-out year yet: not counted")
                int registerWithoutMoveOutYear,
        List<Year> rows) {

    @Schema(name = "ScenarioProjectionYear")
    public record Year(
            int year,
            int grantYear,
            @Schema(
                            nullable = true,
                            description = "the weakest status of the grant year's rules; null when the rule book does"
                                    + " not reach it")
                    ValueStatus rulesStatus,
            @Schema(nullable = true, description = "the grant year's threshold (innslagspunkt), projected or not")
                    BigDecimal threshold,
            @Schema(nullable = true) BigDecimal compensationRate,
            @Schema(
                            description = "by column: housing forms \"1\"-\"5\", \"unknown\", and \"jointService\" for"
                                    + " those moved into joint services")
                    Map<String, Cell> byColumn,
            @Schema(description = "expected residents, two decimals (an expected number, not whole people)")
                    BigDecimal residents,
            BigDecimal grossCostsBeforeSavings,
            @Schema(description = "the scenario's planned saving for the year") BigDecimal savingsPlanned,
            @Schema(description = "what the saving took off the gross costs, after rounding each resident's cost")
                    BigDecimal savings,
            BigDecimal grossCosts,
            @Schema(nullable = true, description = "null when the rules of the grant year are not known")
                    BigDecimal grant,
            @Schema(nullable = true, description = "grossCosts - grant; null when the grant is not known")
                    BigDecimal netCost) {}

    @Schema(name = "ScenarioProjectionCell")
    public record Cell(
            BigDecimal residents,
            BigDecimal grossCostsBeforeSavings,
            BigDecimal grossCosts,
            @Schema(nullable = true) BigDecimal grant) {}
}
