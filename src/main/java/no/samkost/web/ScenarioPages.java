package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.planning.HousingNames;
import no.samkost.planning.ScenarioDtos.ScenarioView;
import no.samkost.planning.ScenarioProjectionView;
import no.samkost.planning.ScenarioProjections;
import no.samkost.planning.ScenarioService;
import no.samkost.tenancy.Role;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Scenarier: the municipality's scenarios ({@link ScenarioService}), created, changed from the
 * version read and deleted through one form with every assumption, and a scenario's projection
 * ({@link ScenarioProjections}, the API's getScenarioProjection) as tables with a stacked chart of
 * the residents and lines of gross costs, grant and net cost, each table as CSV.
 */
@Path("/app/{code}/planlegging/scenarier")
public class ScenarioPages {

    static final Map<String, String> YEAR_FIELDS = Map.of(
            "fra", "Første år må være et årstall fra 2000 til 2100.",
            "aar", "Antall år må være et helt tall fra 1 til 15.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance scenarios(
                PageContext ctx,
                List<ScenarioView> scenarios,
                ScenarioForm form,
                Choices choices,
                String message,
                FormOutcome outcome);

        static native TemplateInstance scenario(
                PageContext ctx,
                ScenarioView scenario,
                Projection projection,
                ScenarioForm form,
                Choices choices,
                String message,
                FormOutcome outcome);
    }

    /** The form's select boxes, in the municipality's names. */
    public record Choices(
            List<PlanningTexts.Choice> forms, List<PlanningTexts.Choice> levels, HousingNames.View names) {}

    /** A projection as the page shows it: the years asked for, as typed, and the columns shown. */
    public record Projection(
            String fromText,
            String yearsText,
            ScenarioProjectionView view,
            List<PlanningTexts.Choice> columns,
            FormOutcome outcome) {}

    private record Years(int from, int years) {}

    private final Pages pages;
    private final ScenarioService scenarios;
    private final ScenarioProjections projections;
    private final HousingNames names;
    private final Validator validator;
    private final Clock clock;

    public ScenarioPages(
            Pages pages,
            ScenarioService scenarios,
            ScenarioProjections projections,
            HousingNames names,
            Validator validator,
            Clock clock) {
        this.pages = pages;
        this.scenarios = scenarios;
        this.projections = projections;
        this.names = names;
        this.validator = validator;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@PathParam("code") String code, @QueryParam("melding") String melding) {
        return list(ScenarioForm.empty(), message(melding), FormOutcome.none());
    }

    private TemplateInstance list(ScenarioForm form, String message, FormOutcome outcome) {
        return Templates.scenarios(
                pages.context(KeyFiguresPage.SECTION), scenarios.list(), form, choices(), message, outcome);
    }

    @POST
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(
            @PathParam("code") String code, @RestForm("_csrf") String csrf, @BeanParam ScenarioFields fields) {
        pages.verifyForm(csrf);
        ScenarioForm form = fields.typed();
        ScenarioView created;
        try {
            var input = form.input();
            Set<? extends ConstraintViolation<?>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                return Pages.html(400, list(form.shown(), null, refused(violations)));
            }
            created = scenarios.create(input, Optional.empty()).scenario();
        } catch (FormValues.Invalid e) {
            return Pages.html(400, list(form.shown(), null, refused(e)));
        } catch (ProblemException e) {
            FormOutcome outcome = refused(e);
            return Pages.html(outcome.status(), list(form.shown(), null, outcome));
        }
        return Response.seeOther(
                        URI.create("/app/" + code + "/planlegging/scenarier/" + created.id() + "?melding=lagret"))
                .build();
    }

    @GET
    @Path("/{scenarioId}")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public Response scenario(
            @PathParam("code") String code,
            @PathParam("scenarioId") UUID scenarioId,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar,
            @QueryParam("melding") String melding) {
        ScenarioView scenario = scenarios.get(scenarioId);
        Projection projection = projection(scenarioId, fra, aar);
        return Pages.html(
                projection.outcome().failed() ? 400 : 200,
                Templates.scenario(
                        pages.context(KeyFiguresPage.SECTION),
                        scenario,
                        projection,
                        ScenarioForm.of(scenario),
                        choices(),
                        message(melding),
                        FormOutcome.none()));
    }

    /** The projection's figures as CSV: a row per year, a column per figure, residents by column. */
    @GET
    @Path("/{scenarioId}/framskriving.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces("text/csv")
    public Response projectionCsv(
            @PathParam("code") String code,
            @PathParam("scenarioId") UUID scenarioId,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar) {
        Years years = years(fra, aar);
        ScenarioProjectionView view = projections.projection(scenarioId, years.from(), years.years());
        List<String> columns = columnsOf(view);
        List<String> header = new ArrayList<>(List.of("year", "grantYear", "rulesStatus", "threshold"));
        columns.forEach(c -> header.add("residents_" + c));
        header.addAll(List.of(
                "residents", "grossCostsBeforeSavings", "savingsPlanned", "savings", "grossCosts", "grant", "netCost"));
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioProjectionView.Year y : view.rows()) {
            List<String> row = new ArrayList<>(List.of(
                    Integer.toString(y.year()),
                    Integer.toString(y.grantYear()),
                    y.rulesStatus() == null ? "" : y.rulesStatus().name(),
                    PageCsv.plain(y.threshold())));
            columns.forEach(c -> row.add(
                    y.byColumn().containsKey(c)
                            ? PageCsv.plain(y.byColumn().get(c).residents())
                            : "0.00"));
            row.addAll(List.of(
                    PageCsv.plain(y.residents()),
                    PageCsv.plain(y.grossCostsBeforeSavings()),
                    PageCsv.plain(y.savingsPlanned()),
                    PageCsv.plain(y.savings()),
                    PageCsv.plain(y.grossCosts()),
                    PageCsv.plain(y.grant()),
                    PageCsv.plain(y.netCost())));
            rows.add(row);
        }
        return PageCsv.of("scenario-projection-" + code + "-" + years.from() + "-" + years.years(), header, rows);
    }

    @POST
    @Path("/{scenarioId}")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response change(
            @PathParam("code") String code,
            @PathParam("scenarioId") UUID scenarioId,
            @RestForm("_csrf") String csrf,
            @BeanParam ScenarioFields fields) {
        pages.verifyForm(csrf);
        ScenarioForm form = fields.typed();
        try {
            var change = form.change();
            Set<? extends ConstraintViolation<?>> violations = validator.validate(change);
            if (!violations.isEmpty()) {
                return refusedChange(scenarioId, form, refused(violations));
            }
            scenarios.update(scenarioId, change);
        } catch (FormValues.Invalid e) {
            return refusedChange(scenarioId, form, refused(e));
        } catch (ProblemException e) {
            return refusedChange(scenarioId, form, refused(e));
        }
        return Response.seeOther(
                        URI.create("/app/" + code + "/planlegging/scenarier/" + scenarioId + "?melding=endret"))
                .build();
    }

    @POST
    @Path("/{scenarioId}/slett")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response delete(
            @PathParam("code") String code, @PathParam("scenarioId") UUID scenarioId, @RestForm("_csrf") String csrf) {
        pages.verifyForm(csrf);
        scenarios.delete(scenarioId);
        return Response.seeOther(URI.create("/app/" + code + "/planlegging/scenarier?melding=slettet"))
                .build();
    }

    /** The scenario's page again with the refused change, what was typed kept; nothing changed. */
    private Response refusedChange(UUID scenarioId, ScenarioForm form, FormOutcome outcome) {
        ScenarioView scenario = scenarios.get(scenarioId);
        return Pages.html(
                outcome.status(),
                Templates.scenario(
                        pages.context(KeyFiguresPage.SECTION),
                        scenario,
                        projection(scenarioId, null, null),
                        form.shown(),
                        choices(),
                        null,
                        outcome));
    }

    private Projection projection(UUID scenarioId, String fra, String aar) {
        HousingNames.View housing = names.names();
        Years years;
        try {
            years = years(fra, aar);
        } catch (ProblemException e) {
            return new Projection(fra, aar, null, List.of(), FormOutcome.of(e, YEAR_FIELDS));
        }
        ScenarioProjectionView view = projections.projection(scenarioId, years.from(), years.years());
        List<PlanningTexts.Choice> columns = columnsOf(view).stream()
                .map(c -> new PlanningTexts.Choice(c, PlanningTexts.column(c, housing)))
                .toList();
        return new Projection(
                Integer.toString(years.from()), Integer.toString(years.years()), view, columns, FormOutcome.none());
    }

    /** The columns any year of the projection has, in the API's order (forms, unknown, joint service). */
    static List<String> columnsOf(ScenarioProjectionView view) {
        List<String> order = new ArrayList<>(PlanningTexts.HOUSING_COLUMNS);
        order.add("jointService");
        return order.stream()
                .filter(c -> view.rows().stream().anyMatch(y -> y.byColumn().containsKey(c)))
                .toList();
    }

    /** The API's defaults: from this year, ten years. */
    private Years years(String fra, String aar) {
        int thisYear = LocalDate.now(clock.withZone(Formats.OSLO)).getYear();
        try {
            return new Years(
                    FormValues.whole("fra", fra, 2000, 2100, thisYear), FormValues.whole("aar", aar, 1, 15, 10));
        } catch (FormValues.Invalid e) {
            throw ProblemException.invalidField(e.field, YEAR_FIELDS.get(e.field));
        }
    }

    private Choices choices() {
        HousingNames.View housing = names.names();
        return new Choices(PlanningTexts.forms(housing), PlanningTexts.levels(housing), housing);
    }

    static FormOutcome refused(FormValues.Invalid e) {
        return FormOutcome.field(e.field, ScenarioForm.FIELDS.get(e.field));
    }

    /** The API's own refusal, by the page's fields: a taken name at the name, a stale version at the version. */
    static FormOutcome refused(ProblemException e) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (Problem.Violation v : e.violations()) {
            violations.add(
                    Problem.Violation.field(v.field() == null ? "" : ScenarioForm.pageField(v.field()), v.message()));
        }
        if (violations.isEmpty() && e.type() == ProblemType.STALE_VERSION) {
            violations.add(Problem.Violation.field("versjon", e.getMessage()));
        }
        if (violations.isEmpty()
                && e.type() == ProblemType.CONFLICT
                && e.getMessage().contains("named")) {
            return new FormOutcome(
                    e.type().status(),
                    e.type().uri(),
                    FormOutcome.summary(e.type().status()),
                    Map.of("navn", "Et annet scenario i kommunen har det navnet. Velg et annet."),
                    List.of(e.getMessage()));
        }
        return FormOutcome.of(new ProblemException(e.type(), e.getMessage(), violations), ScenarioForm.FIELDS);
    }

    static FormOutcome refused(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            String field = ScenarioForm.pageField(v.getPropertyPath().toString());
            fields.putIfAbsent(field, ScenarioForm.FIELDS.getOrDefault(field, v.getMessage()));
            details.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        return new FormOutcome(400, FormOutcome.VALIDATION, FormOutcome.summary(400), fields, details);
    }

    static String message(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "lagret" -> "Scenariet er lagret.";
            case "endret" -> "Endringen er lagret, og framskrivingen er regnet på nytt.";
            case "slettet" -> "Scenariet er slettet.";
            default -> null;
        };
    }
}
