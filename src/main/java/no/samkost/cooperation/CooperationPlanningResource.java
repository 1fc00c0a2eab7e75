package no.samkost.cooperation;

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
import java.time.Clock;
import no.samkost.common.CsvBodyWriter;
import no.samkost.cooperation.api.CooperationKeyFiguresView;
import no.samkost.cooperation.api.CooperationSensitivityView;
import no.samkost.cooperation.api.PlaceRequest;
import no.samkost.planning.CostYearRange;
import no.samkost.planning.SensitivityQuery;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cooperation's planning views: its members' key figures and sensitivity side by side, aggregates only. */
@Path("/api/v1/cooperations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cooperation")
public class CooperationPlanningResource {

    private final CooperationKeyFigures keyFigures;
    private final CooperationSensitivity sensitivity;
    private final Clock clock;

    public CooperationPlanningResource(
            CooperationKeyFigures keyFigures, CooperationSensitivity sensitivity, Clock clock) {
        this.keyFigures = keyFigures;
        this.sensitivity = sensitivity;
        this.clock = clock;
    }

    @GET
    @Path("/key-figures")
    @Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.MEDIA_TYPE})
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(
            operationId = "getCooperationKeyFigures",
            summary = "Each member's key figures per cost year, and the cooperation's",
            description = "The municipality key figures of each member, computed in its own ledger, and of all members'"
                    + " recipients together (mean and median over them, not a median of medians). Another member's row"
                    + " resting on fewer than the agreement's minimumCellSize recipients is null, with whatever would"
                    + " let it be worked out (rows, totals, counts by group, housing form or unknown grant); each is"
                    + " named in the year's suppressed. Accept: text/csv gives a row per year and member and a TOTAL"
                    + " row per year. At most 15 years; default the last five.")
    @APIResponse(
            responseCode = "200",
            description = "one entry per cost year",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = CooperationKeyFiguresView.class)),
                @Content(mediaType = CsvBodyWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", description = "a year out of range, named")
    @APIResponse(responseCode = "403", description = "not a cooperation of your municipality")
    public CooperationKeyFiguresView keyFigures(
            @PathParam("id") String id,
            @QueryParam("from") @Parameter(description = "the first cost year; default to - 4") Integer from,
            @QueryParam("to") @Parameter(description = "the last cost year; default last year") Integer to) {
        CostYearRange years = CostYearRange.of(from, to, clock);
        return keyFigures.keyFigures(id, years.from(), years.to());
    }

    @GET
    @Path("/planning/sensitivity/{costYear}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(
            operationId = "getCooperationSensitivity",
            summary = "Every member's net cost with k more or fewer recipients of a group, side by side",
            description = "Per member, as its own sensitivity: each recipient added or removed at the group's median"
                    + " annual cost in its own ledger, with the grant of that cost. And per joint service (or the one"
                    + " in jointService), each recipient added served there instead, at a place's cost: the year's"
                    + " price of care x usageHoursPerWeek x the year's days, plus the shared costs / capacity. Under the"
                    + " small-number rule, as the key figures of the year.")
    @APIResponse(responseCode = "200", description = "the members side by side")
    @APIResponse(responseCode = "400", description = "a parameter out of range, named")
    @APIResponse(responseCode = "403", description = "not a cooperation of your municipality")
    @APIResponse(
            responseCode = "404",
            description = "no rules for grant year costYear + 1, or no joint service jointService in the cooperation")
    @APIResponse(
            responseCode = "409",
            description = "the year's rules lack a value (rules-incomplete), or the joint service gave no care in it")
    public CooperationSensitivityView sensitivity(
            @PathParam("id") String id,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @QueryParam("userGroup")
                    @Parameter(
                            description = "INTELLECTUAL_DISABILITY, MENTAL_HEALTH_SUBSTANCE, SOMATIC or OTHER; absent:"
                                    + " every group")
                    String userGroup,
            @QueryParam("from") @DefaultValue("-2") @Parameter(description = "-20 to 20, default -2") int from,
            @QueryParam("to") @DefaultValue("3") @Parameter(description = "-20 to 20, default 3") int to,
            @QueryParam("jointService")
                    @Parameter(description = "one joint service of the cooperation; absent: each that gave care")
                    String jointService,
            @QueryParam("usageHoursPerWeek")
                    @Parameter(description = "the care an added recipient needs in a joint service; default 20")
                    String usageHoursPerWeek) {
        return sensitivity.sensitivity(
                id,
                costYear,
                SensitivityQuery.of(userGroup, from, to),
                PlaceRequest.of(jointService, usageHoursPerWeek));
    }
}
