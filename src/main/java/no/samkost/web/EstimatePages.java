package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import no.samkost.common.InputText;
import no.samkost.common.ProblemException;
import no.samkost.reimbursement.ClaimEstimates;
import no.samkost.reimbursement.EstimateView;
import no.samkost.reimbursement.ForecastRequests;
import no.samkost.reimbursement.ForecastView;
import no.samkost.reimbursement.ProjectionRequest;
import no.samkost.reimbursement.VarianceView;
import no.samkost.reimbursement.calculation.ClaimEstimate;
import no.samkost.reimbursement.calculation.GrantVariance;
import no.samkost.tenancy.Role;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Anslag: the claim of a cost year estimated while it runs ({@link ClaimEstimates}, the API's
 * getClaimEstimate), its recipients near the threshold, the coordinator's expectations, the saved
 * forecasts, and a forecast's variance against the claim as a waterfall drawn from its table.
 * A recipient's ref travels in form bodies only.
 */
@Path("/app/{code}/anslag")
public class EstimatePages {

    static final String SECTION = "anslag";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance estimate(
                PageContext ctx,
                int year,
                List<Integer> years,
                EstimateView estimate,
                List<ForecastView> forecasts,
                String lastBooked,
                String message,
                FormOutcome outcome);

        static native TemplateInstance variance(PageContext ctx, VarianceView variance, List<Step> steps);
    }

    /** One bar of the waterfall: a part's name, its amount, and the running total before it. */
    public record Step(String label, BigDecimal amount, BigDecimal before, BigDecimal after, boolean total) {}

    /** The expectation form's fields in Norwegian, by the API's names. */
    /** The API's rule for text (InputText), said in Norwegian. */
    static final String UNSTORABLE = "Teksten har et tegn som ikke kan lagres, for eksempel et linjeskift, et"
            + " kontrolltegn eller et tegn som snur skriveretningen.";

    static final java.util.Map<String, String> EXPECTATION_FIELDS = java.util.Map.of(
            "endMonth", "Siste måned må være en måned 1–12, og ikke før første måned.",
            "monthlyDirectWageCosts",
                    "Oppgi direkte lønn per måned i kroner, høyst to desimaler og høyst 100 000 000; en første måned"
                            + " trenger den.",
            "fromMonth", "Første måned må være en måned 1–12.");

    private final Pages pages;
    private final ClaimEstimates estimates;
    private final Clock clock;
    private final CostYears years;

    public EstimatePages(Pages pages, ClaimEstimates estimates, Clock clock, CostYears years) {
        this.years = years;
        this.pages = pages;
        this.estimates = estimates;
        this.clock = clock;
    }

    private int thisYear() {
        return Year.now(clock.withZone(Formats.OSLO)).getValue();
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public Response estimate(
            @PathParam("code") String code, @QueryParam("aar") String aar, @QueryParam("melding") String melding) {
        String message = "lagret".equals(melding)
                ? "Prognosen er lagret."
                : "forventning".equals(melding) ? "Forventningen er lagret, og anslaget er regnet på nytt." : null;
        return render(Years.parse(aar, thisYear()), message, FormOutcome.none());
    }

    private Response render(int year, String message, FormOutcome outcome) {
        EstimateView estimate = estimates.estimate(year, ProjectionRequest.DEFAULTS);
        List<ForecastView> forecasts = estimates.forecasts(year);
        String lastBooked = estimate.lastBookedMonth() == 0 ? null : Formats.monthName(estimate.lastBookedMonth());
        TemplateInstance page = Templates.estimate(
                pages.context(SECTION),
                year,
                Years.around(years.first(), thisYear(), year),
                estimate,
                forecasts,
                lastBooked,
                message,
                outcome);
        return Response.status(outcome.failed() ? outcome.status() : 200)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page)
                .build();
    }

    /** The coordinator's expectation for one recipient: saved, or (fjern) dropped. */
    @POST
    @Path("/forventning")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response expectation(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm("aar") String aar,
            @RestForm("ref") String ref,
            @RestForm("sluttmaaned") String endMonth,
            @RestForm("maanedskostnad") String monthly,
            @RestForm("framaaned") String fromMonth,
            @RestForm("handling") String action) {
        pages.verifyForm(csrf);
        int year = Years.required(aar);
        String who = ref == null ? "" : ref.strip();
        if (InputText.problem(who).isPresent()) {
            return render(year, null, FormOutcome.field("ref", UNSTORABLE));
        }
        try {
            if ("fjern".equals(action)) {
                estimates.deleteOverride(year, who);
            } else {
                estimates.putOverride(
                        year,
                        who,
                        new ForecastRequests.OverrideRequest(
                                month("endMonth", endMonth), amount(monthly), month("fromMonth", fromMonth)));
            }
        } catch (ProblemException e) {
            return render(year, null, FormOutcome.of(e, EXPECTATION_FIELDS));
        }
        return Response.seeOther(URI.create("/app/" + code + "/anslag?aar=" + year + "&melding=forventning"))
                .build();
    }

    @POST
    @Path("/prognose")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveForecast(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm("aar") String aar,
            @RestForm("navn") String label) {
        pages.verifyForm(csrf);
        int year = Years.required(aar);
        if (label == null || label.isBlank() || label.strip().length() > 200) {
            return render(year, null, FormOutcome.field("navn", "Gi prognosen et navn på 1 til 200 tegn."));
        }
        if (InputText.problem(label).isPresent()) {
            return render(year, null, FormOutcome.field("navn", UNSTORABLE));
        }
        try {
            estimates.saveForecast(year, label);
        } catch (ProblemException e) {
            return render(year, null, FormOutcome.of(e, java.util.Map.of()));
        }
        return Response.seeOther(URI.create("/app/" + code + "/anslag?aar=" + year + "&melding=lagret"))
                .build();
    }

    @GET
    @Path("/avvik")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance variance(
            @PathParam("code") String code, @QueryParam("aar") String aar, @QueryParam("prognose") String forecast) {
        int year = Years.required(aar);
        if (forecast == null || !forecast.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw ProblemException.invalidField("prognose", "a forecast's id");
        }
        VarianceView variance = estimates.variance(year, UUID.fromString(forecast));
        return Templates.variance(pages.context(SECTION), variance, steps(variance));
    }

    /** The waterfall: the forecast's grant, each part from where the last one ended, the claim's grant. */
    static List<Step> steps(VarianceView v) {
        List<Step> steps = new java.util.ArrayList<>();
        BigDecimal zero = new BigDecimal("0.00");
        steps.add(new Step("Prognosen", v.forecastGrant(), zero, v.forecastGrant(), true));
        BigDecimal running = v.forecastGrant();
        for (VarianceView.Part p : v.parts()) {
            BigDecimal after = running.add(p.amount());
            steps.add(new Step(part(p.part()), p.amount(), running, after, false));
            running = after;
        }
        steps.add(new Step("Kravet", v.claimGrant(), zero, v.claimGrant(), true));
        return steps;
    }

    static String part(GrantVariance.Part part) {
        return switch (part) {
            case RECIPIENTS_ONLY_IN_FORECAST -> "Mottakere bare i prognosen";
            case COSTS_OF_RECIPIENTS_IN_BOTH -> "Endrede kostnader";
            case RECIPIENTS_ONLY_IN_CLAIM -> "Nye mottakere";
            case THRESHOLD -> "Innslagspunkt";
            case INTELLECTUAL_DISABILITY_DEDUCTION -> "ID-fradrag";
            case AGE_LIMIT -> "Aldersgrense";
            case COMPENSATION_RATE -> "Kompensasjonsgrad";
        };
    }

    static String basis(ClaimEstimate.Basis basis) {
        return switch (basis) {
            case CONTINUES -> "fortsetter";
            case ENDED -> "avsluttet";
            case OVERRIDDEN -> "etter forventning";
            case YEAR_BOOKED -> "året er bokført";
        };
    }

    private static Integer month(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("\\d{1,2}")
                || Integer.parseInt(text.strip()) < 1
                || Integer.parseInt(text.strip()) > 12) {
            throw ProblemException.invalidField(field, "a month 1-12");
        }
        return Integer.valueOf(text.strip());
    }

    /** An amount as a person writes it: 150000, 150 000 or 150000,50. */
    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.strip().replace(" ", "").replace("\u00A0", "").replace(',', '.');
        if (!plain.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            throw ProblemException.invalidField(
                    "monthlyDirectWageCosts", "an amount in kroner with at most 2 decimals");
        }
        return new BigDecimal(plain);
    }
}
