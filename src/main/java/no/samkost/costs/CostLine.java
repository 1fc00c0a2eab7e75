package no.samkost.costs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One ledger line; never changed once written (corrections are new lines). */
@Entity
@Immutable
@Table(name = "cost_line")
public class CostLine {
    /** The ledger's order; never shown: one sequence serves every municipality. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /** The line's id in the API: random, so no gap between a municipality's ids counts anyone else's lines. */
    @Column(name = "line_id", nullable = false, updatable = false)
    UUID lineId = UUID.randomUUID();

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(name = "recipient_id", nullable = false)
    UUID recipientId;

    /** The first day of the month the cost belongs to. */
    @Column(nullable = false)
    LocalDate period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CostCategory category;

    @Column(nullable = false, precision = 15, scale = 2)
    BigDecimal amount;

    String note;

    @Column(name = "import_id")
    UUID importId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    protected CostLine() {}

    CostLine(UUID recipientId, CostLineRules.ValidLine line, Instant createdAt, String createdBy) {
        this.recipientId = recipientId;
        this.period = line.period().atDay(1);
        this.category = line.category();
        this.amount = line.amount();
        this.note = line.note();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }
}
