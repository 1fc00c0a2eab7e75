package no.samkost.reimbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One submission of a claim: the frozen snapshot (canonical JSON) and its SHA-256, who signed it,
 * and what happened to it since. The snapshot never changes; a resubmission is a new row.
 */
@Entity
@Table(name = "claim_submission")
public class ClaimSubmission {

    /** A submission's own state; the claim's state is its latest submission's (REOPENED: OPEN). */
    public enum State {
        SUBMITTED,
        ATTESTED,
        RETURNED,
        REOPENED
    }

    @Id
    UUID id;

    @TenantId
    @Column(name = "municipality_id", nullable = false, updatable = false)
    String municipalityId;

    @Column(name = "cost_year", nullable = false, updatable = false)
    int costYear;

    @Column(nullable = false, updatable = false)
    int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    State state;

    @Column(nullable = false, updatable = false)
    String snapshot;

    @Column(name = "snapshot_sha256", nullable = false, updatable = false)
    String snapshotSha256;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    String submittedBy;

    @Column(name = "attested_at")
    Instant attestedAt;

    @Column(name = "attested_by")
    String attestedBy;

    @Column(name = "attestation_remark")
    String attestationRemark;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "ended_by")
    String endedBy;

    @Column(name = "end_reason")
    String endReason;

    protected ClaimSubmission() {}

    ClaimSubmission(int costYear, int number, CanonicalSnapshot snapshot, Instant at, String by) {
        this.id = UUID.randomUUID();
        this.costYear = costYear;
        this.number = number;
        this.state = State.SUBMITTED;
        this.snapshot = snapshot.text();
        this.snapshotSha256 = snapshot.sha256();
        this.submittedAt = at;
        this.submittedBy = by;
    }

    /** The claim's state while this is the latest submission. */
    ClaimState claimState() {
        return switch (state) {
            case SUBMITTED -> ClaimState.SUBMITTED;
            case ATTESTED -> ClaimState.ATTESTED;
            case RETURNED -> ClaimState.RETURNED;
            case REOPENED -> ClaimState.OPEN;
        };
    }
}
