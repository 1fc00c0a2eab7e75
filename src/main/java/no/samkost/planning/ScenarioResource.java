package no.samkost.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Problem;
import no.samkost.planning.ScenarioDtos.ScenarioChange;
import no.samkost.planning.ScenarioDtos.ScenarioInput;
import no.samkost.planning.ScenarioDtos.ScenarioView;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's planning scenarios and their projections; {@code {code}} must be the caller's own. */
@Path("/api/v1/municipalities/{code}/planning/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ScenarioResource {

    private final ScenarioService scenarios;
    private final ScenarioProjections projections;
    private final Clock clock;

    public ScenarioResource(ScenarioService scenarios, ScenarioProjections projections, Clock clock) {
        this.scenarios = scenarios;
        this.projections = projections;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "createScenario",
            summary = "Save a scenario",
            description = "Send an Idempotency-Key to make a retry safe.")
    @APIResponse(
            responseCode = "201",
            description = "created, version 0",
            headers = @Header(name = "Location", description = "the new scenario"),
            content = @Content(schema = @Schema(implementation = ScenarioView.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid body, the field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the name is taken, or the municipality has 200 scenarios")
    public Response create(
            @PathParam("code") @Parameter(description = "municipality number, 4 digits") String code,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull ScenarioInput input) {
        ScenarioService.Created created = scenarios.create(input, Optional.ofNullable(idempotencyKey));
        return Response.created(UriBuilder.fromPath("/api/v1/municipalities/{code}/planning/scenarios/{scenarioId}")
                        .build(code, created.scenario().id()))
                .entity(created.scenario())
                .build();
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(operationId = "listScenarios", summary = "The municipality's scenarios, by name")
    @APIResponse(responseCode = "200", description = "the scenarios")
    public List<ScenarioView> list(@PathParam("code") String code) {
        return scenarios.list();
    }

    @GET
    @Path("/{scenarioId}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(operationId = "getScenario", summary = "One scenario")
    @APIResponse(responseCode = "200", description = "the scenario")
    @APIResponse(responseCode = "404", description = "no such scenario in your municipality")
    public ScenarioView get(@PathParam("code") String code, @PathParam("scenarioId") UUID scenarioId) {
        return scenarios.get(scenarioId);
    }

    @PUT
    @Path("/{scenarioId}")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "updateScenario",
            summary = "Change a scenario as a whole",
            description = "Optimistic concurrency: send the version you read; a stale one answers 409.")
    @APIResponse(responseCode = "200", description = "changed; carries the new version")
    @APIResponse(responseCode = "404", description = "no such scenario in your municipality")
    @APIResponse(responseCode = "409", description = "the version is stale, or the name is taken")
    public ScenarioView update(
            @PathParam("code") String code,
            @PathParam("scenarioId") UUID scenarioId,
            @Valid @NotNull ScenarioChange input) {
        return scenarios.update(scenarioId, input);
    }

    @DELETE
    @Path("/{scenarioId}")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(operationId = "deleteScenario", summary = "Delete a scenario (the audit trail keeps that it was)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such scenario in your municipality")
    public Response delete(@PathParam("code") String code, @PathParam("scenarioId") UUID scenarioId) {
        scenarios.delete(scenarioId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{scenarioId}/projection")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getScenarioProjection",
            summary = "The scenario's projection, year by year",
            description = "Today's recipients (costs in the year before `from`) and the register's ACTIVE youths,"
                    + " priced by the scenario, each resident's grant by the grant calculator under the rules of the"
                    + " grant year projected with the scenario's wage growth and extra step.")
    @APIResponse(
            responseCode = "200",
            description = "one row per year",
            content = @Content(schema = @Schema(implementation = ScenarioProjectionView.class)))
    @APIResponse(responseCode = "400", description = "a parameter out of range, named")
    @APIResponse(responseCode = "404", description = "no such scenario in your municipality")
    public ScenarioProjectionView projection(
            @PathParam("code") String code,
            @PathParam("scenarioId") UUID scenarioId,
            @QueryParam("from") @Parameter(description = "the first year, 2000-2100; default this year") Integer from,
            @QueryParam("years") @Parameter(description = "how many years, 1-15; default 10") Integer years) {
        return projections.projection(scenarioId, PlanningYears.firstYear(from, clock), PlanningYears.years(years, 10));
    }
}
