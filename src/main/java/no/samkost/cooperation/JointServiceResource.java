package no.samkost.cooperation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.common.IdempotentRequests;
import no.samkost.cooperation.api.AttributionView;
import no.samkost.cooperation.api.JointCostView;
import no.samkost.cooperation.api.JointServiceUpdate;
import no.samkost.cooperation.api.JointServiceView;
import no.samkost.cooperation.api.NewJointCost;
import no.samkost.cooperation.api.NewJointService;
import no.samkost.cooperation.api.OccupancyView;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Joint services of a cooperation and their costs; their placements are {@link PlacementResource}'s. */
@Path("/api/v1/cooperations/{id}/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cooperation")
public class JointServiceResource {

    private final OccupancyReport occupancyReport;

    private final JointServices services;
    private final JointCosts costs;
    private final AttributionReport attributionReport;

    public JointServiceResource(
            JointServices services,
            JointCosts costs,
            AttributionReport attributionReport,
            OccupancyReport occupancyReport) {
        this.occupancyReport = occupancyReport;
        this.services = services;
        this.costs = costs;
        this.attributionReport = attributionReport;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(operationId = "createJointService", summary = "Create a joint service (the host's coordinators only)")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", description = "the new service"),
            content = @Content(schema = @Schema(implementation = JointServiceView.class)))
    @APIResponse(responseCode = "409", description = "a service of that name exists")
    public Response create(
            @PathParam("id") String id,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull NewJointService service) {
        JointServiceView created = services.create(id, service, Optional.ofNullable(idempotencyKey))
                .service();
        return Response.created(UriBuilder.fromPath("/api/v1/cooperations/{id}/services/{serviceId}")
                        .build(id, created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(operationId = "listJointServices", summary = "The cooperation's joint services")
    public List<JointServiceView> list(@PathParam("id") String id) {
        return services.list(id);
    }

    @GET
    @Path("/{serviceId}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(operationId = "getJointService", summary = "One joint service")
    @APIResponse(responseCode = "200", description = "the service")
    @APIResponse(responseCode = "404", description = "no such service in this cooperation")
    public JointServiceView get(@PathParam("id") String id, @PathParam("serviceId") UUID serviceId) {
        return services.get(id, serviceId);
    }

    @PUT
    @Path("/{serviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "updateJointService",
            summary = "Change a joint service (the host's coordinators only; with the version read)")
    @APIResponse(responseCode = "200", description = "changed; carries the new version")
    @APIResponse(responseCode = "409", description = "stale version, a name in use, or capacity below occupancy")
    public JointServiceView update(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @Valid @NotNull JointServiceUpdate update) {
        return services.update(id, serviceId, update);
    }

    @POST
    @Path("/{serviceId}/costs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "addJointCost",
            summary = "Record a month's cost of the joint service (the host's coordinators only)",
            description = "DIRECT_WAGES are attributed to the placements of that month at once (JOINT_SERVICE lines in "
                    + "the homes' ledgers); SHARED costs are split among the members in the pooled figures. "
                    + "Append-only: a correction is a negative line with a note.")
    @APIResponse(
            responseCode = "201",
            description = "recorded",
            content = @Content(schema = @Schema(implementation = JointCostView.class)))
    public Response addCost(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull NewJointCost cost) {
        JointCostView added = costs.add(id, serviceId, cost, Optional.ofNullable(idempotencyKey))
                .cost();
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @GET
    @Path("/{serviceId}/costs")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(
            operationId = "listJointCosts",
            summary = "The joint service's cost lines, optionally of one year",
            description = "The host sees every line; the other members the SHARED lines (the costs they share), not"
                    + " the monthly DIRECT_WAGES, which with a home's own attributed share would reveal the other"
                    + " placements' care.")
    public List<JointCostView> costs(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return costs.list(id, serviceId, year);
    }

    @GET
    @Path("/{serviceId}/attribution/{costYear}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getAttribution",
            summary = "How the service's direct wages were attributed in a cost year (the host only)",
            description = "Month by month: the wages, each placement's days, usage, weight and share, and what fell "
                    + "in months with nobody placed. The homes' JOINT_SERVICE lines add up to these shares.")
    @APIResponse(responseCode = "200", description = "the attribution, month by month")
    @APIResponse(responseCode = "403", description = "not the host of the cooperation")
    public AttributionView attribution(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear) {
        return attributionReport.explain(id, serviceId, costYear);
    }

    @GET
    @Path("/{serviceId}/occupancy/{costYear}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getOccupancy",
            summary = "How full the service was, month by month (the host only)",
            description = "Per month the most confirmed placements on any one day, beside the capacity. Homes see "
                    + "no occupancy: it would tell them when other homes' recipients come and go.")
    @APIResponse(responseCode = "200", description = "the occupancy, month by month")
    @APIResponse(responseCode = "403", description = "not the host of the cooperation")
    public OccupancyView occupancy(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear) {
        return occupancyReport.monthly(id, serviceId, costYear);
    }
}
