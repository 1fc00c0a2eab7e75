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

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resource) {
        entityManager.persist(new AuditEntry(clock.instant(), current.subject(), action, resource));
    }
}
