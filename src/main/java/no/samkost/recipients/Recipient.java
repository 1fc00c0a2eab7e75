package no.samkost.recipients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A high-cost care recipient of one municipality. Only a pseudonymous reference, the birth year
 * and the flags the reimbursement rules need: never a name or a national identity number.
 */
@Entity
@Table(name = "recipient")
public class Recipient {
    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(nullable = false, updatable = false)
    String ref;

    @Column(name = "birth_year", nullable = false)
    int birthYear;

    @Column(name = "intellectual_disability", nullable = false)
    boolean intellectualDisability;

    @Enumerated(EnumType.STRING)
    @Column(name = "user_group", nullable = false)
    UserGroup userGroup;

    @Version
    @Column(nullable = false)
    long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    String createdBy;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    protected Recipient() {}

    Recipient(String ref, Instant now, String actor) {
        this.id = UUID.randomUUID();
        this.ref = ref;
        this.createdAt = now;
        this.createdBy = actor;
    }

    void describe(int birthYear, boolean intellectualDisability, UserGroup userGroup, Instant now, String actor) {
        this.birthYear = birthYear;
        this.intellectualDisability = intellectualDisability;
        this.userGroup = userGroup;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public UUID id() {
        return id;
    }

    public String ref() {
        return ref;
    }

    public long version() {
        return version;
    }
}
