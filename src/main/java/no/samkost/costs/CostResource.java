package no.samkost.costs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.ImportResult;
import no.samkost.common.ImportSlots;
import no.samkost.common.Page;
import no.samkost.costs.CostDtos.CostLineView;
import no.samkost.costs.CostDtos.MonthlyCosts;
import no.samkost.costs.CostDtos.NewCostLine;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cost ledger of one municipality; {@code {code}} must be the caller's own. */
@Path("/api/v1/municipalities/{code}/costs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "costs")
public class CostResource {

    private final CostService costs;
    private final CostImport imports;
    private final ImportSlots slots;

    public CostResource(CostService costs, CostImport imports, ImportSlots slots) {
        this.slots = slots;
        this.costs = costs;
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "addCostLine",
            summary = "Append one cost line",
            description = "History is never overwritten: a correction is a new "
                    + "line with a negative amount and a note. Send an Idempotency-Key to make a retry safe.")
    @APIResponse(
            responseCode = "201",
            description = "appended",
            headers = @Header(name = "Location", description = "the new line"),
            content = @Content(schema = @Schema(implementation = CostLineView.class)))
    @APIResponse(responseCode = "400", description = "invalid line; errors name the fields")
    @APIResponse(responseCode = "422", description = "no such recipient in your municipality")
    public Response add(
            @PathParam("code") String code,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull NewCostLine line) {
        CostLineView added =
                costs.add(line, Optional.ofNullable(idempotencyKey)).line();
        return Response.created(UriBuilder.fromPath("/api/v1/municipalities/{code}/costs/{id}")
                        .build(code, added.id()))
                .entity(added)
                .build();
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "importCostLines",
            summary = "Import cost lines from CSV, all rows or none",
            description = "Header: " + CostImport.HEADER + " (note optional). A bad row rejects the whole import "
                    + "with 422 and one error per bad row (row = 1-based data row number). The body is streamed. "
                    + "With an Idempotency-Key, a retried import is a no-op that answers as the first did.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            examples = CostImport.HEADER
                                                    + "\nR-17,2023-01,DIRECT_WAGES,265000.00,"
                                                    + "\nR-17,2023-01,DIRECT_WAGES,-1500.00,overtime booked twice")))
    @APIResponse(
            responseCode = "200",
            description = "every row imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "422", description = "bad rows; nothing imported")
    public ImportResult importCsv(
            @PathParam("code") String code,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            InputStream body) {
        try (ImportSlots.Slot slot = slots.take()) {
            return imports.importCsv(body, Optional.ofNullable(idempotencyKey));
        }
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(
            operationId = "listCostLines",
            summary = "Cost lines, in ledger order, optionally of one year and/or one recipient")
    public Page<CostLineView> list(
            @PathParam("code") String code,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("recipient") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a recipient ref")
                    String recipientRef,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return costs.list(year, recipientRef, page, size);
    }

    @GET
    @Path("/monthly")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(
            operationId = "monthlyCosts",
            summary = "The ledger's sums per month and category for one year",
            description = "Every month of the year and every category, 0.00 where there is no line; the web "
                    + "front end's cost chart shows exactly these figures.")
    public MonthlyCosts monthly(
            @PathParam("code") String code, @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return costs.monthly(year);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(operationId = "getCostLine", summary = "One cost line")
    @APIResponse(responseCode = "200", description = "the line")
    @APIResponse(responseCode = "404", description = "no such line in your municipality")
    public CostLineView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return costs.get(id);
    }
}
