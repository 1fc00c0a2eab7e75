package no.samkost.audit;

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
import no.samkost.common.Page;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The municipality's audit trail, for its auditor. */
@Path("/api/v1/municipalities/{code}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

    private final AuditReader reader;

    public AuditResource(AuditReader reader) {
        this.reader = reader;
    }

    @GET
    @RolesAllowed(Role.AUDITOR)
    @Operation(
            operationId = "getAuditTrail",
            summary = "The municipality's audit trail, newest first (the auditor)",
            description = "Who read or wrote recipient-level data, and every step of a claim's sign-off. from and to"
                    + " are dates (a whole day, UTC) or instants; from inclusive, to exclusive (a date: up to its end);"
                    + " actor matches exactly. This read is itself recorded.")
    public Page<AuditEntryView> trail(
            @PathParam("code") String code,
            @QueryParam("from") @Parameter(description = "2024-03-01 or 2024-03-01T12:00:00Z") String from,
            @QueryParam("to") @Parameter(description = "2024-03-31 or 2024-04-01T00:00:00Z") String to,
            @QueryParam("actor") @Parameter(description = "the actor, exactly (a token's sub)") String actor,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reader.page(from, to, actor, page, size);
    }
}
