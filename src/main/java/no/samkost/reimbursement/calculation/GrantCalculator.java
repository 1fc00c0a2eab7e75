package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The state grant for high-cost services (toppfinansieringsordningen) for one recipient and one
 * cost year, under the rules of the following grant year. Plain Java: the year's rules are passed
 * in, never looked up.
 *
 * <p>The policies, in the order they decide:
 *
 * <ol>
 *   <li><b>Age limit</b>: born before {@code eligibleBornOnOrAfter}: not eligible, grant 0.
 *   <li><b>Intellectual disability deduction</b>: with an intellectual disability and born on or
 *       before {@code intellectualDisabilityBornOnOrBefore}, the year's deduction is subtracted.
 *   <li><b>Threshold</b>: {@code basis = max(0, costs - deductions - threshold)}; 0 means below the
 *       threshold.
 *   <li><b>Compensation</b>: {@code grant = basis x compensationRate}, half up to øre.
 *   <li><b>No guessing</b>: if a parameter the recipient depends on is missing, the grant is
 *       unknown (RULES_INCOMPLETE), unless the missing values could not change a zero grant.
 * </ol>
 */
public final class GrantCalculator {

    static final int ORE = 2;

    private GrantCalculator() {}

    public static RecipientGrant calculate(GrantRules rules, RecipientYear r) {
        BigDecimal costs = money(r.directWageCosts());
        BigDecimal earmarked = money(r.earmarkedGrants());
        BigDecimal hostGrant = money(r.hostMunicipalityGrant());
        BigDecimal userPayments = money(r.userPayments());
        Optional<Boolean> eligible = rules.ageLimitBornOnOrAfter().map(limit -> r.birthYear() >= limit);
        Optional<BigDecimal> idDeduction = intellectualDisabilityDeduction(rules, r);

        if (eligible.isPresent() && !eligible.get()) {
            return new RecipientGrant(
                    r.ref(),
                    false,
                    GrantReason.AGE_LIMIT,
                    costs,
                    earmarked,
                    hostGrant,
                    userPayments,
                    idDeduction.orElse(null),
                    money(BigDecimal.ZERO),
                    money(BigDecimal.ZERO));
        }
        BigDecimal knownDeductions =
                earmarked.add(hostGrant).add(userPayments).add(idDeduction.orElse(BigDecimal.ZERO));
        BigDecimal basis =
                costs.subtract(knownDeductions).subtract(rules.threshold()).max(BigDecimal.ZERO);
        boolean complete = eligible.isPresent() && idDeduction.isPresent();
        if (basis.signum() == 0) {
            // Unknown parameters can only add deductions or exclude the recipient: still zero.
            return new RecipientGrant(
                    r.ref(),
                    eligible.orElse(null),
                    GrantReason.BELOW_THRESHOLD,
                    costs,
                    earmarked,
                    hostGrant,
                    userPayments,
                    idDeduction.orElse(null),
                    money(basis),
                    money(BigDecimal.ZERO));
        }
        if (!complete) {
            return new RecipientGrant(
                    r.ref(),
                    eligible.orElse(null),
                    GrantReason.RULES_INCOMPLETE,
                    costs,
                    earmarked,
                    hostGrant,
                    userPayments,
                    idDeduction.orElse(null),
                    null,
                    null);
        }
        BigDecimal grant = basis.multiply(rules.compensationRate()).setScale(ORE, RoundingMode.HALF_UP);
        return new RecipientGrant(
                r.ref(), true, null, costs, earmarked, hostGrant, userPayments, idDeduction.get(), money(basis), grant);
    }

    /**
     * The values of the rules this recipient's outcome depends on, by the names of {@link
     * GrantRules#PARAMETERS}: the age limit for everyone (when the year has it); for one within it,
     * the threshold, and with an intellectual disability the deduction's cut-off (and its amount
     * when born on or before it); the rate when there is a basis above the threshold to pay on.
     */
    public static java.util.Set<String> valuesUsed(GrantRules rules, RecipientYear r) {
        java.util.Set<String> used = new java.util.LinkedHashSet<>();
        if (rules.ageLimitBornOnOrAfter().isPresent()) {
            used.add("eligibleBornOnOrAfter");
            if (r.birthYear() < rules.ageLimitBornOnOrAfter().get()) {
                return used;
            }
        }
        used.add("threshold");
        if (r.intellectualDisability() && rules.idBornOnOrBefore().isPresent()) {
            used.add("intellectualDisabilityBornOnOrBefore");
            if (r.birthYear() <= rules.idBornOnOrBefore().get()
                    && rules.idDeduction().isPresent()) {
                used.add("intellectualDisabilityDeduction");
            }
        }
        RecipientGrant grant = calculate(rules, r);
        if (grant.basis() != null && grant.basis().signum() > 0) {
            used.add("compensationRate");
        }
        return used;
    }

    /** Empty when the deduction applies (or may apply) but the year lacks its amount or cut-off. */
    static Optional<BigDecimal> intellectualDisabilityDeduction(GrantRules rules, RecipientYear r) {
        if (!r.intellectualDisability()) {
            return Optional.of(money(BigDecimal.ZERO));
        }
        Optional<Integer> cutOff = rules.idBornOnOrBefore();
        if (cutOff.isPresent() && r.birthYear() > cutOff.get()) {
            return Optional.of(money(BigDecimal.ZERO));
        }
        if (cutOff.isEmpty()) {
            return Optional.empty();
        }
        return rules.idDeduction().map(GrantCalculator::money);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(ORE, RoundingMode.UNNECESSARY);
    }
}
