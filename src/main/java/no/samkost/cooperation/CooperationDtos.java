package no.samkost.cooperation;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.cooperation.calculation.JointServiceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The cooperation API's request and response shapes. */
public final class CooperationDtos {
    private CooperationDtos() {}

    @Schema(name = "Member")
    public record MemberView(@Schema(examples = "0702") String municipality, String name) {}

    @Schema(name = "StandAloneModel")
    public record StandAloneView(BigDecimal fixedCostPerYear, BigDecimal variableCostPerRecipient) {}

    @Schema(name = "Agreement")
    public record AgreementView(
            @Schema(
                            description = "cost pool (default or a joint service kind) -> split key",
                            examples = "{\"default\": \"EQUAL 0.2 + PLACEMENT_DAYS 0.8\"}")
                    Map<String, String> sharedCostSplit,
            StandAloneView standAlone) {}

    @Schema(name = "Cooperation")
    public record CooperationView(
            String id, String name, MemberView host, List<MemberView> members, AgreementView agreement) {}

    @Schema(name = "NewJointService")
    public record NewJointService(
            @NotNull @Schema(examples = "Bofellesskapet Solsiden") String name,
            @NotNull JointServiceKind kind,
            @NotNull @Schema(description = "places, 1-500", examples = "4") Integer capacity) {}

    @Schema(name = "JointServiceUpdate")
    public record JointServiceUpdate(
            @NotNull @Schema(examples = "Bofellesskapet Solsiden") String name,
            @NotNull JointServiceKind kind,
            @NotNull @Schema(description = "places, 1-500", examples = "6") Integer capacity,
            @NotNull @Schema(description = "the version you read") Long version) {}

    @Schema(name = "JointService")
    public record JointServiceView(
            UUID id,
            String cooperation,
            @Schema(description = "the host municipality's code") String host,
            String name,
            JointServiceKind kind,
            int capacity,
            long version) {}

    @Schema(name = "NewPlacement")
    public record NewPlacement(
            @NotNull @Schema(description = "your own recipient's ref", examples = "R-17") String recipientRef,
            @NotNull @Schema(examples = "2023-03-16") LocalDate startsOn,
            @Schema(description = "last day, inclusive; empty while open") LocalDate endsOn,
            @NotNull @Schema(description = "hours of direct care per week, 0 < h <= 168", examples = "30")
                    BigDecimal usageHoursPerWeek) {}

    @Schema(name = "PlacementUpdate")
    public record PlacementUpdate(
            @NotNull @Schema(examples = "2023-01-01") LocalDate startsOn,
            @Schema(description = "last day, inclusive; empty while open") LocalDate endsOn,
            @NotNull @Schema(description = "hours of direct care per week, 0 < h <= 168", examples = "25")
                    BigDecimal usageHoursPerWeek,
            @NotNull @Schema(description = "the version you read") Long version) {}

    @Schema(name = "Placement")
    public record PlacementView(
            UUID id,
            UUID jointServiceId,
            @Schema(description = "the home municipality's code") String municipality,
            @Schema(description = "the home municipality's pseudonymous ref") String recipientRef,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal usageHoursPerWeek,
            long version) {}

    /** Joint cost categories: attributable direct wages, or shared costs split by the agreement. */
    public enum JointCostCategory {
        DIRECT_WAGES,
        SHARED
    }

    @Schema(name = "NewJointCost")
    public record NewJointCost(
            @NotNull @Schema(description = "month, YYYY-MM", examples = "2023-03") String period,
            @NotNull JointCostCategory category,
            @NotNull
                    @Schema(
                            description = "NOK, at most 2 decimals; negative only as a correction with a note",
                            examples = "310000.00")
                    BigDecimal amount,
            @Schema(description = "required for a negative amount; at most 500 characters") String note) {}

    @Schema(name = "JointCost")
    public record JointCostView(
            long id,
            UUID jointServiceId,
            @Schema(description = "month, YYYY-MM") String period,
            JointCostCategory category,
            BigDecimal amount,
            String note,
            Instant createdAt,
            String createdBy) {}

    @Schema(name = "PooledMember")
    public record PooledMember(
            String municipality,
            int placedRecipients,
            long placementDays,
            BigDecimal attributedCosts,
            BigDecimal sharedCostShare,
            BigDecimal expectedGrant,
            BigDecimal netCost) {}

    @Schema(name = "PooledTotals")
    public record PooledTotals(
            int placedRecipients,
            long placementDays,
            BigDecimal attributedCosts,
            BigDecimal sharedCosts,
            BigDecimal expectedGrant,
            BigDecimal netCost) {}

    @Schema(name = "Pooled")
    public record PooledView(
            String cooperation,
            int costYear,
            int grantYear,
            List<PooledMember> members,
            PooledTotals totals,
            @Schema(
                            description =
                                    "what the figures rest on: split keys used, measures nobody had, unattributed wages, "
                                            + "unverified or incomplete rules")
                    List<String> notes) {}

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

    @Schema(name = "Comparison")
    public record ComparisonView(
            String cooperation,
            int costYear,
            int grantYear,
            StandAloneView standAlone,
            List<ComparisonMember> members,
            List<String> notes) {}

    @Schema(name = "AttributionPart")
    public record AttributionPartView(
            UUID placementId,
            @Schema(description = "the home municipality's code") String municipality,
            String recipientRef,
            long days,
            BigDecimal usageHoursPerWeek,
            @Schema(description = "usage x days") BigDecimal weight,
            BigDecimal amount) {}

    @Schema(name = "AttributionMonth")
    public record AttributionMonthView(
            @Schema(description = "month, YYYY-MM") String period,
            BigDecimal directWages,
            @Schema(description = "the sum of the parts' weights") BigDecimal totalWeight,
            List<AttributionPartView> parts,
            @Schema(description = "wages of a month with nobody placed") BigDecimal unattributed) {}

    @Schema(name = "Attribution", description = "How a joint service's direct wages were attributed, month by month")
    public record AttributionView(UUID jointServiceId, int costYear, List<AttributionMonthView> months) {}
}
