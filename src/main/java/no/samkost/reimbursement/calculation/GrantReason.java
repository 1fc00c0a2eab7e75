package no.samkost.reimbursement.calculation;

/** Why a recipient gets no grant, or no grant can be computed. Stable codes: clients switch on them. */
public enum GrantReason {
    /** Born before the circular's earliest eligible birth year. */
    AGE_LIMIT,
    /** Costs after deductions do not exceed the threshold. */
    BELOW_THRESHOLD,
    /** The grant year lacks a parameter this recipient's grant depends on; nothing is guessed. */
    RULES_INCOMPLETE
}
