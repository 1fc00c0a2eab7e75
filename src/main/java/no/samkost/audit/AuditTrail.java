package no.samkost.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * Records who read or changed which recipient-level data, in the caller's transaction: if the
 * change rolls back, so does its audit entry, and a read that is not recorded does not happen.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager entityManager;
    private final CurrentMunicipality current;
    private final Clock clock;

    public AuditTrail(EntityManager entityManager, CurrentMunicipality current, Clock clock) {
        this.entityManager = entityManager;
        this.current = current;
        this.clock = clock;
    }

    /** A write of recipient-level data: recorded with the write, as durable as the write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resource) {
        entityManager.persist(new AuditEntry(clock.instant(), current.subject(), action, resource));
    }

    /**
     * A read of recipient-level data. The entry commits with the read's transaction, but without
     * waiting for the WAL flush (synchronous_commit off, for this transaction only): that flush was a
     * fifth of a large claim's time. A database crash in the next fraction of a second could lose
     * the entry; it cannot corrupt anything, and writes keep full durability. Only for transactions
     * that change nothing else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRead(String action, String resource) {
        entityManager
                .createNativeQuery("select set_config('synchronous_commit', 'off', true)")
                .getSingleResult();
        record(action, resource);
    }
}
