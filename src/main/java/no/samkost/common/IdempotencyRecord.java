package no.samkost.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The first answer to a POST with an Idempotency-Key, replayed when the same request comes again. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {
    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(name = "idempotency_key", nullable = false)
    String key;

    @Column(name = "request_hash", nullable = false)
    String requestHash;

    @Column(name = "response_body", nullable = false)
    String responseBody;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected IdempotencyRecord() {}

    IdempotencyRecord(String key, String requestHash, String responseBody, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.requestHash = requestHash;
        this.responseBody = responseBody;
        this.createdAt = createdAt;
    }
}
