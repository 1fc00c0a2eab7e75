package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one grant year's circular (IS-4/&lt;grantYear&gt;), which applies to the costs of
 * {@code grantYear - 1}. A parameter that no source gives may be absent: a claim that needs it says
 * so instead of guessing. Each present value has a status and a source ({@link RuleProvenance}).
 *
 * @param threshold the yearly threshold (innslagspunkt), NOK
 * @param compensationRate the share of the basis the state pays (kompensasjonsgrad), e.g. 0.80
 * @param intellectualDisabilityDeduction deducted for recipients with an intellectual disability born
 *     in or before {@code intellectualDisabilityBornOnOrBefore} (fratrekk for rammetilskuddets andel)
 * @param eligibleBornOnOrAfter recipients born earlier are past the age limit
 */
public record GrantRules(
        int grantYear,
        BigDecimal threshold,
        BigDecimal compensationRate,
        BigDecimal intellectualDisabilityDeduction,
        Integer intellectualDisabilityBornOnOrBefore,
        Integer eligibleBornOnOrAfter,
        RuleProvenance provenance) {

    /** The values of a rule set, by the names the API uses, in the order it shows them. */
    public static final List<String> PARAMETERS = List.of(
            "threshold",
            "compensationRate",
            "intellectualDisabilityDeduction",
            "intellectualDisabilityBornOnOrBefore",
            "eligibleBornOnOrAfter");

    public GrantRules {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(compensationRate, "compensationRate");
        Objects.requireNonNull(provenance, "provenance");
        if (threshold.signum() < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        if (compensationRate.signum() <= 0 || compensationRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("compensationRate must be above 0 and at most 1");
        }
        if (intellectualDisabilityDeduction != null && intellectualDisabilityDeduction.signum() < 0) {
            throw new IllegalArgumentException("intellectualDisabilityDeduction must not be negative");
        }
    }

    /** The cost year whose costs this circular reimburses. */
    public int costYear() {
        return grantYear - 1;
    }

    /** The values this rule set has, in {@link #PARAMETERS} order. */
    public List<String> presentParameters() {
        List<String> present = new ArrayList<>(List.of("threshold", "compensationRate"));
        if (intellectualDisabilityDeduction != null) {
            present.add("intellectualDisabilityDeduction");
        }
        if (intellectualDisabilityBornOnOrBefore != null) {
            present.add("intellectualDisabilityBornOnOrBefore");
        }
        if (eligibleBornOnOrAfter != null) {
            present.add("eligibleBornOnOrAfter");
        }
        return List.copyOf(present);
    }

    /** The values this rule set lacks. */
    public List<String> missingParameters() {
        List<String> present = presentParameters();
        return PARAMETERS.stream().filter(p -> !present.contains(p)).toList();
    }

    public ValueStatus statusOf(String parameter) {
        return provenance.statusOf(parameter);
    }

    /** The weakest status of the values it has. */
    public ValueStatus status() {
        return ValueStatus.weakest(
                presentParameters().stream().map(this::statusOf).toList());
    }

    /** True only when every value it has was read in the circular. */
    public boolean fullyVerified() {
        return status() == ValueStatus.VERIFIED;
    }

    /** The values it has that were not read in the circular. */
    public List<String> unverifiedParameters() {
        return presentParameters().stream()
                .filter(p -> statusOf(p) != ValueStatus.VERIFIED)
                .toList();
    }

    public String source() {
        return provenance.source();
    }

    public boolean projected() {
        return provenance.projection() != null;
    }

    public Optional<BigDecimal> idDeduction() {
        return Optional.ofNullable(intellectualDisabilityDeduction);
    }

    public Optional<Integer> idBornOnOrBefore() {
        return Optional.ofNullable(intellectualDisabilityBornOnOrBefore);
    }

    public Optional<Integer> ageLimitBornOnOrAfter() {
        return Optional.ofNullable(eligibleBornOnOrAfter);
    }
}
