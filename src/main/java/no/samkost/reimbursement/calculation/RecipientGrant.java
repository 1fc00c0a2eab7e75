package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;

/**
 * The grant for one recipient, with every figure it was computed from, so that a reader can
 * recompute it by hand: {@code basis = max(0, costs - deductions - threshold)}, {@code grant =
 * basis x rate}, rounded half up to øre.
 *
 * @param eligible null when the age limit is unknown for the grant year
 * @param reason null when a positive grant was computed
 * @param intellectualDisabilityDeduction null when it applies but its amount or cut-off is unknown
 * @param basis null when it cannot be computed (reason {@link GrantReason#RULES_INCOMPLETE})
 * @param grant null when it cannot be computed (reason {@link GrantReason#RULES_INCOMPLETE})
 */
public record RecipientGrant(
        String ref,
        Boolean eligible,
        GrantReason reason,
        BigDecimal costs,
        BigDecimal earmarkedGrants,
        BigDecimal hostMunicipalityGrant,
        BigDecimal userPayments,
        BigDecimal intellectualDisabilityDeduction,
        BigDecimal basis,
        BigDecimal grant) {}
