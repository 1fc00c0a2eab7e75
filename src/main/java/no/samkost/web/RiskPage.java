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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.Cooperations;
import no.samkost.cooperation.PooledRisk;
import no.samkost.cooperation.api.CooperationView;
import no.samkost.cooperation.api.RiskView;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Role;

/**
 * Risiko: what pooling does to each member's risk ({@link PooledRisk}, the API's getRiskPooling),
 * for the same roles. A fan chart of P10-P90 and P50 per year, alone against pooled, for each member
 * this viewer may see and for the total, each drawn from its table; a summary table per member in
 * which a member hidden under the small-number rule is "–" with the reason in a footnote, as on the
 * pooled figures' page; the simulation's parameters as the person's inputs; CSV.
 */
@Path("/app/{code}/samarbeid/{id}/risiko")
public class RiskPage {

    /** The simulation's fixed seed when none is given, as the API's. */
    static final long DEFAULT_SEED = 20_100_101L;

    static final Map<String, String> FIELDS = Map.of(
            "fra", "Første år må være et årstall fra 2000 til neste år.",
            "aar", "Antall år må være et helt tall fra 1 til 15.",
            "kjoringer", "Antall kjøringer må være et helt tall fra 100 til 20 000.",
            "utgang", "Sannsynligheten for å avslutte må være prosent fra 0 til 100 med høyst to desimaler, eller tom.",
            "seed", "Startverdien må være et helt tall.",
            "runs", "For mange kjøringer: kjøringer × år × medlemmer kan være høyst 10 000 000.",
            "from", "Reglene for dette første året mangler verdier som tilskuddet trenger: velg et senere år.");

    static final List<FigureTable.Column> SUMMARY = List.of(
            new FigureTable.Column("standAloneMean", "standAloneMean", "Alene: gjennomsnitt", true),
            new FigureTable.Column("standAloneP10", "standAloneP10", "Alene: P10", true),
            new FigureTable.Column("standAloneP90", "standAloneP90", "Alene: P90", true),
            new FigureTable.Column("standAloneAbove", "standAloneAbove", "Alene: år over forventet", false),
            new FigureTable.Column("pooledMean", "pooledMean", "Samarbeid: gjennomsnitt", true),
            new FigureTable.Column("pooledP10", "pooledP10", "Samarbeid: P10", true),
            new FigureTable.Column("pooledP90", "pooledP90", "Samarbeid: P90", true),
            new FigureTable.Column("pooledAbove", "pooledAbove", "Samarbeid: år over forventet", false),
            new FigureTable.Column("spreadReduction", "spreadReduction", "Mindre spredning (P90 − P10)", true),
            new FigureTable.Column("spreadReductionShare", "spreadReductionShare", "Mindre spredning, andel", false));

