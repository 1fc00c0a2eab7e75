package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
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
import java.net.URI;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import no.samkost.common.CsvBodyWriter;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.reimbursement.ClaimService;
import no.samkost.reimbursement.ClaimSubmissions;
import no.samkost.reimbursement.ClaimView;
import no.samkost.reimbursement.calculation.GrantReason;
import no.samkost.tenancy.Role;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Refusjonskrav: the claim of one cost year as {@link ClaimService} computes it for the API (the
 * snapshot once submitted), each recipient's line with its reason explained, the totals, the rules
 * used and whether they are verified; its CSV; and the coordinator's sign-off and reopening.
 */
@Path("/app/{code}/krav")
public class ClaimPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance claim(
                PageContext ctx,
                int year,
                List<Integer> years,
                ClaimView claim,
                List<RuleRows.Row> ruleRows,
                String missingRules,
                String message,
                FormOutcome outcome);
    }

    private final Pages pages;
    private final ClaimService claims;
    private final ClaimSubmissions submissions;
    private final Clock clock;
    private final CostYears years;

    public ClaimPages(Pages pages, ClaimService claims, ClaimSubmissions submissions, Clock clock, CostYears years) {
        this.years = years;
        this.pages = pages;
        this.claims = claims;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** The reason codes of a claim line, explained: {@code {line.reason.explained}}. */
    @TemplateExtension
    public static String explained(GrantReason reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case AGE_LIMIT -> "Født før aldersgrensen i rundskrivet: ikke omfattet av ordningen.";
            case BELOW_THRESHOLD -> "Kostnadene etter fradrag er ikke over innslagspunktet.";
            case RULES_INCOMPLETE -> "Tilskuddsåret mangler en verdi som trengs for denne mottakeren; ingenting er gjettet.";
        };
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public Response claim(
            @PathParam("code") String code, @QueryParam("aar") String aar, @QueryParam("melding") String melding) {
        return render(Years.parse(aar, defaultYear()), message(melding), FormOutcome.none());
    }

    /** The same CSV as the API's {@code Accept: text/csv}, as a download. */
    @GET
    @Path("/csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Produces(CsvBodyWriter.MEDIA_TYPE)
    public Response csv(@PathParam("code") String code, @QueryParam("aar") String aar) {
        int year = Years.parse(aar, defaultYear());
        // The CSV writer names the file (attachment) exactly as the API's download does.
        return Response.ok(claims.claim(year, false), CsvBodyWriter.MEDIA_TYPE).build();
    }

    @POST
    @Path("/innsending")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(
            @PathParam("code") String code, @RestForm("_csrf") String csrf, @RestForm("aar") String aar) {
        pages.verifyForm(csrf);
        int year = Years.required(aar);
        try {
            submissions.submit(year, Optional.empty());
        } catch (ProblemException e) {
            return refused(year, e);
        }
        return seeOther(code, year, "sendt");
    }

    @POST
    @Path("/gjenaapning")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response reopen(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm("aar") String aar,
            @RestForm("reason") String reason) {
        pages.verifyForm(csrf);
        int year = Years.required(aar);
        if (reason == null || reason.isBlank()) {
            return render(year, null, FormOutcome.field("reason", "Skriv hvorfor kravet åpnes igjen."));
        }
        try {
            submissions.reopen(year, reason.trim(), Optional.empty());
        } catch (ProblemException e) {
            return refused(year, e);
        }
        return seeOther(code, year, "gjenaapnet");
    }

    private Response refused(int year, ProblemException e) {
        return render(year, null, FormOutcome.of(e, java.util.Map.of()));
    }

    private Response render(int year, String message, FormOutcome outcome) {
        ClaimView claim = null;
        String missingRules = null;
        try {
            claim = claims.claim(year, false);
        } catch (ProblemException e) {
            if (e.type() != ProblemType.NOT_FOUND) {
                throw e;
            }
            missingRules = "Regelverket for tilskuddsåret " + (year + 1)
                    + " er ikke lagt inn, så kravet for kostnadsåret " + year + " kan ikke regnes ut ennå.";
        }
        TemplateInstance page = Templates.claim(
                pages.context("krav"),
                year,
                Years.around(years.first(), Year.now(clock).getValue(), year),
                claim,
                claim == null ? List.of() : RuleRows.of(claim),
                missingRules,
                message,
                outcome);
        return Response.status(outcome.failed() ? outcome.status() : 200)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page)
                .build();
    }

    static Response seeOther(String code, int year, String message) {
        return Response.seeOther(URI.create("/app/" + code + "/krav?aar=" + year + "&melding=" + message))
                .build();
    }

    static String message(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "sendt" -> "Kravet er signert og sendt til revisor. Kostnadsåret er nå lukket.";
            case "gjenaapnet" -> "Kravet er åpnet igjen. Kostnadsåret kan endres.";
            default -> null;
        };
    }

    private int defaultYear() {
        return Year.now(clock).getValue() - 1;
    }
}
