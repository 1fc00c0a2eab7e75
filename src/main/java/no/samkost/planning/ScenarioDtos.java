package no.samkost.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scenario's request and response shapes (README, "Scenarios"). */
public final class ScenarioDtos {
    private ScenarioDtos() {}

    static final String ANNUAL_COSTS_EXAMPLE = "[{\"housingForm\":1,\"annualCost\":900000.00},"
            + "{\"housingForm\":2,\"annualCost\":1300000.00},"
            + "{\"housingForm\":3,\"annualCost\":1800000.00},"
            + "{\"housingForm\":4,\"annualCost\":2600000.00},"
            + "{\"housingForm\":4,\"baseLevel\":\"EKSTRA\",\"annualCost\":3100000.00},"
            + "{\"housingForm\":5,\"annualCost\":4200000.00},"
            + "{\"annualCost\":2000000.00}]";

    /** What a new scenario and a change of one both state; the lists absent are empty. */
    interface Assumptions {
        String name();

        BigDecimal yearlyWageGrowth();

        BigDecimal yearlyExtraStep();

        BigDecimal yearlyExitRate();

        List<AnnualCost> annualCosts();

        List<FormShare> newResidentForms();

        List<JointServiceMove> jointServiceMoves();

        List<Saving> savings();

        default List<FormShare> formShares() {
            return newResidentForms() == null ? List.of() : newResidentForms();
        }

        default List<JointServiceMove> moves() {
            return jointServiceMoves() == null ? List.of() : jointServiceMoves();
        }

        default List<Saving> savingsByYear() {
            return savings() == null ? List.of() : savings();
        }
    }

    @Schema(
            name = "ScenarioInput",
            description = "A scenario's assumptions. Money is in the first projected year's prices, except savings,"
                    + " which are in their own year's money.")
    public record ScenarioInput(
            @NotNull
                    @Schema(description = "1-100 characters, unique in the municipality", examples = "Fortsette som nå")
                    String name,
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax("0.5")
                    @Digits(integer = 1, fraction = 6)
                    @Schema(
                            description = "yearly wage growth: prices grow by it, and the projected rules' threshold"
                                    + " too (0.04 for 4 %)",
                            examples = "0.04")
                    BigDecimal yearlyWageGrowth,
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax("1000000")
                    @Digits(integer = 7, fraction = 2)
                    @Schema(
                            description = "NOK added to the projected threshold each year after the wage growth",
                            examples = "0")
                    BigDecimal yearlyExtraStep,
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax("1")
                    @Digits(integer = 1, fraction = 4)
                    @Schema(
                            description = "share of residents leaving each year for other reasons than age",
                            examples = "0.02")
                    BigDecimal yearlyExitRate,
            @NotNull
                    @Size(min = 6, max = 30)
                    @Schema(
                            description = "annual cost per resident (its direct wage costs, which the grant rests on)"
                                    + " for each housing form 1-5 and for an unknown form (housingForm absent), each"
                                    + " with no base level; a form and base level may have a cost of its own",
                            examples = ANNUAL_COSTS_EXAMPLE)
                    List<@Valid @NotNull AnnualCost> annualCosts,
            @Size(max = 5)
                    @Schema(
                            description = "the housing forms new residents (the register's youths) get, as shares"
                                    + " summing to 1; absent or empty: each the form the family preferred")
                    List<@Valid @NotNull FormShare> newResidentForms,
            @Size(max = 20) @Schema(description = "residents served in joint services instead, from a year on")
                    List<@Valid @NotNull JointServiceMove> jointServiceMoves,
            @Size(max = 50) @Schema(description = "planned savings by cost year") List<@Valid @NotNull Saving> savings)
            implements Assumptions {}