    static final List<FigureTable.Column> INPUTS = List.of(
            new FigureTable.Column("recipientsToday", null, "Mottakere i dag", false),
            new FigureTable.Column("recipientsInHistory", null, "Mottakere i historikkårene", false),
            new FigureTable.Column("historyArrivalRate", null, "Nye per år i historikken", false),
            new FigureTable.Column("registerArrivals", null, "Fra registeret", false),
            new FigureTable.Column("arrivalRate", null, "Nye per år i alt", false),
            new FigureTable.Column("exitProbability", null, "Avslutter per år", false),
            new FigureTable.Column("meanAnnualCost", null, "Gjennomsnittlig årskostnad", true));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance risk(PageContext ctx, Page page);
    }

    /** The inputs as typed. */
    public record Inputs(String from, String years, String runs, String exit, String seed) {}

    /** A fan: a member's (or the total's) simulated years. */
    public record Fan(String id, String label, List<RiskView.RiskYear> years) {}

    public record Page(
            String path,
            CooperationView cooperation,
            Inputs inputs,
            RiskView risk,
            FigureTable summary,
            FigureTable members,
            List<Fan> fans,
            List<String> hidden,
            List<String> notes,
            FormOutcome outcome) {}

    private record Asked(int from, int years, int runs, BigDecimal exit, long seed) {}

    private final Pages pages;
    private final Cooperations cooperations;
    private final PooledRisk risk;
    private final Clock clock;

    public RiskPage(Pages pages, Cooperations cooperations, PooledRisk risk, Clock clock) {
        this.pages = pages;
        this.cooperations = cooperations;
        this.risk = risk;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces(MediaType.TEXT_HTML)
    public Response risk(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar,
            @QueryParam("kjoringer") String kjoringer,
            @QueryParam("utgang") String utgang,
            @QueryParam("seed") String seed) {
        Cooperation c = cooperations.require(id);
        CooperationView view = cooperations.view(c);
        PageContext ctx = pages.context(PageContext.cooperationSection(id));
        String path = ctx.base() + "/samarbeid/" + id;
        Inputs typed = new Inputs(fra, aar, kjoringer, utgang, seed);
        Asked asked;
        try {
            asked = asked(fra, aar, kjoringer, utgang, seed);
        } catch (FormValues.Invalid e) {
            return empty(ctx, path, view, typed, FormOutcome.field(e.field, FIELDS.get(e.field)));
        }
        Inputs shown = new Inputs(
                Integer.toString(asked.from()),
                Integer.toString(asked.years()),
                Integer.toString(asked.runs()),
                asked.exit() == null ? "" : FormValues.asPercent(asked.exit()),
                Long.toString(asked.seed()));
        RiskView figures;
        try {
            figures = simulate(id, asked);
        } catch (ProblemException e) {
            return empty(ctx, path, view, shown, FormOutcome.of(e, FIELDS));
        }
        Map<String, String> names = CooperationPage.names(view);
        List<Fan> fans = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (RiskView.RiskMemberView m : figures.members()) {
            if (m.figures() == null) {
                hidden.add(names.getOrDefault(m.municipality(), m.municipality()));
            } else {
                fans.add(new Fan(
                        "vifte-" + m.municipality(),
                        names.getOrDefault(m.municipality(), m.municipality()),
                        m.figures().byYear()));
            }
        }
        if (figures.total() != null) {
            fans.add(new Fan("vifte-sum", "Samarbeidet i alt", figures.total().byYear()));
        }
        return Pages.html(
                200,
                Templates.risk(
                        ctx,
                        new Page(
                                path,
                                view,
                                shown,
                                figures,
                                summary(figures, names, ctx.code()),
                                inputs(figures, names, ctx.code()),
                                fans,
                                hidden,
                                figures.notes().stream().map(RiskPage::note).toList(),
                                FormOutcome.none())));
    }

    private Response empty(PageContext ctx, String path, CooperationView view, Inputs inputs, FormOutcome outcome) {
        return Pages.html(
                outcome.status(),
                Templates.risk(
                        ctx, new Page(path, view, inputs, null, null, null, List.of(), List.of(), List.of(), outcome)));
    }

    /** Every figure of the page per member (or total) and year, alone and pooled; a hidden member is named, empty. */
    @GET
    @Path("/risiko.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces("text/csv")
    public Response csv(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @QueryParam("fra") String fra,
            @QueryParam("aar") String aar,
            @QueryParam("kjoringer") String kjoringer,
            @QueryParam("utgang") String utgang,
            @QueryParam("seed") String seed) {
        cooperations.require(id);
        Asked asked;
        try {
            asked = asked(fra, aar, kjoringer, utgang, seed);
        } catch (FormValues.Invalid e) {
            throw ProblemException.invalidField(e.field, FIELDS.get(e.field));
        }
        RiskView figures = simulate(id, asked);
        List<List<String>> rows = new ArrayList<>();
        for (RiskView.RiskMemberView m : figures.members()) {
            rows.addAll(csvRows(m.municipality(), m.figures()));
        }
        rows.addAll(csvRows("total", figures.total()));
        List<String> header = new ArrayList<>(List.of("member", "hidden", "costYear"));
        for (String side : List.of("standAlone", "pooled")) {
            for (String figure :
                    List.of("mean", "p10", "p50", "p90", "standardDeviation", "probabilityAboveExpected")) {
                header.add(side + "_" + figure);
            }
        }
        header.add("spreadReduction");
        return PageCsv.of("risk-" + id + "-" + asked.from() + "-" + asked.years(), header, rows);
    }

    private static List<List<String>> csvRows(String member, RiskView.RiskFigures f) {
        if (f == null) {
            return List.of(List.of(member, "true"));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of(member, "false", ""));
        all.addAll(distribution(f.standAlone()));
        all.addAll(distribution(f.pooled()));
        all.add(PageCsv.plain(f.spreadReduction()));
        rows.add(all);
        for (RiskView.RiskYear y : f.byYear()) {
            List<String> row = new ArrayList<>(List.of(member, "false", Integer.toString(y.costYear())));
            row.addAll(distribution(y.standAlone()));
            row.addAll(distribution(y.pooled()));
            row.add("");
            rows.add(row);
        }
        return rows;
    }

    private static List<String> distribution(RiskView.RiskDistribution d) {
        return List.of(
                PageCsv.plain(d.mean()),
                PageCsv.plain(d.p10()),
                PageCsv.plain(d.p50()),
                PageCsv.plain(d.p90()),
                PageCsv.plain(d.standardDeviation()),
                PageCsv.plain(d.probabilityAboveExpected()));
    }

    private RiskView simulate(String id, Asked asked) {
        return risk.risk(id, asked.from(), asked.years(), asked.runs(), asked.seed(), 5, asked.exit(), null);
    }

    /** The API's defaults: from this year, ten years, 2 000 runs, each member's own exits, the fixed seed. */
    private Asked asked(String fra, String aar, String kjoringer, String utgang, String seed) {
        int thisYear = LocalDate.now(clock.withZone(Formats.OSLO)).getYear();
        long chosenSeed = DEFAULT_SEED;
        if (!FormValues.blank(seed)) {
            try {
                chosenSeed = Long.parseLong(seed.strip());
            } catch (NumberFormatException e) {
                throw new FormValues.Invalid("seed");
            }
        }
        return new Asked(
                FormValues.whole("fra", fra, 2000, thisYear + 1, thisYear),
                FormValues.whole("aar", aar, 1, 15, 10),
                FormValues.whole("kjoringer", kjoringer, 100, 20_000, 2000),
                FormValues.percent("utgang", utgang, 2, new BigDecimal(100)),
                chosenSeed);
    }

    /** The distributions per member and total; a hidden member's cells "–", with the reason. */
    static FigureTable summary(RiskView risk, Map<String, String> names, String own) {
        List<SuppressedCell> suppressed = new ArrayList<>();
        for (SuppressedCell s : risk.suppressed()) {
            if (s.municipality() != null && s.field().equals("figures")) {
                SUMMARY.forEach(
                        c -> suppressed.add(new SuppressedCell(s.municipality(), c.field(), norwegian(s.reason()))));
            } else if (s.municipality() == null && s.field().equals("total")) {
                SUMMARY.forEach(c ->
                        suppressed.add(new SuppressedCell(null, "totals." + c.totalField(), norwegian(s.reason()))));
            }
        }
        FigureTable.Builder table = new FigureTable.Builder("risiko", SUMMARY, suppressed, names, own);
        for (RiskView.RiskMemberView m : risk.members()) {
            table.member(m.municipality(), values(m.figures()));
        }
        return table.withTotal(values(risk.total()));
    }

    private static List<?> values(RiskView.RiskFigures f) {
        if (f == null) {
            return Arrays.asList(new Object[SUMMARY.size()]);
        }
        return Arrays.asList(
                f.standAlone().mean(),
                f.standAlone().p10(),
                f.standAlone().p90(),
                Formats.percent(f.standAlone().probabilityAboveExpected()),
                f.pooled().mean(),
                f.pooled().p10(),
                f.pooled().p90(),
                Formats.percent(f.pooled().probabilityAboveExpected()),
                f.spreadReduction(),
                f.spreadReductionShare() == null ? "–" : Formats.percent(f.spreadReductionShare()));
    }

    /** What the simulation took from each member's data, as far as this viewer may see it. */
    static FigureTable inputs(RiskView risk, Map<String, String> names, String own) {
        List<SuppressedCell> suppressed = new ArrayList<>();
        for (SuppressedCell s : risk.suppressed()) {
            if (s.municipality() == null) {
                continue;
            }
            if (s.field().equals("inputs")) {
                INPUTS.forEach(
                        c -> suppressed.add(new SuppressedCell(s.municipality(), c.field(), norwegian(s.reason()))));
            } else if (s.field().startsWith("inputs.")) {
                suppressed.add(new SuppressedCell(
                        s.municipality(), s.field().substring("inputs.".length()), norwegian(s.reason())));
            }
        }
        FigureTable.Builder table = new FigureTable.Builder("grunnlag", INPUTS, suppressed, names, own);
        for (RiskView.RiskMemberView m : risk.members()) {
            RiskView.RiskInputs i = m.inputs();
            table.member(
                    m.municipality(),
                    i == null
                            ? Arrays.asList(new Object[INPUTS.size()])
                            : Arrays.asList(
                                    i.recipientsToday(),
                                    i.recipientsInHistory(),
                                    Formats.decimal(i.historyArrivalRate()),
                                    i.registerArrivals(),
                                    i.arrivalRate() == null ? null : Formats.decimal(i.arrivalRate()),
                                    Formats.percent(i.exitProbability()) + " (" + exitBasis(i.exitProbabilityBasis())
                                            + ")",
                                    i.meanAnnualCost() == null ? "–" : i.meanAnnualCost()));
        }
        return table.withoutTotal();
    }

    private static String exitBasis(String basis) {
        return switch (basis) {
            case "HISTORY" -> "fra historikken";
            case "GIVEN" -> "oppgitt";
            default -> "standard";
        };
    }

    /** The service's reasons for hiding, in Norwegian (an unknown one as written). */
    static String norwegian(String reason) {
        if (reason.startsWith("another member's simulation")) {
            return "Et annet medlems simulering vises bare for medlemmet selv: prosentilene i en simulering av"
                    + " noen få kjente personer faller på enkeltutfall, og avstanden mellom dem gir hver persons"
                    + " kostnad tilbake.";
        }
        if (reason.startsWith("the total less")) {
            return "Summen minus kommunens egen rad ville vært de andre medlemmenes simulering.";
        }
        return reason;
    }

    /** The simulation's notes in Norwegian where their wording is known. */
    static String note(String note) {
        Matcher uncosted =
                Pattern.compile("^(\\d{4}): arrivals cannot be costed").matcher(note);
        if (uncosted.find()) {
            return uncosted.group(1) + ": nye mottakere kan ikke kostnadsberegnes uten årskostnader i historikkårene,"
                    + " så simuleringen har ingen nye for dette medlemmet.";
        }
        Matcher unverified =
                Pattern.compile("^The rules of grant years \\[([0-9, ]+)]").matcher(note);
        if (unverified.find()) {
            return "Reglene for tilskuddsårene " + unverified.group(1) + " har verdier som ikke er lest i et rundskriv;"
                    + " tilskuddene er ikke bedre enn de verdiene.";
        }
        return note;
    }
}
