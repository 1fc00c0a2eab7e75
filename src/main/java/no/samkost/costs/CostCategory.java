package no.samkost.costs;

/**
 * What a ledger line is. Amounts are positive; a correction is a negative line with a note.
 *
 * <p>DIRECT_WAGES, PURCHASED_SERVICES (the wage share of services bought from others) and
 * JOINT_SERVICE (the recipient's attributed share of a joint service; written by the cooperation
 * module, never by clients) are the direct wage costs the grant counts. INDIRECT is recorded and
 * never counted. EARMARKED_GRANT, HOST_MUNICIPALITY_GRANT and USER_PAYMENT are deductions.
 */
public enum CostCategory {
    DIRECT_WAGES,
    PURCHASED_SERVICES,
    JOINT_SERVICE,
    INDIRECT,
    EARMARKED_GRANT,
    HOST_MUNICIPALITY_GRANT,
    USER_PAYMENT;

    public boolean writableByClients() {
        return this != JOINT_SERVICE;
    }
}
