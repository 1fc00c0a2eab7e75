package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import no.samkost.common.CsvBodyWriter;
import no.samkost.common.InputText;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.reimbursement.ClaimDifferences;
import no.samkost.reimbursement.ClaimService;
import no.samkost.reimbursement.ClaimState;
import no.samkost.reimbursement.ClaimSubmissions;
import no.samkost.reimbursement.ClaimView;
import no.samkost.reimbursement.SignOffRequests;
import no.samkost.reimbursement.SubmissionView;
import no.samkost.tenancy.Role;

/**
 * The auditor's pages: the submitted claims, one cost year's claim (the snapshot's totals, the
 * differences from the live figures, the snapshot's CSV) and its attestation or return. Each calls
 * what {@code ClaimResource} and {@code ClaimSubmissionResource} call; a refused step shows the
 * page again with the reason in Norwegian, and nothing changed.
 */
@Path("/app/{code}/revisor")
@RolesAllowed(Role.AUDITOR)
public class RevisorPages {

    static final String SECTION = "revisor";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance oversikt(PageContext ctx, List<SubmissionView> claims);

        static native TemplateInstance krav(PageContext ctx, ClaimPage claim, SignOffForm form);
    }

    /** One line of the differences: a recipient's field (or a total: ref null), snapshot, live, live − snapshot. */
    public record DifferenceRow(
            String ref, String field, boolean count, BigDecimal snapshot, BigDecimal live, BigDecimal difference) {

        static DifferenceRow of(ClaimDifferences.Difference d) {
            return new DifferenceRow(
                    d.ref(),
                    ClaimTexts.field(d.field()),
                    ClaimTexts.counts(d.field()),
                    d.snapshot(),
                    d.live(),
                    d.difference());
        }
    }

    /**
     * What the claim page shows: the claim as the API answers it (the snapshot while submitted or
     * attested), the differences the API computes with live=true (empty when never submitted), and
     * the confirmation of the step just done.
     */
    public record ClaimPage(ClaimView claim, boolean compared, List<DifferenceRow> differences, String confirmation) {

        public int year() {
            return claim.costYear();
        }

        public boolean snapshot() {
            return claim.figures() == ClaimView.Figures.SNAPSHOT;
        }

        public boolean attestable() {
            return claim.state() == ClaimState.SUBMITTED;
        }

        public boolean returnable() {
            return claim.state() == ClaimState.SUBMITTED || claim.state() == ClaimState.ATTESTED;
        }
    }

    /**
     * The two forms' texts and what was wrong: {@code problem} for the step as a whole (four eyes,
     * the claim's state), {@code remarkError} and {@code reasonError} for a field.
     */
    public record SignOffForm(String remark, String reason, String problem, String remarkError, String reasonError) {

        static final SignOffForm EMPTY = new SignOffForm("", "", null, null, null);

        public boolean refused() {
            return problem != null || remarkError != null || reasonError != null;
        }
    }

    private final Pages pages;
    private final ClaimService claims;
    private final ClaimSubmissions submissions;

    public RevisorPages(Pages pages, ClaimService claims, ClaimSubmissions submissions) {
        this.pages = pages;
        this.claims = claims;
        this.submissions = submissions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@PathParam("code") String code) {
        return Templates.oversikt(pages.context(SECTION), submissions.latestOfEachYear());
    }

    @GET
    @Path("/krav/{aar}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance claim(
            @PathParam("code") String code,
            @PathParam("aar") @Min(2000) @Max(2100) int year,
            @QueryParam("utfort") String done) {
        return page(year, confirmation(done), SignOffForm.EMPTY);
    }

    /** The claim's CSV as the API serves it: a submitted claim's snapshot, with its hash in the last line. */
    @GET
    @Path("/krav/{aar}/csv")
    @Produces(CsvBodyWriter.MEDIA_TYPE)
    public ClaimView csv(@PathParam("code") String code, @PathParam("aar") @Min(2000) @Max(2100) int year) {
        return claims.claim(year, false);
    }

    @POST
    @Path("/krav/{aar}/attestering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response attest(
            @PathParam("code") String code,
            @PathParam("aar") @Min(2000) @Max(2100) int year,
            @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("merknad") String remark) {
        pages.verifyForm(csrf);
        String text = remark == null || remark.isBlank() ? null : remark.strip();
        Optional<String> wrong = textProblem(text);
        if (wrong.isPresent()) {
            return again(year, 422, new SignOffForm(remark, "", null, wrong.get(), null));
        }
        try {
            submissions.attest(year, text, Optional.empty());
        } catch (ProblemException e) {
            return refused(year, e, "attestere", new SignOffForm(remark, "", null, null, null));
        }
        return done(code, year, "attestert");
    }

    @POST
    @Path("/krav/{aar}/retur")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response giveBack(
            @PathParam("code") String code,
            @PathParam("aar") @Min(2000) @Max(2100) int year,
            @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("begrunnelse") String reason) {
        pages.verifyForm(csrf);
        String text = reason == null ? "" : reason.strip();
        Optional<String> wrong = text.isEmpty()
                ? Optional.of("Skriv hvorfor kravet sendes tilbake, så koordinatoren vet hva som må rettes.")
                : textProblem(text);
        if (wrong.isPresent()) {
            return again(year, 422, new SignOffForm("", reason, null, null, wrong.get()));
        }
        try {
            submissions.giveBack(year, text, Optional.empty());
        } catch (ProblemException e) {
            return refused(year, e, "sende tilbake", new SignOffForm("", reason, null, null, null));
        }
        return done(code, year, "sendt-tilbake");
    }

    /** The API's rules for a sign-off text (InputText, at most 2 000 characters), said in Norwegian. */
    static Optional<String> textProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > SignOffRequests.MAX_TEXT) {
            return Optional.of(
                    "Teksten kan være høyst " + SignOffRequests.MAX_TEXT + " tegn; den er " + text.length() + ".");
        }
        return InputText.problem(text)
                .map(p -> "Teksten har et tegn som ikke kan lagres (linjeskift, kontrolltegn eller"
                        + " retningstegn). Skriv den på én linje uten slike tegn.");
    }

    private TemplateInstance page(int year, String confirmation, SignOffForm form) {
        ClaimView claim = claims.claim(year, false);
        List<DifferenceRow> differences = List.of();
        boolean compared = claim.submission() != null;
        if (compared) {
            ClaimDifferences live = claims.claim(year, true).differences();
            differences = java.util.stream.Stream.concat(live.recipients().stream(), live.totals().stream())
                    .map(DifferenceRow::of)
                    .toList();
        }
        return Templates.krav(pages.context(SECTION), new ClaimPage(claim, compared, differences, confirmation), form);
    }

    private Response again(int year, int status, SignOffForm form) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(year, null, form).render())
                .build();
    }

    /** Four eyes (403) and the claim's state (409) are explained on the page; anything else is the problem page. */
    private Response refused(int year, ProblemException e, String step, SignOffForm form) {
        String problem;
        if (e.type() == ProblemType.FORBIDDEN) {
            problem = "Du signerte dette kravet selv. En annen person, revisor, må "
                    + ("attestere".equals(step) ? "attestere det" : "sende det tilbake")
                    + ". Ingenting ble endret.";
        } else if (e.type() == ProblemType.CLAIM_STATE) {
            problem = "Kravet for kostnadsåret " + year + " kan ikke "
                    + ("attestere".equals(step)
                            ? "attesteres nå: bare et krav som er sendt til revisor, kan attesteres."
                            : "sendes tilbake nå: bare et krav som er sendt til revisor eller attestert, kan"
                                    + " sendes tilbake.")
                    + " Ingenting ble endret.";
        } else {
            throw e;
        }
        return again(
                year,
                e.type().status(),
                new SignOffForm(form.remark(), form.reason(), problem, form.remarkError(), form.reasonError()));
    }

    private static Response done(String code, int year, String what) {
        return Response.seeOther(URI.create("/app/" + code + "/revisor/krav/" + year + "?utfort=" + what))
                .build();
    }

    /** The confirmation after a step's redirect; only these fixed words, whatever the query says. */
    static String confirmation(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "attestert" -> "Kravet er attestert. Kostnadsåret er fortsatt lukket.";
            case "sendt-tilbake" -> "Kravet er sendt tilbake til koordinatoren. Kostnadsåret er åpent igjen.";
            default -> null;
        };
    }
}
