package no.samkost.reimbursement;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ClaimSubmission",
        description = "One submission of a claim: its snapshot's hash, who signed it when, and what the auditor or the"
                + " coordinator did with it since. snapshotSha256 is the lower-case hex SHA-256 of the snapshot's"
                + " canonical JSON (UTF-8 bytes).")
public record SubmissionView(
        @Schema(description = "municipality number") String municipality,
        int costYear,
        int grantYear,
        @Schema(description = "1 for the first submission of the year, 2 for the next, ...") int number,
        @Schema(
                        description =
                                "the claim's state this submission stands for: SUBMITTED, ATTESTED, RETURNED, or OPEN"
                                        + " once the coordinator reopened it")
                ClaimState state,
        String snapshotSha256,
        @Schema(description = "the coordinator who signed (the token's sub)") String submittedBy,
        Instant submittedAt,
        @Schema(nullable = true) String attestedBy,
        @Schema(nullable = true) Instant attestedAt,
        @Schema(nullable = true, description = "the auditor's remark at attestation") String attestationRemark,
        @Schema(nullable = true) String returnedBy,
        @Schema(nullable = true) Instant returnedAt,
        @Schema(nullable = true, description = "why the auditor returned it") String returnReason,
        @Schema(nullable = true) String reopenedBy,
        @Schema(nullable = true) Instant reopenedAt,
        @Schema(nullable = true, description = "why the coordinator reopened it") String reopenReason,
        @Schema(
                        nullable = true,
                        description = "the snapshot's canonical JSON, in the list of submissions (null elsewhere):"
                                + " sha256 of its UTF-8 bytes is snapshotSha256")
                String snapshot) {

    static SubmissionView of(ClaimSubmission s, String municipalityCode, boolean withSnapshot) {
        boolean returned = s.state == ClaimSubmission.State.RETURNED;
        boolean reopened = s.state == ClaimSubmission.State.REOPENED;
        return new SubmissionView(
                municipalityCode,
                s.costYear,
                s.costYear + 1,
                s.number,
                s.claimState(),
                s.snapshotSha256,
                s.submittedBy,
                s.submittedAt,
                s.attestedBy,
                s.attestedAt,
                s.attestationRemark,
                returned ? s.endedBy : null,
                returned ? s.endedAt : null,
                returned ? s.endReason : null,
                reopened ? s.endedBy : null,
                reopened ? s.endedAt : null,
                reopened ? s.endReason : null,
                withSnapshot ? s.snapshot : null);
    }
}
