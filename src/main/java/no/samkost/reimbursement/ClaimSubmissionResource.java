package no.samkost.reimbursement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import no.samkost.common.IdempotentRequests;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The claim's sign-off: submit (coordinator), attest or return (auditor), reopen (coordinator). */
@Path("/api/v1/municipalities/{code}/claims/{costYear}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reimbursement")
public class ClaimSubmissionResource {

    private final ClaimSubmissions submissions;

    public ClaimSubmissionResource(ClaimSubmissions submissions) {
        this.submissions = submissions;
    }

    @POST
    @Path("/submission")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "submitClaim",
            summary = "Sign and submit the claim: freeze its snapshot and close the cost year",
            description = "Freezes every line, the rules used and their verification status as canonical JSON with"
                    + " its SHA-256, and closes the cost year: no ledger line of that year is written any more, by"
                    + " anyone, until the auditor returns the claim or the coordinator reopens it. Send an"
                    + " Idempotency-Key to make a retry safe.")
    @APIResponse(
            responseCode = "200",
            description = "submitted: state SUBMITTED",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "404", description = "no rules for grant year costYear + 1")
    @APIResponse(responseCode = "409", description = "the claim is already SUBMITTED or ATTESTED (claim-state)")
    public SubmissionView submit(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return submissions.submit(costYear, Optional.ofNullable(idempotencyKey));
    }

    @POST
    @Path("/submission/attestation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.AUDITOR)
    @Operation(
            operationId = "attestClaim",
            summary = "Attest the submitted claim (the auditor), with an optional remark",
            description = "The cost year stays closed; after attestation only the auditor's return reopens it."
                    + " The auditor who attests is not the coordinator who signed.")
    @APIResponse(
            responseCode = "200",
            description = "attested: state ATTESTED",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "the claim is not SUBMITTED (claim-state)")
    public SubmissionView attest(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid SignOffRequests.Attestation attestation) {
        return submissions.attest(
                costYear, attestation == null ? null : attestation.remark(), Optional.ofNullable(idempotencyKey));
    }

    @POST
    @Path("/submission/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.AUDITOR)
    @Operation(
            operationId = "returnClaim",
            summary = "Return the claim to the coordinator with a reason (the auditor); the year opens again",
            description = "From SUBMITTED or ATTESTED. The snapshot is kept; a resubmission makes a new one.")
    @APIResponse(
            responseCode = "200",
            description = "returned: state RETURNED",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "the claim is not SUBMITTED or ATTESTED (claim-state)")
    public SubmissionView giveBack(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull SignOffRequests.Reason request) {
        return submissions.giveBack(costYear, request.reason(), Optional.ofNullable(idempotencyKey));
    }

    @POST
    @Path("/submission/reopening")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "reopenClaim",
            summary = "Reopen the submitted claim with a reason (the coordinator, before attestation)",
            description = "The year opens again (state OPEN); the snapshot is kept.")
    @APIResponse(
            responseCode = "200",
            description = "reopened: state OPEN",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "the claim is not SUBMITTED, e.g. ATTESTED (claim-state)")
    public SubmissionView reopen(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull SignOffRequests.Reason request) {
        return submissions.reopen(costYear, request.reason(), Optional.ofNullable(idempotencyKey));
    }

    @GET
    @Path("/submissions")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(
            operationId = "listClaimSubmissions",
            summary = "Every submission of the year's claim with its snapshot (canonical JSON), the latest first",
            description = "sha256 of each snapshot's UTF-8 bytes is its snapshotSha256; the README describes the"
                    + " canonical form.")
    @APIResponse(
            responseCode = "200",
            description = "the submissions, the latest first (none: an empty list)",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                            implementation = SubmissionView.class)))
    @APIResponse(responseCode = "404", description = "no rules for grant year costYear + 1")
    public List<SubmissionView> list(
            @PathParam("code") String code, @PathParam("costYear") @Min(2000) @Max(2100) int costYear) {
        return submissions.list(costYear);
    }
}
