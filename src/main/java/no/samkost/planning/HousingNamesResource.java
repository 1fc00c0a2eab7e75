package no.samkost.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.samkost.common.Problem;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The names the caller's municipality gives its housing forms and base levels. */
@Path("/api/v1/municipalities/{code}/planning/housing-names")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class HousingNamesResource {

    private final HousingNames names;

    public HousingNamesResource(HousingNames names) {
        this.names = names;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getHousingNames",
            summary = "The housing forms' and base levels' names",
            description = "Drammen's names unless the municipality has given its own.")
    @APIResponse(
            responseCode = "200",
            description = "every form and level with its name",
            content = @Content(schema = @Schema(implementation = HousingNames.View.class)))
    public HousingNames.View get(@PathParam("code") String code) {
        return names.names();
    }

    @PUT
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "changeHousingNames",
            summary = "Give the housing forms and base levels the municipality's own names",
            description = "Replaces the municipality's names as a whole: a form or level left out gets its default"
                    + " name back. The codes the data holds do not change.")
    @APIResponse(
            responseCode = "200",
            description = "the names now",
            content = @Content(schema = @Schema(implementation = HousingNames.View.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid body, the field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HousingNames.View change(@PathParam("code") String code, @Valid @NotNull HousingNames.Change change) {
        return names.change(change);
    }
}
