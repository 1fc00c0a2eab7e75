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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.samkost.common.ProblemException;
import no.samkost.planning.ScenarioComparisonView;
import no.samkost.planning.ScenarioDtos.ScenarioView;
import no.samkost.planning.ScenarioProjections;
import no.samkost.planning.ScenarioService;
import no.samkost.tenancy.Role;

/**
 * Two scenarios compared ({@link ScenarioProjections#comparison}, the API's compareScenarios): each
 * year's gross costs, grant and net cost under both, and the difference split into gross, the
 * state's share and the municipality's net, drawn as lines from the difference's table; CSV.
 */
@Path("/app/{code}/planlegging/sammenligning")
public class ScenarioComparisonPage {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static final Map<String, String> FIELDS = Map.of(
            "grunn",
            "Velg scenariet det sammenlignes med.",
            "alternativ",
            "Velg et annet scenario å sammenligne.",
            "fra",
            ScenarioPages.YEAR_FIELDS.get("fra"),
            "aar",
            ScenarioPages.YEAR_FIELDS.get("aar"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance comparison(
                PageContext ctx,
                List<ScenarioView> scenarios,
                Inputs inputs,
                ScenarioComparisonView comparison,
                FormOutcome outcome);
    }

    /** What was asked, as typed. */
    public record Inputs(String base, String alternative, String from, String years) {}

    private record Asked(UUID base, UUID alternative, int from, int years) {}

    private final Pages pages;
    private final ScenarioService scenarios;
    private final ScenarioProjections projections;
    private final Clock clock;

    public ScenarioComparisonPage(
            Pages pages, ScenarioService scenarios, ScenarioProjections projections, Clock clock) {
        this.pages = pages;
        this.scenarios = scenarios;
        this.projections = projections;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public Response comparison(
            @PathParam("code") String code,
            @QueryParam("grunn") String grunn,
            @QueryParam("alternativ") String alternativ,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar) {
        PageContext ctx = pages.context(KeyFiguresPage.SECTION);
        List<ScenarioView> all = scenarios.list();
        Inputs typed = new Inputs(grunn, alternativ, fra, aar);
        if (grunn == null && alternativ == null) {
            // Nothing chosen yet: the form, with the two first scenarios proposed.
            Inputs proposed = new Inputs(
                    all.isEmpty() ? "" : all.get(0).id(),
                    all.size() < 2 ? "" : all.get(1).id(),
                    fra,
                    aar);
            return Pages.html(200, Templates.comparison(ctx, all, proposed, null, FormOutcome.none()));
        }
        Asked asked;
        try {
            asked = asked(grunn, alternativ, fra, aar);
        } catch (FormValues.Invalid e) {
            return Pages.html(
                    400, Templates.comparison(ctx, all, typed, null, FormOutcome.field(e.field, FIELDS.get(e.field))));
        }
        ScenarioComparisonView view;
        try {
            view = projections.comparison(asked.base(), asked.alternative(), asked.from(), asked.years());
        } catch (ProblemException e) {
            FormOutcome outcome = FormOutcome.of(e, FIELDS);
            return Pages.html(outcome.status(), Templates.comparison(ctx, all, typed, null, outcome));
        }
        return Pages.html(
                200,
                Templates.comparison(
                        ctx,
                        all,
                        new Inputs(grunn, alternativ, Integer.toString(asked.from()), Integer.toString(asked.years())),
                        view,
                        FormOutcome.none()));
    }

    @GET
    @Path("/sammenligning.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces("text/csv")
    public Response csv(
            @PathParam("code") String code,
            @QueryParam("grunn") String grunn,
            @QueryParam("alternativ") String alternativ,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar) {
        Asked asked;
        try {
            asked = asked(grunn, alternativ, fra, aar);
        } catch (FormValues.Invalid e) {
            throw ProblemException.invalidField(e.field, FIELDS.get(e.field));
        }
        ScenarioComparisonView view =
                projections.comparison(asked.base(), asked.alternative(), asked.from(), asked.years());
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioComparisonView.Row r : view.rows()) {
            rows.add(List.of(
                    Integer.toString(r.year()),
                    PageCsv.plain(r.base().residents()),
                    PageCsv.plain(r.base().grossCosts()),
                    PageCsv.plain(r.base().grant()),
                    PageCsv.plain(r.base().netCost()),
                    PageCsv.plain(r.alternative().residents()),
                    PageCsv.plain(r.alternative().grossCosts()),
                    PageCsv.plain(r.alternative().grant()),
                    PageCsv.plain(r.alternative().netCost()),
                    PageCsv.plain(r.difference().residents()),
                    PageCsv.plain(r.difference().grossCosts()),
                    PageCsv.plain(r.difference().stateShare()),
                    PageCsv.plain(r.difference().municipalNet())));
        }
        return PageCsv.of(
                "scenario-comparison-" + code + "-" + asked.from() + "-" + asked.years(),
                List.of(
                        "year",
                        "base_residents",
                        "base_grossCosts",
                        "base_grant",
                        "base_netCost",
                        "alternative_residents",
                        "alternative_grossCosts",
                        "alternative_grant",
                        "alternative_netCost",
                        "difference_residents",
                        "difference_grossCosts",
                        "difference_stateShare",
                        "difference_municipalNet"),
                rows);
    }

    private Asked asked(String grunn, String alternativ, String fra, String aar) {
        if (grunn == null || !ID.matcher(grunn).matches()) {
            throw new FormValues.Invalid("grunn");
        }
        if (alternativ == null || !ID.matcher(alternativ).matches()) {
            throw new FormValues.Invalid("alternativ");
        }
        int thisYear = LocalDate.now(clock.withZone(Formats.OSLO)).getYear();
        return new Asked(
                UUID.fromString(grunn),
                UUID.fromString(alternativ),
                FormValues.whole("fra", fra, 2000, 2100, thisYear),
                FormValues.whole("aar", aar, 1, 15, 10));
    }
}
