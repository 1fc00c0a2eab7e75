package no.samkost.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * The course every CSV import takes, whatever its rows: a retry under the same Idempotency-Key
 * answers as the first import did without reading further; otherwise the import's own staging
 * runs on the transaction's connection, its answer is kept for a retry, and the import is
 * recorded (the caller's audit entry) once, when it wrote.
 */
@ApplicationScoped
public class CsvImports {

    /** One import's work on the transaction's connection: stage, check, write; throws to write nothing. */
    public interface Staging {
        ImportResult run(Connection connection, UUID importId, CsvRecords records) throws SQLException, IOException;
    }

    private final EntityManager entityManager;
    private final IdempotentRequests idempotency;
    private final long csvLimit;

    public CsvImports(EntityManager entityManager, IdempotentRequests idempotency, BodyLimits limits) {
        this.entityManager = entityManager;
        this.idempotency = idempotency;
        this.csvLimit = limits.csv().asLongValue();
    }

    /** Runs in the import's transaction, whose time limit the import chooses. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportResult run(
            String operation,
            InputStream body,
            Optional<String> idempotencyKey,
            Staging staging,
            Consumer<ImportResult> written) {
        CsvUpload upload = new CsvUpload(body, csvLimit);
        Optional<ImportResult> earlier =
                upload.earlierAnswer(idempotency, operation, idempotencyKey, ImportResult.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID importId = UUID.randomUUID();
        ImportResult result = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try {
                return staging.run(connection, importId, upload.records());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        upload.remember(idempotency, operation, idempotencyKey, result);
        written.accept(result);
        return result;
    }
}
