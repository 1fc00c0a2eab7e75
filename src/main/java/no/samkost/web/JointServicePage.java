package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import no.samkost.common.InputText;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.OccupancyReport;
import no.samkost.cooperation.PlacementDecisions;
import no.samkost.cooperation.api.OccupancyView;
import no.samkost.cooperation.api.PlacementDecline;
import no.samkost.cooperation.api.PlacementUsage;
import no.samkost.tenancy.Role;

/**
 * One joint service of a cooperation: name, kind and capacity for every member; for the host's
 * coordinators and viewers also its placements, occupancy month by month and how its wages were
 * attributed; for a home's, its own placements only (as {@code listPlacements} answers them). The
 * host's coordinators confirm or decline requests here, through the same service as the API.
 */
@Path("/app/{code}/samarbeid/{id}/tjenester/{serviceId}")
public class JointServicePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance service(PageContext ctx, ServiceSection.View page);
    }

    /** Confirmations after a step, by the key in {@code ?melding=}; no personal data in the URL. */
    static final Map<String, String> MESSAGES = Map.of(
            "bekreftet", "Forespørselen er bekreftet. Plasseringen tar nå en plass, og lønnen fordeles også på den.",
            "avslatt", "Forespørselen er avslått. Hjemkommunen ser begrunnelsen.");

    static final String HOURS = "timer";
    static final String REASON = "begrunnelse";

    private final Pages pages;
    private final ServiceSection section;
    private final PlacementDecisions decisions;
    private final CostYears years;
    private final OccupancyReport occupancyReport;

    public JointServicePage(
            Pages pages,
            ServiceSection section,
            PlacementDecisions decisions,
            CostYears years,
            OccupancyReport occupancyReport) {
        this.occupancyReport = occupancyReport;
        this.pages = pages;
        this.section = section;
        this.decisions = decisions;
        this.years = years;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance service(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @QueryParam("aar") Integer aar,
            @QueryParam("melding") String melding) {
        PageContext ctx = pages.context(PageContext.cooperationSection(id));
        String message = melding == null ? null : MESSAGES.get(melding);
        return Templates.service(ctx, section.view(ctx, id, serviceId, years.chosen(aar), message, null));
    }

    /** The occupancy chart's figures as CSV (the host's, as {@code getOccupancy}): month, most placed on one day, places. */
    @GET
    @Path("/belegg.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces("text/csv")
    public Response occupancyCsv(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @QueryParam("aar") Integer aar) {
        int costYear = years.chosen(aar);
        OccupancyView occupancy = occupancyReport.monthly(id, serviceId, costYear);
        StringBuilder csv = new StringBuilder("month,peakPlacements,capacity\n");
        occupancy.months().forEach(m -> csv.append(m.month())
                .append(',')
                .append(m.peakPlacements())
                .append(',')
                .append(occupancy.capacity())
                .append('\n'));
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"belegg-" + id + "-" + costYear + ".csv\"")
                .build();
    }

    @POST
    @Path("/plasseringer/{placementId}/bekreftelse")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId,
            @FormParam(FormTokens.FIELD) String csrf,
            @FormParam(HOURS) String hours,
            @FormParam("versjon") String version,
            @FormParam("aar") String aar) {
        BigDecimal usage = usage(hours);
        return step(
                new Step(code, id, serviceId, csrf, aar, version, "bekreftet"),
                "Bekreftelsen ble ikke lagret",
                new ServiceSection.Attempt(placementId, hours, null),
                HOURS,
                USAGE_RULE,
                usage != null,
                read -> decisions.confirm(id, serviceId, placementId, new PlacementUsage(usage, read)));
    }

    @POST
    @Path("/plasseringer/{placementId}/avslag")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decline(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @PathParam("serviceId") UUID serviceId,
            @PathParam("placementId") UUID placementId,
            @FormParam(FormTokens.FIELD) String csrf,
            @FormParam(REASON) String reason,
            @FormParam("versjon") String version,
            @FormParam("aar") String aar) {
        return step(
                new Step(code, id, serviceId, csrf, aar, version, "avslatt"),
                "Avslaget ble ikke lagret",
                new ServiceSection.Attempt(placementId, null, reason),
                REASON,
                REASON_RULE,
                reason != null && InputText.problem(reason).isEmpty(),
                read -> decisions.decline(id, serviceId, placementId, new PlacementDecline(reason, read)));
    }

    /** Where a step on a request was sent from, and the confirmation its page names after it. */
    private record Step(
            String code, String id, UUID serviceId, String csrf, String aar, String version, String confirmation) {}

    /**
     * A step on a request: the form token, the year and the version read, the field's own rule,
     * then the service's decision; a refusal shows the page again with the reason at the field.
     */
    private Response step(
            Step step,
            String heading,
            ServiceSection.Attempt attempt,
            String field,
            String rule,
            boolean fieldValid,
            LongConsumer decision) {
        pages.verifyForm(step.csrf());
        int year = years.chosen(whole("aar", step.aar(), true));
        long read = whole("versjon", step.version(), false);
        if (!fieldValid) {
            return refused(
                    step.id(), step.serviceId(), year, attempt, ServiceSection.Refusal.field(heading, field, rule));
        }
        try {
            decision.accept(read);
        } catch (ProblemException e) {
            return refused(
                    step.id(), step.serviceId(), year, attempt, ServiceSection.Refusal.of(e, heading, field, rule));
        }
        return done(step.code(), step.id(), step.serviceId(), year, step.confirmation());
    }

    static final String USAGE_RULE = "Oppgi timer direkte omsorg per uke som vertskommunen gir: mer enn 0 og høyst"
            + " 168, med høyst to desimaler (for eksempel 37,5).";
    static final String REASON_RULE =
            "Skriv en begrunnelse til hjemkommunen på 1 til 500 tegn, uten linjeskift" + " eller kontrolltegn.";

    /** The page again, with the refusal explained; the service changed nothing. */
    private Response refused(
            String id, UUID serviceId, int year, ServiceSection.Attempt attempt, ServiceSection.Refusal refusal) {
        PageContext ctx = pages.context(PageContext.cooperationSection(id));
        String html = Templates.service(ctx, section.view(ctx, id, serviceId, year, null, attempt.refused(refusal)))
                .render();
        return Response.status(refusal.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .build();
    }

    /** 303 back to the service's page with a confirmation the page names. */
    private static Response done(String code, String id, UUID serviceId, int year, String message) {
        return Response.seeOther(UriBuilder.fromPath("/app/{code}/samarbeid/{id}/tjenester/{serviceId}")
                        .queryParam("aar", year)
                        .queryParam("melding", message)
                        .build(code, id, serviceId))
                .build();
    }

    /** Digits with a decimal comma or point; the service checks the range and the decimals. */
    private static final java.util.regex.Pattern HOURS_TEXT =
            java.util.regex.Pattern.compile("\\d{1,6}([.,]\\d{1,6})?");

    /** Hours as a person writes them ({@code 37,5} or {@code 37.5}); null when not a number. */
    static BigDecimal usage(String hours) {
        if (hours == null || !HOURS_TEXT.matcher(hours.strip()).matches()) {
            return null;
        }
        return new BigDecimal(hours.strip().replace(',', '.'));
    }

    /** A hidden field's whole number; a missing optional one is null; anything else is 400. */
    private static Integer whole(String field, String value, boolean optional) {
        if (optional && (value == null || value.isBlank())) {
            return null;
        }
        if (value == null || !value.matches("\\d{1,9}")) {
            throw ProblemException.invalidField(field, "a whole number");
        }
        return Integer.valueOf(value);
    }
}
