package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.samkost.common.ProblemException;
import no.samkost.planning.DemandService;
import no.samkost.planning.DemandView;
import no.samkost.planning.HousingNames;
import no.samkost.tenancy.Role;

/**
 * Behov for bolig: expected residents per year and housing form ({@link DemandService}, the API's
 * getHousingDemand) as a stacked bar chart drawn from its table, with the first year, the number
 * of years and the yearly exit rate as the person's inputs, and the table as CSV.
 */
@Path("/app/{code}/planlegging/behov")
public class DemandPage {

    static final Map<String, String> FIELDS = Map.of(
            "fra", "Første år må være et årstall fra 2000 til 2100.",
            "aar", "Antall år må være et helt tall fra 1 til 15.",
            "utflytting", "Oppgi andelen som flytter ut hvert år i prosent, fra 0 til 100, med høyst to desimaler.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance demand(
                PageContext ctx,
                Inputs inputs,
                DemandView demand,
                List<PlanningTexts.Choice> columns,
                FormOutcome outcome);
    }

    /** The inputs as typed, shown again in the form. */
    public record Inputs(String from, String years, String exitRate) {}

    private record Asked(int from, int years, BigDecimal exitRate) {}

    private final Pages pages;
    private final DemandService demand;
    private final HousingNames names;
    private final Clock clock;

    public DemandPage(Pages pages, DemandService demand, HousingNames names, Clock clock) {
        this.pages = pages;
        this.demand = demand;
        this.names = names;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public Response demand(
            @PathParam("code") String code,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar,
            @QueryParam("utflytting") String utflytting) {
        PageContext ctx = pages.context(KeyFiguresPage.SECTION);
        HousingNames.View housing = names.names();
        List<PlanningTexts.Choice> columns = PlanningTexts.HOUSING_COLUMNS.stream()
                .map(c -> new PlanningTexts.Choice(c, PlanningTexts.column(c, housing)))
                .toList();
        Asked asked;
        try {
            asked = asked(fra, aar, utflytting);
        } catch (FormValues.Invalid e) {
            return Pages.html(
                    400,
                    Templates.demand(
                            ctx,
                            new Inputs(fra, aar, utflytting),
                            null,
                            columns,
                            FormOutcome.field(e.field, FIELDS.get(e.field))));
        }
        Inputs shown = new Inputs(
                Integer.toString(asked.from()),
                Integer.toString(asked.years()),
                FormValues.asPercent(asked.exitRate()));
        return Pages.html(
                200,
                Templates.demand(
                        ctx,
                        shown,
                        demand.demand(asked.from(), asked.years(), asked.exitRate()),
                        columns,
                        FormOutcome.none()));
    }

    @GET
    @Path("/behov.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces("text/csv")
    public Response csv(
            @PathParam("code") String code,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar,
            @QueryParam("utflytting") String utflytting) {
        Asked asked;
        try {
            asked = asked(fra, aar, utflytting);
        } catch (FormValues.Invalid e) {
            throw ProblemException.invalidField(e.field, FIELDS.get(e.field));
        }
        DemandView view = demand.demand(asked.from(), asked.years(), asked.exitRate());
        List<String> header = new ArrayList<>(List.of("year"));
        PlanningTexts.HOUSING_COLUMNS.forEach(c -> header.add("housingForm_" + c));
        header.add("total");
        List<List<String>> rows = new ArrayList<>();
        for (DemandView.Row row : view.rows()) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(row.year())));
            PlanningTexts.HOUSING_COLUMNS.forEach(
                    c -> cells.add(PageCsv.plain(row.byHousingForm().get(c))));
            cells.add(PageCsv.plain(row.total()));
            rows.add(cells);
        }
        return PageCsv.of("housing-demand-" + code + "-" + asked.from() + "-" + asked.years(), header, rows);
    }

    /** The API's defaults: from this year, five years, no exits. */
    private Asked asked(String fra, String aar, String utflytting) {
        int thisYear = LocalDate.now(clock.withZone(Formats.OSLO)).getYear();
        int from = FormValues.whole("fra", fra, 2000, 2100, thisYear);
        int years = FormValues.whole("aar", aar, 1, 15, 5);
        BigDecimal rate = FormValues.percent("utflytting", utflytting, 2, new BigDecimal(100));
        return new Asked(from, years, rate == null ? BigDecimal.ZERO : rate);
    }
}
