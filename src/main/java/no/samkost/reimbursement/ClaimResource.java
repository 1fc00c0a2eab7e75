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
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/municipalities/{code}/claims")
@Tag(name = "reimbursement")
public class ClaimResource {

    private final ClaimService claims;

    public ClaimResource(ClaimService claims) {
        this.claims = claims;
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
                    + "recomputes them from the ledger and lists the differences from the latest snapshot.")
    @APIResponse(
            responseCode = "200",
            description = "the claim",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)),
                @Content(mediaType = ClaimCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "404", description = "no rules for grant year costYear + 1")
    public ClaimView claim(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @QueryParam("live") @DefaultValue("false") boolean live) {
        return claims.claim(costYear, live);
    }
}
