package no.samkost.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;

/**
 * A municipality's planning scenario: its scalar assumptions as columns, its lists as one JSON
 * document ({@link ScenarioDtos.Parameters}) that {@link ScenarioService} validates and reads.
 */
@Entity
@Table(name = "scenario")
public class Scenario {
    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(nullable = false)
    String name;

    @Column(name = "yearly_wage_growth", nullable = false)
    BigDecimal yearlyWageGrowth;

    @Column(name = "yearly_extra_step", nullable = false)
    BigDecimal yearlyExtraStep;

    @Column(name = "yearly_exit_rate", nullable = false)
    BigDecimal yearlyExitRate;

    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    String parameters;

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

    protected Scenario() {}

    Scenario(Instant now, String actor) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        this.createdBy = actor;
    }
}
