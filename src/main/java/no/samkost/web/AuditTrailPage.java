package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import no.samkost.audit.AuditEntryView;
import no.samkost.audit.AuditReader;
import no.samkost.common.InputText;
import no.samkost.common.Page;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.tenancy.Role;

/**
 * The municipality's audit trail for its auditor, newest first, filtered by dates and actor, paged:
 * what {@code AuditResource} answers. The actor is a person's identifier (the token's {@code sub}),
 * so it never goes into a URL: dates and the page number may (GET, links), a filter on the actor is
 * sent in a form body (POST, with the form token) and its pages are buttons in such forms.
 */
@Path("/app/{code}/revisor/spor")
@RolesAllowed(Role.AUDITOR)
public class AuditTrailPage {

    static final int SIZE = 50;
    private static final DateTimeFormatter NORWEGIAN =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance spor(PageContext ctx, Filter filter, Trail trail);
    }

    /** One page of the trail as the API answers it, with what the page's links need. */
    public record Trail(Page<Entry> page) {

        public int number() {
            return page.page() + 1;
        }

        public boolean hasPrevious() {
            return page.page() > 0;
        }

        public boolean hasNext() {
            return page.page() + 1 < page.totalPages();
        }

        public int previous() {
            return page.page() - 1;
        }

        public int next() {
            return page.page() + 1;
        }
    }

    /** An entry with its action said in Norwegian when known. */
    public record Entry(AuditEntryView entry, String description) {}

    /**
     * The filter as typed ({@code from}, {@code to}: dd.mm.åååå or åååå-mm-dd; {@code actor}), the
     * page, and what was wrong with a field (field name to Norwegian message).
     */
    public record Filter(String from, String to, String actor, int page, Map<String, String> errors) {

        public boolean byActor() {
            return actor != null && !actor.isEmpty();
        }

        public boolean refused() {
            return !errors.isEmpty();
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean wrong(String field) {
            return errors.containsKey(field);
        }

        /** The query of another page of the same date filter (no actor: that is never in a URL). */
        public String query(int otherPage) {
            StringBuilder q = new StringBuilder("?side=").append(otherPage);
            if (from != null && !from.isEmpty()) {
                q.append("&fra=").append(URLEncoder.encode(from, StandardCharsets.UTF_8));
            }
            if (to != null && !to.isEmpty()) {
                q.append("&til=").append(URLEncoder.encode(to, StandardCharsets.UTF_8));
            }
            return q.toString();
        }
    }

    private final Pages pages;
    private final AuditReader reader;

    public AuditTrailPage(Pages pages, AuditReader reader) {
        this.pages = pages;
        this.reader = reader;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response trail(
            @PathParam("code") String code,
            @QueryParam("fra") String from,
            @QueryParam("til") String to,
            @QueryParam("side") @DefaultValue("0") @Min(0) @Max(1_000_000) int page) {
        return show(new Filter(blankToEmpty(from), blankToEmpty(to), "", page, new LinkedHashMap<>()));
    }

    /** The filter with an actor (or any filter sent by the form): in the body, never in the URL. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response filtered(
            @PathParam("code") String code,
            @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("fra") String from,
            @FormParam("til") String to,
            @FormParam("aktor") String actor,
            @FormParam("side") @DefaultValue("0") @Min(0) @Max(1_000_000) int page) {
        pages.verifyForm(csrf);
        return show(new Filter(blankToEmpty(from), blankToEmpty(to), blankToEmpty(actor), page, new LinkedHashMap<>()));
    }

    private Response show(Filter filter) {
        String from = date(filter, "fra", filter.from());
        String to = date(filter, "til", filter.to());
        if (filter.byActor()) {
            InputText.problem(filter.actor()).ifPresent(p -> filter.errors()
                    .put("aktor", "Aktøren har et tegn som ikke kan forekomme i en brukers id."));
        }
        Trail trail = null;
        if (!filter.refused()) {
            try {
                Page<AuditEntryView> found =
                        reader.page(from, to, filter.byActor() ? filter.actor() : null, filter.page(), SIZE);
                trail = new Trail(new Page<>(
                        found.items().stream()
                                .map(e -> new Entry(e, ClaimTexts.action(e.action())))
                                .toList(),
                        found.page(),
                        found.size(),
                        found.totalItems(),
                        found.totalPages()));
            } catch (ProblemException e) {
                if (e.type() != ProblemType.VALIDATION) {
                    throw e;
                }
                for (Problem.Violation v : e.violations()) {
                    switch (String.valueOf(v.field())) {
                        case "to" -> filter.errors().put("til", "Til-datoen må være etter fra-datoen.");
                        case "actor" -> filter.errors()
                                .put("aktor", "Aktøren kan være høyst " + AuditReader.MAX_ACTOR + " tegn.");
                        default -> filter.errors().put("fra", "Datoen kan ikke brukes.");
                    }
                }
            }
        }
        TemplateInstance page = Templates.spor(pages.context(RevisorPages.SECTION), filter, trail);
        return Response.status(filter.refused() ? 422 : 200)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }

    /** dd.mm.åååå (or d.m.åååå) or åååå-mm-dd as the API's date, or null when empty; an error otherwise. */
    static String date(Filter filter, String field, String typed) {
        if (typed == null || typed.isEmpty()) {
            return null;
        }
        try {
            LocalDate day = typed.contains(".") ? LocalDate.parse(typed, NORWEGIAN) : LocalDate.parse(typed);
            return day.toString();
        } catch (DateTimeException e) {
            filter.errors().put(field, "Skriv datoen som dd.mm.åååå, for eksempel 01.03.2024.");
            return null;
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
