package no.samkost.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One read or write of recipient-level data (GDPR art. 9 data), kept per municipality. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(name = "at", nullable = false)
    Instant at;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String action;

    @Column(nullable = false)
    String resource;

    protected AuditEntry() {}

    AuditEntry(Instant at, String actor, String action, String resource) {
        this.id = UUID.randomUUID();
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.resource = resource;
    }
}
