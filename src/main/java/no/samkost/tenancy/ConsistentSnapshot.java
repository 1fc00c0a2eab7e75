package no.samkost.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Makes every statement of the current transaction read one snapshot of the database, for reads
 * that add up figures from several statements (and, through {@link MemberDatabaseAccess}, from
 * several members' rows) and must not mix states.
 *
 * <p>Why REPEATABLE READ and how: under PostgreSQL's default READ COMMITTED every statement sees
 * what had committed when it began, so a re-attribution that commits between two statements of
 * a read gives figures that contradict each other. Under REPEATABLE READ the whole transaction
 * sees the snapshot taken at its first statement. That first statement is the row-level security
 * binding ({@link RowLevelSecurityBinding}, a {@code SELECT set_config(...)} run when the
 * connection joins the transaction), and {@code SET TRANSACTION ISOLATION LEVEL} is refused once a
 * query has run; so the level must be chosen before the binding: {@link #begin()} marks the JTA
 * transaction, then makes the connection join it, and the binding sees the mark and sets the
 * level first. The level is the transaction's only ({@code SET TRANSACTION}, not the session's),
 * so nothing leaks through the pool, and rebinding to another member ({@code set_config}) reads no
 * data and keeps the snapshot. Plain reads (and inserts, such as audit entries) never fail with a
 * serialisation error under REPEATABLE READ; only updates or locks of rows changed since would.
 *
 * <p>A lock that writers also take (an advisory lock per cooperation) would also work, but only
 * for the writers that remember to take it: a home's own cost lines, written by the costs feature,
 * change the claim figures a pooled read adds up too. A snapshot covers every writer.
 */
@ApplicationScoped
public class ConsistentSnapshot {

    /** The mark in the JTA transaction that {@link RowLevelSecurityBinding} looks for. */
    static final Object REQUESTED = ConsistentSnapshot.class.getName() + ".requested";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public ConsistentSnapshot(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /**
     * Call first in the transaction, before anything reads or writes the database.
     *
     * @throws IllegalStateException if the transaction has run a statement already: its level can
     *     no longer be chosen, and a read that relies on one snapshot must not run without it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void begin() {
        transactions.putResource(REQUESTED, Boolean.TRUE);
        Object level = entityManager
                .createNativeQuery("select current_setting('transaction_isolation')")
                .getSingleResult();
        if (!"repeatable read".equals(level)) {
            throw new IllegalStateException("a consistent snapshot must begin before the transaction's first "
                    + "statement; this one runs in " + level);
        }
    }

    /** Whether {@link #begin()} asked for a snapshot in the current transaction. */
    boolean requested() {
        return transactions.getTransactionKey() != null && transactions.getResource(REQUESTED) != null;
    }
}
