package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one grant year's circular (IS-4/&lt;grantYear&gt;), which applies to the costs of
 * {@code grantYear - 1}. A parameter the project could not verify from a source may be absent: a
 * claim that needs it says so instead of guessing.
 *
 * @param threshold the yearly threshold (innslagspunkt), NOK
 * @param compensationRate the share of the basis the state pays (kompensasjonsgrad), e.g. 0.80
 * @param intellectualDisabilityDeduction deducted for recipients with an intellectual disability born
 *     in or before {@code intellectualDisabilityBornOnOrBefore} (fratrekk for rammetilskuddets andel)
 * @param eligibleBornOnOrAfter recipients born earlier are past the age limit
 * @param unverifiedParameters names of parameters that are configured but not verified from a source
 */
public record GrantRules(
        int grantYear,
        BigDecimal threshold,
        BigDecimal compensationRate,
        BigDecimal intellectualDisabilityDeduction,
        Integer intellectualDisabilityBornOnOrBefore,
        Integer eligibleBornOnOrAfter,
        boolean verified,
        String source,
        List<String> unverifiedParameters) {

    public GrantRules {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(compensationRate, "compensationRate");
        if (threshold.signum() < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        if (compensationRate.signum() <= 0 || compensationRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("compensationRate must be above 0 and at most 1");
        }
        if (intellectualDisabilityDeduction != null && intellectualDisabilityDeduction.signum() < 0) {
            throw new IllegalArgumentException("intellectualDisabilityDeduction must not be negative");
        }
        unverifiedParameters = unverifiedParameters == null ? List.of() : List.copyOf(unverifiedParameters);
    }

    /** The cost year whose costs this circular reimburses. */
    public int costYear() {
        return grantYear - 1;
    }

    /** True only when the whole entry is verified and no single parameter is flagged unverified. */
    public boolean fullyVerified() {
        return verified && unverifiedParameters.isEmpty();
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