    @Schema(
            name = "ScenarioChange",
            description = "A scenario's assumptions. Money is in the first projected year's prices, except savings,"
                    + " which are in their own year's money. Send back the version you read; a stale one answers 409.")
    public record ScenarioChange(
            @NotNull
                    @Schema(description = "1-100 characters, unique in the municipality", examples = "Fortsette som nå")
                    String name,
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax("0.5")
                    @Digits(integer = 1, fraction = 6)
                    @Schema(
                            description = "yearly wage growth: prices grow by it, and the projected rules' threshold"
                                    + " too (0.04 for 4 %)",
                            examples = "0.04")
                    BigDecimal yearlyWageGrowth,
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax("1000000")
                    @Digits(integer = 7, fraction = 2)
                    @Schema(
                            description = "NOK added to the projected threshold each year after the wage growth",
                            examples = "0")
                    BigDecimal yearlyExtraStep,
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax("1")
                    @Digits(integer = 1, fraction = 4)
                    @Schema(
                            description = "share of residents leaving each year for other reasons than age",
                            examples = "0.02")
                    BigDecimal yearlyExitRate,
            @NotNull
                    @Size(min = 6, max = 30)
                    @Schema(
                            description = "annual cost per resident (its direct wage costs, which the grant rests on)"
                                    + " for each housing form 1-5 and for an unknown form (housingForm absent), each"
                                    + " with no base level; a form and base level may have a cost of its own",
                            examples = ANNUAL_COSTS_EXAMPLE)
                    List<@Valid @NotNull AnnualCost> annualCosts,
            @Size(max = 5)
                    @Schema(
                            description = "the housing forms new residents (the register's youths) get, as shares"
                                    + " summing to 1; absent or empty: each the form the family preferred")
                    List<@Valid @NotNull FormShare> newResidentForms,
            @Size(max = 20) @Schema(description = "residents served in joint services instead, from a year on")
                    List<@Valid @NotNull JointServiceMove> jointServiceMoves,
            @Size(max = 50) @Schema(description = "planned savings by cost year") List<@Valid @NotNull Saving> savings,
            @NotNull @Schema(description = "the version this change is based on") Long version)
            implements Assumptions {}

    @Schema(name = "ScenarioAnnualCost")
    public record AnnualCost(
            @Min(1)
                    @Max(5)
                    @Schema(
                            nullable = true,
                            description = "1-5; absent: the cost of a resident whose form is not known")
                    Integer housingForm,
            @Schema(nullable = true, description = "absent: the form's cost for any base level") BaseLevel baseLevel,
            @NotNull
                    @DecimalMin("0")
                    @DecimalMax("100000000")
                    @Digits(integer = 9, fraction = 2)
                    @Schema(examples = "2600000.00")
                    BigDecimal annualCost) {}

    @Schema(name = "ScenarioFormShare")
    public record FormShare(
            @NotNull @Min(1) @Max(5) Integer housingForm,
            @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Schema(examples = "0.25")
                    BigDecimal share) {}

    @Schema(
            name = "ScenarioJointServiceMove",
            description = "From fromYear on, this many residents of the housing form are served in a joint service at"
                    + " a place's annual cost instead")
    public record JointServiceMove(
            @NotNull @Min(2000) @Max(2100) Integer fromYear,
            @NotNull @Min(1) @Max(5) Integer housingForm,
            @NotNull @Min(1) @Max(10000) Integer residents,
            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 2)
                    BigDecimal annualCostPerPlace) {}

    @Schema(name = "ScenarioSaving")
    public record Saving(
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @DecimalMin("0") @DecimalMax("10000000000") @Digits(integer = 11, fraction = 2)
                    BigDecimal amount) {}

    /** The lists as they are stored (one JSON document; the scalar assumptions are columns). */
    record Parameters(
            List<AnnualCost> annualCosts,
            List<FormShare> newResidentForms,
            List<JointServiceMove> jointServiceMoves,
            List<Saving> savings) {}

    @Schema(name = "Scenario")
    public record ScenarioView(
            String id,
            String name,
            BigDecimal yearlyWageGrowth,
            BigDecimal yearlyExtraStep,
            BigDecimal yearlyExitRate,
            List<AnnualCost> annualCosts,
            List<FormShare> newResidentForms,
            List<JointServiceMove> jointServiceMoves,
            List<Saving> savings,
            long version,
            Instant updatedAt,
            String updatedBy) {}
}
