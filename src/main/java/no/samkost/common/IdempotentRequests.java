package no.samkost.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a POST safe to retry: the same {@code Idempotency-Key} with the same request gives the
 * first response again instead of creating a second thing; the same key with another request is
 * refused. Keys are scoped to the caller's municipality (the record is tenant-owned).
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The earlier response to this request, if any. Holds a transaction lock on the key, so a
     * concurrent retry waits for the first attempt to commit or roll back instead of racing it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<T> earlierResponse(String operation, String key, Object request, Class<T> responseType) {
        return earlierResponse(operation, key, () -> request, responseType);
    }

    /** As above, for a request that is costly to describe (a streamed body): asked for only on a repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<T> earlierResponse(
            String operation, String key, Supplier<Object> request, Class<T> responseType) {
        if (!KEY.matcher(key).matches()) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    HEADER + " must be 1-200 visible ASCII characters",
                    List.of(Problem.Violation.field(HEADER, "must be 1-200 visible ASCII characters")));
        }
        // A lock per municipality and key: another municipality's use of the same key never waits.
        // The municipality is the one the transaction is bound to (row-level security's setting,
        // set from the verified token), so this wall needs no feature's or tenancy's classes.
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended('idempotency:'"
                        + " || current_setting('app.municipality', true) || ':' || :key, 0))")
                .setParameter("key", key)
                .getSingleResult();
        List<IdempotencyRecord> earlier = entityManager
                .createQuery("from IdempotencyRecord where key = :key", IdempotencyRecord.class)
                .setParameter("key", key)
                .getResultList();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = earlier.get(0);
        if (!record.requestHash.equals(hash(operation, request.get()))) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        try {
            return Optional.of(json.readValue(record.responseBody, responseType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response cannot be read", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String operation, String key, Object request, Object response) {
        entityManager.persist(new IdempotencyRecord(key, hash(operation, request), write(response), clock.instant()));
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(operation.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
