package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.samkost.common.ImportResult;
import no.samkost.common.ImportSlots;
import no.samkost.common.Page;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.costs.CostCategory;
import no.samkost.costs.CostDtos.CostLineView;
import no.samkost.costs.CostDtos.MonthlyCosts;
import no.samkost.costs.CostImport;
import no.samkost.costs.CostService;
import no.samkost.tenancy.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Kostnader: the ledger of one cost year by month (a chart drawn from the table beside it, and the
 * same figures as CSV), its lines, and the CSV import, which lists every bad row by number.
 */
@Path("/app/{code}/kostnader")
public class CostPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance costs(
                PageContext ctx,
                int year,
                List<Integer> years,
                MonthlyCosts monthly,
                List<CategoryColumn> columns,
                Page<CostLineView> lines,
                String message,
                List<ImportErrors.Line> importErrors,
                String importSummary,
                String importProblemType,
                String importHeader);
    }

    /** A category shown as a column (those with any line in the year), with its Norwegian name. */
    public record CategoryColumn(CostCategory category, String label) {}

    private final Pages pages;
    private final CostService costs;
    private final CostImport imports;
    private final ImportSlots slots;
    private final Clock clock;

    public CostPages(Pages pages, CostService costs, CostImport imports, ImportSlots slots, Clock clock) {
        this.pages = pages;
        this.costs = costs;
        this.imports = imports;
        this.slots = slots;
        this.clock = clock;
    }

    static String categoryName(CostCategory category) {
        return switch (category) {
            case DIRECT_WAGES -> "Direkte lønn";
            case PURCHASED_SERVICES -> "Kjøpte tjenester (lønnsandel)";
            case JOINT_SERVICE -> "Andel av felles tjeneste";
            case INDIRECT -> "Indirekte kostnader (telles ikke)";
            case EARMARKED_GRANT -> "Øremerkede tilskudd (fradrag)";
            case HOST_MUNICIPALITY_GRANT -> "Vertskommunetilskudd (fradrag)";
            case USER_PAYMENT -> "Brukerbetaling (fradrag)";
        };
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance costs(
            @PathParam("code") String code,
            @QueryParam("aar") String aar,
            @QueryParam("side") @DefaultValue("0") String side,
            @QueryParam("melding") String melding,
            @QueryParam("antall") String antall) {
        int year = Years.parse(aar, defaultYear());
        String message = "importert".equals(melding) && antall != null && antall.matches("\\d{1,9}")
                ? antall + " kostnadslinjer er importert."
                : null;
        return render(year, RecipientPages.pageNumber(side), message, List.of(), null, null);
    }

    /** The figures of the chart as CSV: month, then one column per category. */
    @GET
    @Path("/maaned.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Produces("text/csv")
    public Response monthlyCsv(@PathParam("code") String code, @QueryParam("aar") String aar) {
        int year = Years.parse(aar, defaultYear());
        MonthlyCosts monthly = costs.monthly(year);
        StringBuilder csv = new StringBuilder("month");
        for (CostCategory category : CostCategory.values()) {
            csv.append(',').append(category.name());
        }
        csv.append('\n');
        monthly.months().forEach(month -> {
            csv.append(month.month());
            for (CostCategory category : CostCategory.values()) {
                csv.append(',').append(month.byCategory().get(category).toPlainString());
            }
            csv.append('\n');
        });
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"kostnader-" + code + "-" + year + ".csv\"")
                .build();
    }

    @POST
    @Path("/import")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importCsv(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm("aar") String aar,
            @RestForm("fil") FileUpload file) {
        pages.verifyForm(csrf);
        int year = Years.parse(aar, defaultYear());
        if (file == null || file.uploadedFile() == null) {
            return refused(
                    year,
                    ProblemType.VALIDATION,
                    List.of(Problem.Violation.field("fil", "no file")),
                    "Velg en CSV-fil å importere.");
        }
        ImportResult result;
        try (ImportSlots.Slot slot = slots.take();
                InputStream body = Files.newInputStream(file.uploadedFile())) {
            result = imports.importCsv(body, Optional.empty());
        } catch (ProblemException e) {
            return refused(year, e.type(), e.violations(), importSummary(e));
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file could not be read back", e);
        }
        return Response.seeOther(URI.create(
                        "/app/" + code + "/kostnader?aar=" + year + "&melding=importert&antall=" + result.imported()))
                .build();
    }

    static String importSummary(ProblemException e) {
        int rows = (int) e.violations().stream()
                .map(Problem.Violation::row)
                .filter(row -> row != null)
                .distinct()
                .count();
        String what =
                rows == 0 ? "Filen kunne ikke importeres." : rows == 1 ? "1 rad har feil." : rows + " rader har feil.";
        return what + " Ingenting er importert; rett radene og last opp hele filen på nytt.";
    }

    private Response refused(int year, ProblemType type, List<Problem.Violation> errors, String summary) {
        return Response.status(type.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(year, 0, null, errors, summary, type.uri()))
                .build();
    }

    private TemplateInstance render(
            int year,
            int page,
            String message,
            List<Problem.Violation> importErrors,
            String importSummary,
            String importProblemType) {
        MonthlyCosts monthly = costs.monthly(year);
        List<CategoryColumn> columns = Arrays.stream(CostCategory.values())
                .filter(c -> monthly.yearTotals().get(c).compareTo(BigDecimal.ZERO) != 0)
                .map(c -> new CategoryColumn(c, categoryName(c)))
                .toList();
        return Templates.costs(
                pages.context("kostnader"),
                year,
                Years.around(year(), year),
                monthly,
                columns,
                costs.list(year, null, page, PAGE_SIZE),
                message,
                ImportErrors.norwegian(importErrors),
                importSummary,
                importProblemType,
                CostImport.HEADER);
    }

    private int year() {
        return Year.now(clock).getValue();
    }

    private int defaultYear() {
        return year() - 1;
    }
}
