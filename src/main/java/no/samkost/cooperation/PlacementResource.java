package no.samkost.cooperation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.common.IdempotentRequests;
import no.samkost.cooperation.api.NewPlacement;
import no.samkost.cooperation.api.PlacementDecline;
import no.samkost.cooperation.api.PlacementUpdate;
import no.samkost.cooperation.api.PlacementUsage;
import no.samkost.cooperation.api.PlacementView;
import no.samkost.cooperation.api.PlacementWithdrawal;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A joint service's placements and their lifecycle: the home requests, changes, withdraws and ends;
 * the host confirms with the usage it provides, declines with a reason, and changes the usage. Only
 * confirmed placements take a place and are attributed.
 */
@Path("/api/v1/cooperations/{id}/services/{serviceId}/placements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cooperation")
public class PlacementResource {

    private final Placements placements;
    private final PlacementDecisions decisions;
    private final PlacementList placementList;

    public PlacementResource(Placements placements, PlacementDecisions decisions, PlacementList placementList) {
        this.placements = placements;
        this.decisions = decisions;
        this.placementList = placementList;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "requestPlacement",
            summary = "Request a place for one of your own recipients in the joint service",
            description = "The answer says \"status\": \"REQUESTED\". A request takes no place and attributes "
                    + "nothing: the host confirms it with the usage it will provide, or declines it. The host sees "
                    + "the placement's ref, dates and status, nothing else about the recipient.")
    @APIResponse(
            responseCode = "201",
            description = "requested",
            headers = @Header(name = "Location", description = "the new placement"),
            content = @Content(schema = @Schema(implementation = PlacementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "a date before the cooperation's start, or an end before the start")
    @APIResponse(responseCode = "409", description = "the recipient is requested or placed in that period already")
    @APIResponse(responseCode = "422", description = "no such recipient in your municipality")
    public Response request(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull NewPlacement placement) {
        PlacementView requested = placements
                .request(id, serviceId, placement, Optional.ofNullable(idempotencyKey))
                .placement();
        return Response.created(
                        UriBuilder.fromPath("/api/v1/cooperations/{id}/services/{serviceId}/placements/{placementId}")
                                .build(id, serviceId, requested.id()))
                .entity(requested)
                .build();
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "listPlacements",
            summary = "Placements in the service, every status: the host sees all (the requests to confirm among "
                    + "them), a home municipality its own")
    public List<PlacementView> placements(@PathParam("id") String id, @PathParam("serviceId") UUID serviceId) {
        return placementList.list(id, serviceId);
    }

    @GET
    @Path("/{placementId}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getPlacement",
            summary = "One placement with its status: the host sees any in its service, a home its own")
    @APIResponse(responseCode = "200", description = "the placement")
    @APIResponse(responseCode = "404", description = "no such placement that you may see")
    public PlacementView placement(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId) {
        return placementList.one(id, serviceId, placementId);
    }

    @PUT
    @Path("/{placementId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "updatePlacement",
            summary = "Change your own placement (the home's coordinators; with the version read)",
            description = "While REQUESTED: the wished dates. Once CONFIRMED: only the end, set or brought forward "
                    + "to a day not in the past (the start stays; a later end is a new request); the months it "
                    + "touches are re-attributed at once.")
    @APIResponse(responseCode = "200", description = "changed; carries the new version")
    @APIResponse(responseCode = "400", description = "a date out of bounds, or an end in the past")
    @APIResponse(responseCode = "404", description = "no such placement of your municipality")
    @APIResponse(responseCode = "409", description = "stale version, or a status that cannot change so (named)")
    public PlacementView change(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId,
            @Valid @NotNull PlacementUpdate update) {
        return placements.change(id, serviceId, placementId, update);
    }

    @POST
    @Path("/{placementId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "withdrawPlacement",
            summary = "Withdraw your own request (the home's coordinators; REQUESTED only)")
    @APIResponse(responseCode = "200", description = "\"status\": \"WITHDRAWN\"")
    @APIResponse(responseCode = "404", description = "no such placement of your municipality")
    @APIResponse(responseCode = "409", description = "stale version, or not REQUESTED (the status is named)")
    public PlacementView withdraw(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId,
            @Valid @NotNull PlacementWithdrawal withdrawal) {
        return placements.withdraw(id, serviceId, placementId, withdrawal);
    }

    @POST
    @Path("/{placementId}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "confirmPlacement",
            summary = "Confirm a request with the usage you will provide (the host's coordinators only)",
            description = "The placement then takes a place and is attributed: the months it covers are "
                    + "re-attributed at once.")
    @APIResponse(responseCode = "200", description = "\"status\": \"CONFIRMED\"")
    @APIResponse(responseCode = "403", description = "not the host of the cooperation")
    @APIResponse(responseCode = "404", description = "no such placement in the service")
    @APIResponse(
            responseCode = "409",
            description = "no free place on some day of it (capacity-exceeded), stale version, or not REQUESTED")
    public PlacementView confirm(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId,
            @Valid @NotNull PlacementUsage confirmation) {
        return decisions.confirm(id, serviceId, placementId, confirmation);
    }

    @POST
    @Path("/{placementId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "declinePlacement",
            summary = "Decline a request, with a reason for the home (the host's coordinators only)")
    @APIResponse(responseCode = "200", description = "\"status\": \"DECLINED\"")
    @APIResponse(responseCode = "403", description = "not the host of the cooperation")
    @APIResponse(responseCode = "404", description = "no such placement in the service")
    @APIResponse(responseCode = "409", description = "stale version, or not REQUESTED (the status is named)")
    public PlacementView decline(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId,
            @Valid @NotNull PlacementDecline decline) {
        return decisions.decline(id, serviceId, placementId, decline);
    }

    @PUT
    @Path("/{placementId}/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "changePlacementUsage",
            summary = "Change a confirmed placement's usage (the host's coordinators only); re-attributes at once")
    @APIResponse(responseCode = "200", description = "changed; carries the new version")
    @APIResponse(responseCode = "403", description = "not the host of the cooperation")
    @APIResponse(responseCode = "404", description = "no such placement in the service")
    @APIResponse(responseCode = "409", description = "stale version, or not CONFIRMED (the status is named)")
    public PlacementView changeUsage(
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId,
            @Valid @NotNull PlacementUsage usage) {
        return decisions.changeUsage(id, serviceId, placementId, usage);
    }
}
