package no.samkost.reimbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An estimate saved as a forecast: its canonical JSON and SHA-256, never changed. */
@Entity
@Table(name = "claim_forecast")
public class ClaimForecast {

    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(name = "cost_year", nullable = false, updatable = false)
    int costYear;

    @Column(nullable = false, updatable = false)
    String label;

    @Column(nullable = false, updatable = false)
    String snapshot;

    @Column(name = "snapshot_sha256", nullable = false, updatable = false)
    String snapshotSha256;

    @Column(name = "made_at", nullable = false, updatable = false)
    Instant madeAt;

    @Column(name = "made_by", nullable = false, updatable = false)
    String madeBy;

    protected ClaimForecast() {}

    ClaimForecast(int costYear, String label, CanonicalSnapshot snapshot, Instant at, String by) {
        this.id = UUID.randomUUID();
        this.costYear = costYear;
        this.label = label;
        this.snapshot = snapshot.text();
        this.snapshotSha256 = snapshot.sha256();
        this.madeAt = at;
        this.madeBy = by;
    }
}
