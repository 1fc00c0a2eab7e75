package no.samkost.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * Where a recipient lives from a day on: its housing form (1-5) and base level. A history, only
 * added to: a correction is a new row from the same or a later day, and for one day the row
 * recorded last holds.
 */
@Entity
@Immutable
@Table(name = "recipient_housing")
public class RecipientHousing {
    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    UUID recipientId;

    @Column(name = "valid_from", nullable = false, updatable = false)
    LocalDate validFrom;

    @Column(name = "housing_form", nullable = false, updatable = false)
    int housingForm;

    @Enumerated(EnumType.STRING)
    @Column(name = "base_level", updatable = false)
    BaseLevel baseLevel;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    String recordedBy;

    protected RecipientHousing() {}

    RecipientHousing(UUID recipientId, Instant now, String actor) {
        this.id = UUID.randomUUID();
        this.recipientId = recipientId;
        this.recordedAt = now;
        this.recordedBy = actor;
    }
}
