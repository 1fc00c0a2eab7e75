package no.samkost.reimbursement;

/**
 * Where a claim stands. OPEN: never submitted, or reopened by the coordinator; SUBMITTED: signed by
 * the coordinator, the cost year closed; ATTESTED: checked and attested by the auditor, still
 * closed; RETURNED: sent back by the auditor with a reason, the year open again.
 */
public enum ClaimState {
    OPEN,
    SUBMITTED,
    ATTESTED,
    RETURNED;

    /** Whether the cost year is closed in this state. */
    public boolean closesTheYear() {
        return this == SUBMITTED || this == ATTESTED;
    }
}
