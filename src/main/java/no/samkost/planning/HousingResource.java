package no.samkost.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import no.samkost.planning.HousingDtos.HousingView;
import no.samkost.planning.HousingDtos.NewHousing;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where a recipient lives (housing form and base level), as a dated history. */
@Path("/api/v1/municipalities/{code}/recipients/{ref}/housing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class HousingResource {

    private final HousingService service;

    public HousingResource(HousingService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "addRecipientHousing",
            summary = "Record where a recipient lives from a day on",
            description = "Added to the history, never changed: a correction is a new row for the same or a later day.")
    @APIResponse(
            responseCode = "201",
            description = "recorded",
            content = @Content(schema = @Schema(implementation = HousingView.class)))
    @APIResponse(responseCode = "404", description = "no such recipient in your municipality")
    public Response add(
            @PathParam("code") String code, @PathParam("ref") String ref, @Valid @NotNull NewHousing housing) {
        return Response.status(Response.Status.CREATED)
                .entity(service.add(ref, housing))
                .build();
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(operationId = "listRecipientHousing", summary = "Where a recipient has lived, the earliest day first")
    @APIResponse(responseCode = "200", description = "the history")
    @APIResponse(responseCode = "404", description = "no such recipient in your municipality")
    public List<HousingView> history(@PathParam("code") String code, @PathParam("ref") String ref) {
        return service.history(ref);
    }
}
