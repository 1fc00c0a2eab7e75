package no.samkost.cooperation;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.samkost.cooperation.api.ComparisonView;
import no.samkost.cooperation.api.CooperationView;
import no.samkost.cooperation.api.PooledView;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's cooperations and their pooled figures; {@code {id}} must be one the caller is in. */
@Path("/api/v1/cooperations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cooperation")
public class CooperationResource {

    private final Cooperations cooperations;
    private final PooledFigures pooled;
    private final CostComparison comparison;

    public CooperationResource(Cooperations cooperations, PooledFigures pooled, CostComparison comparison) {
        this.cooperations = cooperations;
        this.pooled = pooled;
        this.comparison = comparison;
    }

    @GET
    @Authenticated
    @Operation(
            operationId = "listCooperations",
            summary = "The cooperations your municipality belongs to, with members, host and agreement")
    public List<CooperationView> mine() {
        return cooperations.mine();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getCooperation", summary = "One of your cooperations")
    public CooperationView one(@PathParam("id") String id) {
        return cooperations.view(cooperations.require(id));
    }

    @GET
    @Path("/{id}/pooled/{costYear}")
    @Produces({MediaType.APPLICATION_JSON, PooledCsv.MEDIA_TYPE})
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(
            operationId = "getPooledFigures",
            summary = "Pooled figures of a cost year: per member and in total, aggregates only",
            description = "netCost = attributedCosts + sharedCostShare - expectedGrant; expectedGrant is the part of "
                    + "the member's claim (rules of grant year costYear + 1) that belongs to its placed recipients. "
                    + "Accept: text/csv gives one row per member and a TOTAL row.")
    @APIResponse(
            responseCode = "200",
            description = "the pooled figures",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PooledView.class)),
                @Content(mediaType = PooledCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "404", description = "no rules for grant year costYear + 1")
    @APIResponse(responseCode = "409", description = "the agreement needs a figure the tenant files lack")
    public PooledView pooled(@PathParam("id") String id, @PathParam("costYear") @Min(2000) @Max(2100) int costYear) {
        return pooled.pooled(id, costYear);
    }

    @GET
    @Path("/{id}/comparison/{costYear}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(
            operationId = "getComparison",
            summary = "Stand-alone vs pooled: each member's pooled net cost beside running its own service",
            description = "Stand-alone: the agreement's fixed cost per year plus a variable cost per placed recipient; "
                    + "each recipient's grant recomputed with its joint-service share replaced by its part of those "
                    + "costs. savingsFromCooperation = standAloneNetCost - pooledNetCost.")
    @APIResponse(responseCode = "200", description = "the comparison, one entry per member")
    @APIResponse(responseCode = "404", description = "no rules for grant year costYear + 1")
    public ComparisonView comparison(
            @PathParam("id") String id, @PathParam("costYear") @Min(2000) @Max(2100) int costYear) {
        return comparison.comparison(id, costYear);
    }
}
