package no.samkost.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import no.samkost.common.ProblemException;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Expected residents by year and housing form, for the caller's own municipality. */
@Path("/api/v1/municipalities/{code}/planning/demand")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class DemandResource {

    private static final java.util.regex.Pattern RATE =
            java.util.regex.Pattern.compile("0(\\.\\d{1,4})?|1(\\.0{1,4})?");

    private final DemandService service;
    private final Clock clock;

    public DemandResource(DemandService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getHousingDemand",
            summary = "Expected residents per year and housing form",
            description = "Today's recipients (costs in the year before `from`) in their housing form on 1 January of"
                    + " `from`, plus the register's ACTIVE youths from their expected move-out year in their"
                    + " preferred form, less those past the rules' age limit and, at `yearlyExitRate`, those leaving"
                    + " for other reasons.")
    @APIResponse(responseCode = "200", description = "one row per year")
    @APIResponse(responseCode = "400", description = "a parameter out of range, named")
    public DemandView demand(
            @PathParam("code") String code,
            @QueryParam("from") @Parameter(description = "the first year, 2000-2100; default this year") Integer from,
            @QueryParam("years") @Parameter(description = "how many years, 1-15; default 5") Integer years,
            @QueryParam("yearlyExitRate")
                    @Parameter(description = "0 to 1 with at most 4 decimals, e.g. 0.05; default 0")
                    String yearlyExitRate) {
        int first = PlanningYears.firstYear(from, clock);
        int count = PlanningYears.years(years, 5);
        BigDecimal rate = BigDecimal.ZERO;
        if (yearlyExitRate != null) {
            if (!RATE.matcher(yearlyExitRate).matches()) {
                throw ProblemException.invalidField("yearlyExitRate", "a share from 0 to 1 with at most 4 decimals");
            }
            rate = new BigDecimal(yearlyExitRate);
        }
        return service.demand(first, count, rate);
    }
}
