package no.samkost.recipients;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Page;
import no.samkost.common.Problem;
import no.samkost.recipients.RecipientDtos.NewRecipient;
import no.samkost.recipients.RecipientDtos.RecipientUpdate;
import no.samkost.recipients.RecipientDtos.RecipientView;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recipients of one municipality; {@code {code}} must be the caller's own (MunicipalityPathGuard). */
@Path("/api/v1/municipalities/{code}/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "recipients")
public class RecipientResource {

    private final RecipientService service;

    public RecipientResource(RecipientService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "createRecipient",
            summary = "Register a high-cost recipient",
            description = "Send an Idempotency-Key to make a retry safe: the same key and body create one recipient.")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", description = "the new recipient"),
            content = @Content(schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the ref already exists")
    public Response create(
            @PathParam("code") @Parameter(description = "municipality number, 4 digits") String code,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull NewRecipient recipient) {
        RecipientService.Created created = service.create(recipient, Optional.ofNullable(idempotencyKey));
        return Response.created(location(code, created.recipient().ref()))
                .entity(created.recipient())
                .build();
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(operationId = "listRecipients", summary = "List the municipality's recipients, ordered by ref")
    public Page<RecipientView> list(
            @PathParam("code") String code,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(operationId = "getRecipient", summary = "One recipient")
    @APIResponse(responseCode = "200", description = "the recipient")
    @APIResponse(responseCode = "404", description = "no such recipient in your municipality")
    public RecipientView get(@PathParam("code") String code, @PathParam("ref") String ref) {
        return service.get(ref);
    }

    @PUT
    @Path("/{ref}")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "updateRecipient",
            summary = "Update a recipient",
            description = "Optimistic concurrency: send the version you read.")
    @APIResponse(responseCode = "200", description = "updated; carries the new version")
    @APIResponse(responseCode = "409", description = "the version is stale")
    public RecipientView update(
            @PathParam("code") String code, @PathParam("ref") String ref, @Valid @NotNull RecipientUpdate update) {
        return service.update(ref, update);
    }

    static java.net.URI location(String code, String ref) {
        return UriBuilder.fromPath("/api/v1/municipalities/{code}/recipients/{ref}")
                .build(code, ref);
    }
}
