package no.samkost.planning;

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
import java.math.BigDecimal;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.api.PlaceRequest;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How sensitive the caller's net cost is to the number of recipients in a group. */
@Path("/api/v1/municipalities/{code}/planning/sensitivity/{costYear}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class SensitivityResource {

    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

    private final SensitivityService service;

    public SensitivityResource(SensitivityService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getSensitivity",
            summary = "The net cost with k more or fewer recipients of a group",
            description = "From the year's claim: each recipient added or removed costs the group's median annual cost"
                    + " that year (or annualCost) and brings the grant that cost gives under the year's rules, so one"
                    + " more recipient costs the municipality marginalNetCost.")
    @APIResponse(responseCode = "200", description = "one step per k from `from` to `to`")
    @APIResponse(responseCode = "400", description = "a parameter out of range, named")
    @APIResponse(
            responseCode = "404",
            description = "no rules for grant year costYear + 1, or no joint service jointService in your cooperations")
    @APIResponse(
            responseCode = "409",
            description = "a grant in the year cannot be computed (rules-incomplete), or the joint service gave no"
                    + " care in the year")
    public SensitivityView sensitivity(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @QueryParam("userGroup")
                    @Parameter(
                            description = "INTELLECTUAL_DISABILITY, MENTAL_HEALTH_SUBSTANCE, SOMATIC or OTHER; absent:"
                                    + " every group")
                    String userGroup,
            @QueryParam("from")
                    @Parameter(
                            description = "-20 to 20, not below minus the group's recipients; default -2, or minus"
                                    + " the group's recipients when it has fewer")
                    Integer from,
            @QueryParam("to") @DefaultValue("3") @Parameter(description = "-20 to 20, default 3") int to,
            @QueryParam("annualCost")
                    @Parameter(description = "NOK a year for each recipient added or removed; default the median")
                    String annualCost,
            @QueryParam("jointService")
                    @Parameter(
                            description = "a joint service of one of your cooperations: also the variant where each"
                                    + " recipient added is served there, at a place's cost")
                    String jointService,
            @QueryParam("usageHoursPerWeek")
                    @Parameter(description = "with jointService: the added recipient's care there; default 20")
                    String usageHoursPerWeek) {
        // Without a from, only to's range is checked here; where the steps start depends on the group.
        SensitivityQuery query = SensitivityQuery.of(
                userGroup, from != null ? from : Math.max(-20, Math.min(SensitivityQuery.DEFAULT_FROM, to)), to);
        BigDecimal cost = null;
        if (annualCost != null) {
            if (!AMOUNT.matcher(annualCost).matches()) {
                throw ProblemException.invalidField("annualCost", "NOK from 0 to 999999999 with at most 2 decimals");
            }
            cost = new BigDecimal(annualCost);
        }
        return service.sensitivity(
                costYear, query.group(), from, query.to(), cost, PlaceRequest.of(jointService, usageHoursPerWeek));
    }
}
