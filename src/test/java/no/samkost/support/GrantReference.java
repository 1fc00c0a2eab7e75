package no.samkost.support;

import java.math.BigDecimal;
import no.samkost.reimbursement.calculation.GrantReason;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientGrant;
import no.samkost.reimbursement.calculation.RecipientYear;

/**
 * DOMAIN.md's rules written out the slow way, in whole øre, one step per rule: the oracle that
 * GrantCalculatorProperties and the national benchmark compare the grant with. It shares no code
 * with GrantCalculator.
 */
public final class GrantReference {

    /** IS-4/2024 (costs of 2023), as DOMAIN.md states it (verified): the rules the tests' examples use. */
    public static final GrantRules IS_4_2024 = new GrantRules(
            2024,
            new BigDecimal("1608000.00"),
            new BigDecimal("0.80"),
            new BigDecimal("832000.00"),
            2005,
            1956,
            no.samkost.reimbursement.calculation.RuleProvenance.of(
                    no.samkost.reimbursement.calculation.ValueStatus.VERIFIED, "IS-4/2024"));

    private GrantReference() {}

    /** What a grant outcome says, in øre; a null means "unknown" (the rules lack a figure). */
    public record Figures(Boolean eligible, GrantReason reason, Long idDeduction, Long basis, Long grant) {}

    public static Figures of(RecipientGrant g) {
        return new Figures(
                g.eligible(),
                g.reason(),
                g.intellectualDisabilityDeduction() == null ? null : ore(g.intellectualDisabilityDeduction()),
                g.basis() == null ? null : ore(g.basis()),
                g.grant() == null ? null : ore(g.grant()));
    }

    public static Figures grant(GrantRules rules, RecipientYear r) {
        // Age limit: eligible if born in or after the year; unknown if the circular gives none.
        Boolean eligible = null;
        if (rules.eligibleBornOnOrAfter() != null) {
            eligible = r.birthYear() >= rules.eligibleBornOnOrAfter();
        }
        // Intellectual disability deduction: only with the disability and born in or before the
        // cut-off year; unknown if it may apply and the cut-off or the amount is missing.
        Long idDeduction;
        if (!r.intellectualDisability()) {
            idDeduction = 0L;
        } else if (rules.intellectualDisabilityBornOnOrBefore() == null) {
            idDeduction = null;
        } else if (r.birthYear() > rules.intellectualDisabilityBornOnOrBefore()) {
            idDeduction = 0L;
        } else if (rules.intellectualDisabilityDeduction() == null) {
            idDeduction = null;
        } else {
            idDeduction = ore(rules.intellectualDisabilityDeduction());
        }
        if (Boolean.FALSE.equals(eligible)) {
            return new Figures(false, GrantReason.AGE_LIMIT, idDeduction, 0L, 0L);
        }
        // Threshold: what the costs exceed deductions + threshold by, never below zero. An
        // unknown deduction can only be larger than zero, so zero is the most it leaves.
        long left = ore(r.directWageCosts());
        left -= ore(r.earmarkedGrants());
        left -= ore(r.hostMunicipalityGrant());
        left -= ore(r.userPayments());
        left -= idDeduction == null ? 0 : idDeduction;
        left -= ore(rules.threshold());
        long basis = left > 0 ? left : 0;
        if (basis == 0) {
            return new Figures(eligible, GrantReason.BELOW_THRESHOLD, idDeduction, 0L, 0L);
        }
        // No guessing: a positive basis that an unknown figure could still change.
        if (eligible == null || idDeduction == null) {
            return new Figures(eligible, GrantReason.RULES_INCOMPLETE, idDeduction, null, null);
        }
        // Compensation: basis x rate, half an øre and more rounds up.
        long grant = halfUp(
                basis * rules.compensationRate().unscaledValue().longValueExact(),
                rules.compensationRate().scale());
        return new Figures(true, null, idDeduction, basis, grant);
    }

    /** {@code value / 10^decimals}, rounded half up; value is never negative here. */
    public static long halfUp(long value, int decimals) {
        long unit = 1;
        for (int i = 0; i < decimals; i++) {
            unit *= 10;
        }
        return (2 * value + unit) / (2 * unit);
    }

    public static long ore(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
