package no.samkost.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A CSV import holds a database connection for as long as its body takes to arrive, and a client
 * may send it slowly; the pool is shared by every municipality. So only a few imports run at once,
 * and one more is told to come back, instead of taking the last connections from everyone else.
 * Every kind of import (the cost ledger's, the needs register's, the import page) takes its slot
 * from this one pool, since they share the one connection pool.
 */
@ApplicationScoped
public class ImportSlots {

    private final Semaphore slots;
    private final int size;

    public ImportSlots(@ConfigProperty(name = "samkost.import.max-concurrent", defaultValue = "4") int size) {
        this.size = size;
        this.slots = new Semaphore(size);
    }

    /** Held while an import runs; closing it frees it. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A slot to hold while the import runs, or a 503 problem when all are taken. */
    public Slot take() {
        if (!slots.tryAcquire()) {
            throw new ProblemException(
                    ProblemType.BUSY,
                    size + " imports are running; nothing was read or written; send the file again in a minute");
        }
        return slots::release;
    }
}
