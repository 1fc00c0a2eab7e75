package no.samkost.planning;

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
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.ImportResult;
import no.samkost.common.ImportSlots;
import no.samkost.common.Page;
import no.samkost.common.Problem;
import no.samkost.planning.NeedDtos.ConversationView;
import no.samkost.planning.NeedDtos.NeedUpdate;
import no.samkost.planning.NeedDtos.NeedView;
import no.samkost.planning.NeedDtos.NewConversation;
import no.samkost.planning.NeedDtos.NewNeed;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The future-needs register of one municipality (early intervention: youths with disabilities from
 * age 14 and their families' expectations of housing after moving out); {@code {code}} must be the
 * caller's own (MunicipalityPathGuard).
 */
@Path("/api/v1/municipalities/{code}/needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class NeedResource {

    private final NeedService service;
    private final NeedImport imports;
    private final ImportSlots slots;

    public NeedResource(NeedService service, NeedImport imports, ImportSlots slots) {
        this.service = service;
        this.imports = imports;
        this.slots = slots;
    }

    @POST
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "createNeed",
            summary = "Enter a youth in the future-needs register",
            description = "Send an Idempotency-Key to make a retry safe. The answers come with each conversation.")
    @APIResponse(
            responseCode = "201",
            description = "created, ACTIVE",
            headers = @Header(name = "Location", description = "the new entry"),
            content = @Content(schema = @Schema(implementation = NeedView.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the ref already exists")
    public Response create(
            @PathParam("code") @Parameter(description = "municipality number, 4 digits") String code,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull NewNeed need) {
        NeedService.Created created = service.create(need, Optional.ofNullable(idempotencyKey));
        return Response.created(UriBuilder.fromPath("/api/v1/municipalities/{code}/needs/{needRef}")
                        .build(code, created.need().ref()))
                .entity(created.need())
                .build();
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "importNeeds",
            summary = "Enter youths in the register from CSV, each with its first conversation; all rows or none",
            description = "Header: " + NeedCsvRow.HEADER + ". Every column is present in every row; status (empty:"
                    + " ACTIVE; not BECAME_RECIPIENT), expected_move_out_year (empty: not known), housing_form,"
                    + " base_level and the hours may be empty. A row is refused as the JSON API would refuse the"
                    + " entry or its conversation; a ref already in the register, or given twice, is a bad row."
                    + " Any bad row rejects the whole import with 422 and one error per bad row (row = 1-based"
                    + " data row, field = the bad column when there is one). The body is streamed. With an"
                    + " Idempotency-Key, a retried import is a no-op that answers as the first did.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING, examples = NeedCsvRow.EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "every row imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "422", description = "bad rows, each named; nothing imported")
    @APIResponse(responseCode = "503", description = "too many imports at once; nothing was read or written")
    public ImportResult importCsv(
            @PathParam("code") String code,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            InputStream body) {
        try (ImportSlots.Slot slot = slots.take()) {
            return imports.importCsv(body, Optional.ofNullable(idempotencyKey));
        }
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(operationId = "listNeeds", summary = "The register's entries, ordered by ref")
    public Page<NeedView> list(
            @PathParam("code") String code,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{needRef}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(operationId = "getNeed", summary = "One entry with its latest answers")
    @APIResponse(responseCode = "200", description = "the entry")
    @APIResponse(responseCode = "404", description = "no such entry in your municipality")
    public NeedView get(@PathParam("code") String code, @PathParam("needRef") String needRef) {
        return service.get(needRef);
    }

    @PUT
    @Path("/{needRef}")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "updateNeed",
            summary = "Correct an entry or change its status",
            description = "Optimistic concurrency: send the version you read. BECAME_RECIPIENT links the recipient.")
    @APIResponse(responseCode = "200", description = "updated; carries the new version")
    @APIResponse(responseCode = "409", description = "the version is stale")
    public NeedView update(
            @PathParam("code") String code, @PathParam("needRef") String needRef, @Valid @NotNull NeedUpdate update) {
        return service.update(needRef, update);
    }

    @POST
    @Path("/{needRef}/conversations")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "addNeedConversation",
            summary = "Record a conversation with the family",
            description = "Kept as held, never changed; the newest conversation's answers become the entry's.")
    @APIResponse(
            responseCode = "201",
            description = "recorded",
            content = @Content(schema = @Schema(implementation = ConversationView.class)))
    @APIResponse(responseCode = "404", description = "no such entry in your municipality")
    public Response addConversation(
            @PathParam("code") String code,
            @PathParam("needRef") String needRef,
            @Valid @NotNull NewConversation conversation) {
        return Response.status(Response.Status.CREATED)
                .entity(service.addConversation(needRef, conversation))
                .build();
    }

    @GET
    @Path("/{needRef}/conversations")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(operationId = "listNeedConversations", summary = "Every conversation of an entry, the oldest first")
    @APIResponse(responseCode = "200", description = "the conversations")
    @APIResponse(responseCode = "404", description = "no such entry in your municipality")
    public List<ConversationView> conversations(@PathParam("code") String code, @PathParam("needRef") String needRef) {
        return service.conversations(needRef);
    }
}
