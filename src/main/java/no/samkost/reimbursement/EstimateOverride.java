package no.samkost.reimbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The coordinator's expectation for one recipient in one cost year (see ClaimEstimate). */
@Entity
@Table(name = "estimate_override")
@IdClass(EstimateOverride.Key.class)
public class EstimateOverride {

    /** A cost year and a recipient, within the tenant. */
    public static class Key implements Serializable {
        int costYear;
        UUID recipientId;

        public Key() {}

        Key(int costYear, UUID recipientId) {
            this.costYear = costYear;
            this.recipientId = recipientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.costYear == costYear && Objects.equals(k.recipientId, recipientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(costYear, recipientId);
        }
    }

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Id
    @Column(name = "cost_year", nullable = false, updatable = false)
    int costYear;

    @Id
    @Column(name = "recipient_id", nullable = false, updatable = false)
    UUID recipientId;

    @Column(name = "end_month")
    Integer endMonth;

    @Column(name = "monthly_direct_wage_costs")
    BigDecimal monthlyDirectWageCosts;

    @Column(name = "from_month")
    Integer fromMonth;

    @Version
    long version;

    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    String changedBy;

    protected EstimateOverride() {}

    EstimateOverride(int costYear, UUID recipientId) {
        this.costYear = costYear;
        this.recipientId = recipientId;
    }
}
