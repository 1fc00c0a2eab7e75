package no.samkost.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import no.samkost.common.CsvBodyWriter;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's key figures per cost year: today's situation and how it developed. */
@Path("/api/v1/municipalities/{code}/key-figures")
@Tag(name = "planning")
public class KeyFiguresResource {

    private final KeyFiguresService service;
    private final Clock clock;

    public KeyFiguresResource(KeyFiguresService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.MEDIA_TYPE})
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getKeyFigures",
            summary = "Key figures per cost year",
            description = "Recipients by user group and housing form, costs, grant, net cost, net cost per recipient"
                    + " (mean and median) and per inhabitant, and the grant's share of the costs, from each year's"
                    + " claim. Accept: text/csv gives one row per year. At most 15 years; default the last five.")
    @APIResponse(
            responseCode = "200",
            description = "one entry per cost year",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = KeyFiguresView.class)),
                @Content(mediaType = CsvBodyWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", description = "a year out of range, named")
    public KeyFiguresView keyFigures(
            @PathParam("code") String code,
            @QueryParam("from") @Parameter(description = "the first cost year; default to - 4") Integer from,
            @QueryParam("to") @Parameter(description = "the last cost year; default last year") Integer to) {
        CostYearRange years = CostYearRange.of(from, to, clock);
        return service.keyFigures(years.from(), years.to());
    }
}
