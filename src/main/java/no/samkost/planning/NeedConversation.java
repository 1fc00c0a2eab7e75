package no.samkost.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One yearly conversation with a youth's family, as held: appended, never changed. */
@Entity
@Immutable
@Table(name = "need_conversation")
public class NeedConversation {
    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(name = "need_id", nullable = false, updatable = false)
    UUID needId;

    @Column(name = "held_on", nullable = false, updatable = false)
    LocalDate heldOn;

    @Column(name = "expected_move_out_year", updatable = false)
    Integer expectedMoveOutYear;

    @Column(name = "housing_form", updatable = false)
    Integer housingForm;

    @Enumerated(EnumType.STRING)
    @Column(name = "base_level", updatable = false)
    BaseLevel baseLevel;

    @Column(name = "hours_per_week_min", updatable = false)
    BigDecimal hoursPerWeekMin;

    @Column(name = "hours_per_week_max", updatable = false)
    BigDecimal hoursPerWeekMax;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    String recordedBy;

    protected NeedConversation() {}

    NeedConversation(UUID needId, Instant now, String actor) {
        this.id = UUID.randomUUID();
        this.needId = needId;
        this.recordedAt = now;
        this.recordedBy = actor;
    }
}
