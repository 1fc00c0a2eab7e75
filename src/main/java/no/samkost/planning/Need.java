package no.samkost.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import no.samkost.recipients.UserGroup;
import org.hibernate.annotations.TenantId;

/**
 * A youth in the future-needs register (early intervention, from age 14): pseudonymous as a
 * recipient is, with what the family said most recently about housing after moving out. The
 * conversations themselves are kept apart ({@link NeedConversation}), never overwritten.
 */
@Entity
@Table(name = "need")
public class Need {
    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(nullable = false, updatable = false)
    String ref;

    @Column(name = "birth_year", nullable = false)
    int birthYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "user_group", nullable = false)
    UserGroup userGroup;

    @Column(name = "expected_move_out_year")
    Integer expectedMoveOutYear;

    @Column(name = "housing_form")
    Integer housingForm;

    @Enumerated(EnumType.STRING)
    @Column(name = "base_level")
    BaseLevel baseLevel;

    @Column(name = "hours_per_week_min")
    BigDecimal hoursPerWeekMin;

    @Column(name = "hours_per_week_max")
    BigDecimal hoursPerWeekMax;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    NeedStatus status;

    @Column(name = "recipient_id")
    UUID recipientId;

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

    protected Need() {}

    Need(String ref, Instant now, String actor) {
        this.id = UUID.randomUUID();
        this.ref = ref;
        this.status = NeedStatus.ACTIVE;
        this.createdAt = now;
        this.createdBy = actor;
    }

    void touch(Instant now, String actor) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }
}
