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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.CooperationSensitivity;
import no.samkost.cooperation.Cooperations;
import no.samkost.cooperation.JointServices;
import no.samkost.cooperation.api.AnnualCostIs;
import no.samkost.cooperation.api.CooperationSensitivityView;
import no.samkost.cooperation.api.CooperationView;
import no.samkost.cooperation.api.JointServiceSteps;
import no.samkost.cooperation.api.MemberSensitivity;
import no.samkost.cooperation.api.PlaceRequest;
import no.samkost.cooperation.api.PlaceVariant;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.planning.SensitivityQuery;
import no.samkost.planning.SensitivityView;
import no.samkost.tenancy.Role;

/**
 * Følsomhet under a cooperation: every member's net cost with k more or fewer recipients of a
 * group side by side ({@link CooperationSensitivity}, the API's getCooperationSensitivity), in its
 * own service and served in a joint service, for the same roles. The members' base and group
 * figures, the steps per member (drawn as bars per member from that table) and per joint service;
 * a figure the small-number rule hides is "–" with the reason; CSV.
 */
@Path("/app/{code}/samarbeid/{id}/folsomhet")
public class CooperationSensitivityPage {

    static final Map<String, String> FIELDS = Map.of(
            "aar", "Kostnadsåret må være et årstall med refusjonsregler for året etter.",
            "userGroup", "Velg en brukergruppe, eller alle.",
            "from", "«Fra» må være et helt tall fra −20 til 20.",
            "to", "«Til» må være et helt tall fra −20 til 20, og ikke under «fra».",
            "jointService", "Velg en av samarbeidets felles tjenester som ga omsorg dette året, eller ingen.",
            "usageHoursPerWeek", "Timer per uke må være mer enn 0 og høyst 168, med høyst to desimaler.");

    static final List<FigureTable.Column> MEMBERS = List.of(
            new FigureTable.Column("recipients", null, "Mottakere", false),
            new FigureTable.Column("costs", null, "Kostnader", true),
            new FigureTable.Column("grant", null, "Tilskudd", true),
            new FigureTable.Column("netCost", null, "Nettokostnad", true),
            new FigureTable.Column("groupRecipients", null, "Mottakere i gruppen", false),
            new FigureTable.Column("annualCost", null, "Årskostnad per mottaker", false),
            new FigureTable.Column("annualGrant", null, "Tilskudd per mottaker", false),
            new FigureTable.Column("marginalNetCost", null, "Én mottaker til koster", false));

