package no.samkost.reimbursement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{code}/claims")
@Tag(name = "reimbursement")
public class ClaimResource {

    private final ClaimService claims;
    private final ClaimSubmissions submissions;

    public ClaimResource(ClaimService claims, ClaimSubmissions submissions) {
        this.claims = claims;
        this.submissions = submissions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(
            operationId = "listSubmittedClaims",
            summary = "Where each submitted claim stands: the latest submission of every cost year ever submitted",
            description = "The latest year first; each with its state, snapshotSha256, who signed when and what"
                    + " the auditor or the coordinator did since. No figures and no snapshot text: read those"
                    + " per cost year. A year never submitted is not listed (its claim is OPEN).")
    @APIResponse(
            responseCode = "200",
            description = "the latest submission of each cost year (none: an empty list)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SubmissionView.class)))
    public List<SubmissionView> submitted(@PathParam("code") String code) {
        return submissions.latestOfEachYear();
    }

    @GET
    @Path("/{costYear}")
    @Produces({MediaType.APPLICATION_JSON, ClaimCsv.MEDIA_TYPE})
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(
            operationId = "getClaim",
            summary = "The state reimbursement claim for a year's costs",
            description = "Addressed by the cost year; computed under the rules of grant year costYear + 1. "
                    + "Every recipient with any cost line in the year appears. Accept: text/csv gives one row per recipient. "
                    + "state says where the claim stands; once SUBMITTED or ATTESTED the figures are the "
                    + "submission's snapshot (the CSV ends with a line holding its SHA-256); live=true "
                    + "recomputes them from the ledger and lists the differences from the latest snapshot. "
                    + "A grant year without published figures (up to ten years ahead) is computed under projected "
                    + "rules: rules.status PROJECTED, with the assumptions (yearlyWageGrowth, yearlyExtraStep "
                    + "override the defaults); such a claim cannot be submitted.")
    @APIResponse(
            responseCode = "200",
            description = "the claim",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)),
                @Content(mediaType = ClaimCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "404", description = "no rules for grant year costYear + 1, not even projected ones")
    public ClaimView claim(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @QueryParam("live") @DefaultValue("false") boolean live,
            @QueryParam("yearlyWageGrowth")
                    @Parameter(description = "with projected rules: the yearly wage growth, 0.043 for 4.3 %")
                    String yearlyWageGrowth,
            @QueryParam("yearlyExtraStep")
                    @Parameter(
                            description =
                                    "with projected rules: NOK added to the threshold each year above wage" + " growth")
                    String yearlyExtraStep) {
        return claims.claim(costYear, live, ProjectionRequest.of(yearlyWageGrowth, yearlyExtraStep));
    }
}
