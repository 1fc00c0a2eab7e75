package no.samkost.reimbursement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The claim during the cost year: the estimate, the coordinator's overrides, forecasts and the variance. */
@Path("/api/v1/municipalities/{code}/claims/{costYear}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reimbursement")
public class EstimateResource {

    private final ClaimEstimates estimates;

    public EstimateResource(ClaimEstimates estimates) {
        this.estimates = estimates;
    }

    @GET
    @Path("/estimate")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Operation(
            operationId = "getClaimEstimate",
            summary = "The claim estimated during the cost year: booked so far plus the months to come",
            description = "Per recipient: booked, the monthly estimate, projected, total, the grant under the rules"
                    + " of grantYear (projected when it has no figures: yearlyWageGrowth and yearlyExtraStep"
                    + " override the defaults) and whether it lies within 10 % of the threshold; totals.")
    @APIResponse(
            responseCode = "200",
            description = "the estimate",
            content = @Content(schema = @Schema(implementation = EstimateView.class)))
    @APIResponse(responseCode = "404", description = "no rules for grant year costYear + 1, not even projected ones")
    public EstimateView estimate(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @QueryParam("yearlyWageGrowth") @Parameter(description = "with projected rules: 0.043 for 4.3 % a year")
                    String yearlyWageGrowth,
            @QueryParam("yearlyExtraStep")
                    @Parameter(description = "with projected rules: NOK a year above wage growth")
                    String yearlyExtraStep) {
        return estimates.estimate(costYear, ProjectionRequest.of(yearlyWageGrowth, yearlyExtraStep));
    }

    @PUT
    @Path("/estimate/overrides/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "putEstimateOverride",
            summary = "Set what the coordinator expects of one recipient this cost year",
            description = "An expected end month, an expected monthly direct wage cost (instead of the mean of the"
                    + " last three months), or a start month for a recipient without lines yet. Replaces the"
                    + " recipient's earlier expectation for the year; audited.")
    @APIResponse(
            responseCode = "200",
            description = "the expectation as stored",
            content = @Content(schema = @Schema(implementation = EstimateView.Override.class)))
    @APIResponse(responseCode = "404", description = "no such recipient in your municipality")
    public EstimateView.Override putOverride(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @PathParam("ref") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a recipient ref") String ref,
            @Valid @NotNull ForecastRequests.OverrideRequest request) {
        return estimates.putOverride(costYear, ref, request);
    }

    @DELETE
    @Path("/estimate/overrides/{ref}")
    @RolesAllowed(Role.COORDINATOR)
    @Operation(operationId = "deleteEstimateOverride", summary = "Drop the coordinator's expectation for one recipient")
    @APIResponse(responseCode = "204", description = "dropped: the estimate's own method applies again")
    @APIResponse(responseCode = "404", description = "no such recipient, or no expectation for it this year")
    public Response deleteOverride(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @PathParam("ref") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a recipient ref")
                    String ref) {
        estimates.deleteOverride(costYear, ref);
        return Response.noContent().build();
    }

    @POST
    @Path("/forecasts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COORDINATOR)
    @Operation(
            operationId = "saveForecast",
            summary = "Save the estimate as it stands as a forecast (a tertial report, say)",
            description =
                    "Frozen as canonical JSON with its SHA-256; the variance later explains the claim against it.")
    @APIResponse(
            responseCode = "201",
            description = "saved",
            content = @Content(schema = @Schema(implementation = ForecastView.class)))
    public Response saveForecast(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @Valid @NotNull ForecastRequests.NewForecast request) {
        ForecastView saved = estimates.saveForecast(costYear, request.label());
        return Response.created(URI.create(
                        "/api/v1/municipalities/" + code + "/claims/" + costYear + "/forecasts/" + saved.id()))
                .entity(saved)
                .build();
    }

    @GET
    @Path("/forecasts")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(
            operationId = "listForecasts",
            summary = "The cost year's forecasts, the latest first (without their figures)")
    public List<ForecastView> forecasts(
            @PathParam("code") String code, @PathParam("costYear") @Min(2000) @Max(2100) int costYear) {
        return estimates.forecasts(costYear);
    }

    @GET
    @Path("/forecasts/{forecastId}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(operationId = "getForecast", summary = "One forecast with the estimate as it was saved")
    @APIResponse(
            responseCode = "200",
            description = "the forecast and its estimate",
            content = @Content(schema = @Schema(implementation = ForecastView.class)))
    @APIResponse(responseCode = "404", description = "no such forecast of this cost year in your municipality")
    public ForecastView forecast(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @PathParam("forecastId") UUID forecastId) {
        return estimates.forecast(costYear, forecastId);
    }

    @GET
    @Path("/variance")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Operation(
            operationId = "getClaimVariance",
            summary = "The claim's grant against a forecast's, the difference in named parts",
            description = "Against the submission's snapshot once the claim is submitted or attested (claimFinal),"
                    + " else the ledger now. The parts sum exactly to the difference.")
    @APIResponse(
            responseCode = "200",
            description = "the difference in parts",
            content = @Content(schema = @Schema(implementation = VarianceView.class)))
    @APIResponse(responseCode = "404", description = "no such forecast of this cost year in your municipality")
    public VarianceView variance(
            @PathParam("code") String code,
            @PathParam("costYear") @Min(2000) @Max(2100) int costYear,
            @QueryParam("forecast") @Parameter(required = true, description = "the forecast's id") String forecast) {
        return estimates.variance(costYear, forecastId(forecast));
    }

    /** The forecast query parameter, refused by name when it is not an id. */
    static UUID forecastId(String text) {
        if (text == null
                || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw no.samkost.common.ProblemException.invalidField("forecast", "a forecast's id (a UUID)");
        }
        return UUID.fromString(text);
    }
}