    private static final Pattern ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sensitivity(PageContext ctx, Page page);
    }

    /** The inputs as typed. */
    public record Inputs(String year, String group, String from, String to, String service, String hours) {}

    /** A joint service's steps: its place and the members' net costs with k more served there. */
    public record Variant(PlaceVariant place, FigureTable table) {}

    public record Page(
            String path,
            CooperationView cooperation,
            Inputs inputs,
            List<Integer> years,
            List<PlanningTexts.Choice> groups,
            List<PlanningTexts.Choice> services,
            CooperationSensitivityView sensitivity,
            String groupName,
            FigureTable members,
            FigureTable steps,
            List<Variant> variants,
            FormOutcome outcome) {}

    private record Asked(int year, SensitivityQuery query, PlaceRequest place) {}

    private final Pages pages;
    private final Cooperations cooperations;
    private final CooperationSensitivity sensitivity;
    private final JointServices services;
    private final CostYears years;

    public CooperationSensitivityPage(
            Pages pages,
            Cooperations cooperations,
            CooperationSensitivity sensitivity,
            JointServices services,
            CostYears years) {
        this.pages = pages;
        this.cooperations = cooperations;
        this.sensitivity = sensitivity;
        this.services = services;
        this.years = years;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces(MediaType.TEXT_HTML)
    public Response sensitivity(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @QueryParam("aar") String aar,
            @QueryParam("gruppe") String gruppe,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til,
            @QueryParam("tjeneste") String tjeneste,
            @QueryParam("timer") String timer) {
        CooperationView view = cooperations.view(cooperations.require(id));
        PageContext ctx = pages.context(PageContext.cooperationSection(id));
        String path = ctx.base() + "/samarbeid/" + id;
        List<PlanningTexts.Choice> serviceChoices = services.list(id).stream()
                .map(s -> new PlanningTexts.Choice(s.id().toString(), s.name()))
                .toList();
        Inputs typed = new Inputs(aar, gruppe, fra, til, tjeneste, timer);
        Asked asked;
        try {
            asked = asked(aar, gruppe, fra, til, tjeneste, timer);
        } catch (FormValues.Invalid e) {
            return page(
                    ctx, 400, path, view, typed, serviceChoices, null, FormOutcome.field(e.field, FIELDS.get(e.field)));
        }
        Inputs shown = new Inputs(
                Integer.toString(asked.year()),
                gruppe == null ? "" : gruppe.strip(),
                Integer.toString(asked.query().from()),
                Integer.toString(asked.query().to()),
                tjeneste == null ? "" : tjeneste.strip(),
                FormValues.asAmount(asked.place().usageHoursPerWeek()));
        CooperationSensitivityView figures;
        try {
            figures = compute(id, asked);
        } catch (ProblemException e) {
            FormOutcome outcome = refused(e, asked.place(), FIELDS);
            boolean defaults =
                    aar == null && gruppe == null && fra == null && til == null && tjeneste == null && timer == null;
            return page(ctx, defaults ? 200 : outcome.status(), path, view, shown, serviceChoices, null, outcome);
        }
        return page(ctx, 200, path, view, shown, serviceChoices, figures, FormOutcome.none());
    }

    private Response page(
            PageContext ctx,
            int status,
            String path,
            CooperationView view,
            Inputs inputs,
            List<PlanningTexts.Choice> serviceChoices,
            CooperationSensitivityView figures,
            FormOutcome outcome) {
        Map<String, String> names = CooperationPage.names(view);
        String groupName = figures == null || figures.userGroup() == null
                ? "alle brukergrupper"
                : RecipientPages.groupName(figures.userGroup()).toLowerCase(java.util.Locale.ROOT);
        return Pages.html(
                status,
                Templates.sensitivity(
                        ctx,
                        new Page(
                                path,
                                view,
                                inputs,
                                years.withRules(),
                                PlanningTexts.groups(),
                                serviceChoices,
                                figures,
                                groupName,
                                figures == null ? null : members(figures, names, ctx.code()),
                                figures == null ? null : steps(figures, names, ctx.code()),
                                figures == null ? List.of() : variants(figures, names, ctx.code()),
                                outcome)));
    }

    /** Each member's steps, in its own service and in each joint service; a hidden member is named, empty. */
    @GET
    @Path("/folsomhet.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces("text/csv")
    public Response csv(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @QueryParam("aar") String aar,
            @QueryParam("gruppe") String gruppe,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til,
            @QueryParam("tjeneste") String tjeneste,
            @QueryParam("timer") String timer) {
        cooperations.require(id);
        Asked asked;
        try {
            asked = asked(aar, gruppe, fra, til, tjeneste, timer);
        } catch (FormValues.Invalid e) {
            throw ProblemException.invalidField(e.field, FIELDS.get(e.field));
        }
        CooperationSensitivityView figures = compute(id, asked);
        List<List<String>> rows = new ArrayList<>();
        for (MemberSensitivity m : figures.members()) {
            rows.addAll(csvRows(figures, m.municipality(), "own", m.steps()));
            if (m.inJointServices() == null) {
                rows.addAll(csvRows(figures, m.municipality(), "jointServices", null));
            } else {
                for (JointServiceSteps j : m.inJointServices()) {
                    rows.addAll(csvRows(figures, m.municipality(), j.serviceId().toString(), j.steps()));
                }
            }
        }
        return PageCsv.of(
                "cooperation-sensitivity-" + id + "-" + asked.year(),
                List.of(
                        "userGroup",
                        "member",
                        "servedIn",
                        "change",
                        "recipients",
                        "costs",
                        "grant",
                        "netCost",
                        "suppressed"),
                rows);
    }

    /** A member's steps in one service; none (hidden, or not computable) is one row with empty figures. */
    private static List<List<String>> csvRows(
            CooperationSensitivityView figures, String member, String servedIn, List<SensitivityView.Step> steps) {
        String group = figures.userGroup() == null ? "" : figures.userGroup().name();
        if (steps == null) {
            // Why, as the API gives it (empty: nothing hidden, the figures cannot be computed).
            String field = servedIn.equals("own") ? "steps" : "inJointServices";
            String why = figures.suppressed().stream()
                    .filter(s -> member.equals(s.municipality()) && field.equals(s.field()))
                    .map(SuppressedCell::reason)
                    .findFirst()
                    .orElse("");
            return List.of(List.of(group, member, servedIn, "", "", "", "", "", why));
        }
        return steps.stream()
                .map(s -> List.of(
                        group,
                        member,
                        servedIn,
                        Integer.toString(s.change()),
                        Integer.toString(s.recipients()),
                        PageCsv.plain(s.costs()),
                        PageCsv.plain(s.grant()),
                        PageCsv.plain(s.netCost()),
                        ""))
                .toList();
    }

    /** A joint service that is not the cooperation's, or gave no care in the year, is refused at its field. */
    static FormOutcome refused(ProblemException e, PlaceRequest place, Map<String, String> fields) {
        if (place.serviceId() == null) {
            return FormOutcome.of(e, fields);
        }
        return new FormOutcome(
                e.type().status(),
                e.type().uri(),
                FormOutcome.summary(e.type().status()),
                Map.of("jointService", fields.get("jointService")),
                List.of(e.getMessage()));
    }

    private CooperationSensitivityView compute(String id, Asked asked) {
        return sensitivity.sensitivity(id, asked.year(), asked.query(), asked.place());
    }

    /** The API's defaults: the newest ended cost year with rules, every group, k from -2 to 3, 20 hours a week. */
    private Asked asked(String aar, String gruppe, String fra, String til, String tjeneste, String timer) {
        Integer year = FormValues.whole("aar", aar, 2000, 2100);
        if (year != null && !years.hasRules(year)) {
            throw new FormValues.Invalid("aar");
        }
        return new Asked(years.chosen(year), SensitivityPage.query(gruppe, fra, til), place(tjeneste, timer));
    }

    /** A joint service chosen (blank: each that gave care) and the added recipient's hours, as the API reads them. */
    static PlaceRequest place(String tjeneste, String timer) {
        UUID service = null;
        if (!FormValues.blank(tjeneste)) {
            if (!ID.matcher(tjeneste.strip()).matches()) {
                throw new FormValues.Invalid("jointService");
            }
            service = UUID.fromString(tjeneste.strip());
        }
        BigDecimal hours = FormValues.decimal("usageHoursPerWeek", timer, 2, new BigDecimal(168));
        if (hours != null && hours.signum() <= 0) {
            throw new FormValues.Invalid("usageHoursPerWeek");
        }
        return new PlaceRequest(service, hours == null ? PlaceRequest.DEFAULT_USAGE : hours.setScale(2));
    }

    /** Each member's base and group figures; the annual cost says whether it is the group's median or mean. */
    static FigureTable members(CooperationSensitivityView view, Map<String, String> names, String own) {
        List<SuppressedCell> suppressed = view.suppressed().stream()
                .map(s -> new SuppressedCell(s.municipality(), s.field(), CooperationTexts.hidden(s.reason())))
                .toList();
        FigureTable.Builder table = new FigureTable.Builder("folsomhet-medlemmer", MEMBERS, suppressed, names, own);
        for (MemberSensitivity m : view.members()) {
            boolean groupShown = m.groupRecipients() != null;
            table.member(
                    m.municipality(),
                    Arrays.asList(
                            m.recipients(),
                            m.costs(),
                            m.grant(),
                            m.netCost(),
                            m.groupRecipients(),
                            !groupShown
                                    ? null
                                    : m.annualCost() == null
                                            ? "ingen i gruppen"
                                            : Formats.nok(m.annualCost()) + " (" + costIs(m.annualCostIs()) + ")",
                            !groupShown ? null : m.annualGrant() == null ? "–" : Formats.nok(m.annualGrant()),
                            !groupShown ? null : m.marginalNetCost() == null ? "–" : Formats.nok(m.marginalNetCost())));
        }
        return table.withoutTotal();
    }

    static String costIs(AnnualCostIs is) {
        return is == AnnualCostIs.MEDIAN ? "gruppens median" : "gruppens gjennomsnitt";
    }

    /** Net cost per member and k, in the member's own service; a member's steps hidden with its group figures. */
    static FigureTable steps(CooperationSensitivityView view, Map<String, String> names, String own) {
        List<FigureTable.Column> columns = stepColumns(view);
        FigureTable.Builder table =
                new FigureTable.Builder("folsomhet-trinn", columns, spread(view, "steps", columns), names, own);
        for (MemberSensitivity m : view.members()) {
            table.member(m.municipality(), netCosts(view, m.steps(), m.groupRecipients() == null));
        }
        return table.withoutTotal();
    }

    /** Per joint service, net cost per member and k with k recipients more served there. */
    static List<Variant> variants(CooperationSensitivityView view, Map<String, String> names, String own) {
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < view.jointServices().size(); i++) {
            PlaceVariant place = view.jointServices().get(i);
            List<FigureTable.Column> columns = stepColumns(view);
            FigureTable.Builder table = new FigureTable.Builder(
                    "folsomhet-tjeneste-" + (i + 1), columns, spread(view, "inJointServices", columns), names, own);
            for (MemberSensitivity m : view.members()) {
                List<SensitivityView.Step> steps = m.inJointServices() == null
                        ? null
                        : m.inJointServices().stream()
                                .filter(j -> j.serviceId().equals(place.place().serviceId()))
                                .map(JointServiceSteps::steps)
                                .findFirst()
                                .orElse(null);
                table.member(m.municipality(), netCosts(view, steps, m.inJointServices() == null));
            }
            variants.add(new Variant(place, table.withoutTotal()));
        }
        return variants;
    }

    private static List<FigureTable.Column> stepColumns(CooperationSensitivityView view) {
        List<FigureTable.Column> columns = new ArrayList<>();
        for (int k = view.from(); k <= view.to(); k++) {
            columns.add(new FigureTable.Column("k" + k, null, "k = " + k, true));
        }
        return columns;
    }

    /** A member's hidden field (steps, inJointServices) as a reason for each of its k columns. */
    private static List<SuppressedCell> spread(
            CooperationSensitivityView view, String field, List<FigureTable.Column> columns) {
        List<SuppressedCell> suppressed = new ArrayList<>();
        for (SuppressedCell s : view.suppressed()) {
            if (s.field().equals(field)) {
                columns.forEach(c -> suppressed.add(
                        new SuppressedCell(s.municipality(), c.field(), CooperationTexts.hidden(s.reason()))));
            }
        }
        return suppressed;
    }

    /** The net cost at each k; a k the steps do not reach (the group runs out) is "–" without a reason to hide. */
    private static List<Object> netCosts(
            CooperationSensitivityView view, List<SensitivityView.Step> steps, boolean hidden) {
        List<Object> values = new ArrayList<>();
        for (int k = view.from(); k <= view.to(); k++) {
            int change = k;
            values.add(
                    hidden
                            ? null
                            : steps == null
                                    ? "–"
                                    : steps.stream()
                                            .filter(s -> s.change() == change)
                                            .map(s -> (Object) s.netCost())
                                            .findFirst()
                                            .orElse("–"));
        }
        return values;
    }
}
