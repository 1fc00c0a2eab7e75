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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.Cooperations;
import no.samkost.cooperation.JointServices;
import no.samkost.cooperation.api.PlaceRequest;
import no.samkost.planning.SensitivityQuery;
import no.samkost.planning.SensitivityService;
import no.samkost.planning.SensitivityView;
import no.samkost.recipients.UserGroup;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Role;

/**
 * Følsomhet: the municipality's net cost with k more or fewer recipients of a group ({@link
 * SensitivityService}, the API's getSensitivity), as bars drawn from the table of the steps, with
 * the cost year, the group, the range of k and an optional annual cost as inputs; optionally each
 * recipient added served in a joint service of one of the municipality's cooperations; CSV.
 */
@Path("/app/{code}/planlegging/folsomhet")
public class SensitivityPage {

    static final Map<String, String> FIELDS = Map.of(
            "aar", "Kostnadsåret må være et årstall fra 2000 til 2100.",
            "userGroup", "Velg en brukergruppe, eller alle.",
            "from", "«Fra» må være et helt tall fra −20 til 20, og ikke flere færre enn gruppen har mottakere.",
            "to", "«Til» må være et helt tall fra −20 til 20, og ikke under «fra».",
            "annualCost",
                    "Årskostnaden må være kroner fra 0 til 999 999 999 med høyst to desimaler; uten mottakere i"
                            + " gruppen dette året må den oppgis.",
            "jointService",
                    "Velg en felles tjeneste i et samarbeid kommunen er med i, som ga omsorg dette året, eller ingen.",
            "usageHoursPerWeek", "Timer per uke må være mer enn 0 og høyst 168, med høyst to desimaler.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sensitivity(
                PageContext ctx,
                Inputs inputs,
                List<Integer> years,
                List<PlanningTexts.Choice> groups,
                List<PlanningTexts.Choice> services,
                SensitivityView sensitivity,
                String groupName,
                FormOutcome outcome);
    }

    /** The inputs as typed. */
    public record Inputs(
            String year, String group, String from, String to, String annualCost, String service, String hours) {}

    private record Asked(int year, UserGroup group, int from, int to, BigDecimal annualCost, PlaceRequest place) {}

    private final Pages pages;
    private final SensitivityService sensitivity;
    private final CostYears years;
    private final Cooperations cooperations;
    private final JointServices services;

    public SensitivityPage(
            Pages pages,
            SensitivityService sensitivity,
            CostYears years,
            Cooperations cooperations,
            JointServices services) {
        this.pages = pages;
        this.sensitivity = sensitivity;
        this.years = years;
        this.cooperations = cooperations;
        this.services = services;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public Response sensitivity(
            @PathParam("code") String code,
            @QueryParam("aar") String aar,
            @QueryParam("gruppe") String gruppe,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til,
            @QueryParam("kostnad") String kostnad,
            @QueryParam("tjeneste") String tjeneste,
            @QueryParam("timer") String timer) {
        PageContext ctx = pages.context(KeyFiguresPage.SECTION);
        Inputs typed = new Inputs(aar, gruppe, fra, til, kostnad, tjeneste, timer);
        Asked asked;
        try {
            asked = asked(aar, gruppe, fra, til, kostnad, tjeneste, timer);
        } catch (FormValues.Invalid e) {
            return page(ctx, 400, typed, null, FormOutcome.field(e.field, FIELDS.get(e.field)));
        }
        Inputs shown = new Inputs(
                Integer.toString(asked.year()),
                gruppe == null ? "" : gruppe,
                Integer.toString(asked.from()),
                Integer.toString(asked.to()),
                kostnad == null ? "" : kostnad,
                tjeneste == null ? "" : tjeneste.strip(),
                FormValues.asAmount(asked.place().usageHoursPerWeek()));
        SensitivityView view;
        try {
            view = sensitivity.sensitivity(
                    asked.year(), asked.group(), asked.from(), asked.to(), asked.annualCost(), asked.place());
        } catch (ProblemException e) {
            FormOutcome outcome = CooperationSensitivityPage.refused(e, asked.place(), FIELDS);
            // Opened without a question (the defaults), the page is no refused request: 200, with why.
            boolean defaults = aar == null
                    && gruppe == null
                    && fra == null
                    && til == null
                    && kostnad == null
                    && tjeneste == null
                    && timer == null;
            return page(ctx, defaults ? 200 : outcome.status(), shown, null, outcome);
        }
        return page(ctx, 200, shown, view, FormOutcome.none());
    }

    private Response page(PageContext ctx, int status, Inputs inputs, SensitivityView view, FormOutcome outcome) {
        String groupName = view == null || view.userGroup() == null
                ? "alle brukergrupper"
                : RecipientPages.groupName(view.userGroup()).toLowerCase(java.util.Locale.ROOT);
        return Pages.html(
                status,
                Templates.sensitivity(
                        ctx,
                        inputs,
                        years.withRules(),
                        PlanningTexts.groups(),
                        serviceChoices(),
                        view,
                        groupName,
                        outcome));
    }

    /** The joint services of the cooperations the municipality is a member of, named with their cooperation. */
    private List<PlanningTexts.Choice> serviceChoices() {
        List<PlanningTexts.Choice> choices = new ArrayList<>();
        for (Cooperation c : cooperations.callersCooperations()) {
            services.list(c.id())
                    .forEach(s ->
                            choices.add(new PlanningTexts.Choice(s.id().toString(), s.name() + " (" + c.name() + ")")));
        }
        return choices;
    }

    @GET
    @Path("/folsomhet.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces("text/csv")
    public Response csv(
            @PathParam("code") String code,
            @QueryParam("aar") String aar,
            @QueryParam("gruppe") String gruppe,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til,
            @QueryParam("kostnad") String kostnad,
            @QueryParam("tjeneste") String tjeneste,
            @QueryParam("timer") String timer) {
        Asked asked;
        try {
            asked = asked(aar, gruppe, fra, til, kostnad, tjeneste, timer);
        } catch (FormValues.Invalid e) {
            throw ProblemException.invalidField(e.field, FIELDS.get(e.field));
        }
        SensitivityView view = sensitivity.sensitivity(
                asked.year(), asked.group(), asked.from(), asked.to(), asked.annualCost(), asked.place());
        List<List<String>> rows = new ArrayList<>();
        csvRows(view, view.steps(), "own", rows);
        for (SensitivityView.JointService j : view.jointServices()) {
            csvRows(view, j.steps(), j.place().serviceId().toString(), rows);
        }
        return PageCsv.of(
                "sensitivity-" + code + "-" + asked.year(),
                List.of(
                        "costYear",
                        "userGroup",
                        "change",
                        "recipients",
                        "costs",
                        "grant",
                        "netCost",
                        "annualCost",
                        "annualCostBasis",
                        "annualGrant",
                        "servedIn"),
                rows);
    }

    private static void csvRows(
            SensitivityView view, List<SensitivityView.Step> steps, String servedIn, List<List<String>> rows) {
        for (SensitivityView.Step s : steps) {
            rows.add(List.of(
                    Integer.toString(view.costYear()),
                    view.userGroup() == null ? "" : view.userGroup().name(),
                    Integer.toString(s.change()),
                    Integer.toString(s.recipients()),
                    PageCsv.plain(s.costs()),
                    PageCsv.plain(s.grant()),
                    PageCsv.plain(s.netCost()),
                    PageCsv.plain(view.annualCost()),
                    view.annualCostBasis(),
                    PageCsv.plain(view.annualGrant()),
                    servedIn));
        }
    }

    /** The API's defaults: the newest ended cost year with rules, every group, k from -2 to 3. */
    private Asked asked(
            String aar, String gruppe, String fra, String til, String kostnad, String tjeneste, String timer) {
        Integer year = FormValues.whole("aar", aar, 2000, 2100);
        SensitivityQuery query = query(gruppe, fra, til);
        BigDecimal cost = FormValues.amount("annualCost", kostnad, new BigDecimal("999999999.99"));
        return new Asked(
                years.chosen(year),
                query.group(),
                query.from(),
                query.to(),
                cost,
                CooperationSensitivityPage.place(tjeneste, timer));
    }

    /** The group (blank: every group) and the range of k, the API's default -2 to 3, as the form sends them. */
    static SensitivityQuery query(String gruppe, String fra, String til) {
        UserGroup group = null;
        if (!FormValues.blank(gruppe)) {
            group = RecipientPages.group(gruppe.strip());
            if (group == null) {
                throw new FormValues.Invalid("userGroup");
            }
        }
        int from = FormValues.whole("from", fra, -20, 20, -2);
        int to = FormValues.whole("to", til, -20, 20, 3);
        if (to < from) {
            throw new FormValues.Invalid("to");
        }
        return new SensitivityQuery(group, from, to);
    }
}
