package no.samkost.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import no.samkost.common.ProblemException;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Two of the caller's scenarios side by side, and what one changes against the other. */
@Path("/api/v1/municipalities/{code}/planning/comparison")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ScenarioComparisonResource {

    private static final String ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern TWO_IDS = Pattern.compile(ID + "," + ID);

    private final ScenarioProjections projections;
    private final Clock clock;

    public ScenarioComparisonResource(ScenarioProjections projections, Clock clock) {
        this.projections = projections;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "compareScenarios",
            summary = "Two scenarios year by year, and the difference split into gross, state share and net")
    @APIResponse(
            responseCode = "200",
            description = "one row per year",
            content = @Content(schema = @Schema(implementation = ScenarioComparisonView.class)))
    @APIResponse(responseCode = "400", description = "a parameter out of range, named")
    @APIResponse(responseCode = "404", description = "a scenario is not in your municipality")
    public ScenarioComparisonView compare(
            @PathParam("code") String code,
            @QueryParam("scenarios")
                    @Parameter(
                            required = true,
                            description = "two scenario ids, base first: `base,alternative`; the difference is"
                                    + " alternative - base")
                    String scenarios,
            @QueryParam("from") @Parameter(description = "the first year, 2000-2100; default this year") Integer from,
            @QueryParam("years") @Parameter(description = "how many years, 1-15; default 10") Integer years) {
        if (scenarios == null || !TWO_IDS.matcher(scenarios).matches()) {
            throw ProblemException.invalidField("scenarios", "two scenario ids separated by a comma: base,alternative");
        }
        String[] ids = scenarios.split(",");
        return projections.comparison(
                UUID.fromString(ids[0]),
                UUID.fromString(ids[1]),
                PlanningYears.firstYear(from, clock),
                PlanningYears.years(years, 10));
    }
}
