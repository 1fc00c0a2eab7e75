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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.samkost.common.CsvBodyWriter;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.CooperationKeyFigures;
import no.samkost.cooperation.Cooperations;
import no.samkost.cooperation.api.CooperationKeyFiguresView;
import no.samkost.cooperation.api.CooperationKeyFiguresYear;
import no.samkost.cooperation.api.CooperationView;
import no.samkost.cooperation.api.KeyFiguresRow;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.tenancy.Role;

/**
 * Nøkkeltall under a cooperation: each member's key figures per cost year and the cooperation's
 * ({@link CooperationKeyFigures}, the API's getCooperationKeyFigures), for the same roles. A table
 * per year in which a figure the small-number rule hides is "–" with the reason in a footnote, a
 * table of net cost per member and year from which the chart is drawn, and the API's CSV.
 */
@Path("/app/{code}/samarbeid/{id}/nokkeltall")
public class CooperationKeyFiguresPage {

    static final List<FigureTable.Column> COLUMNS = List.of(
            new FigureTable.Column("population", "population", "Innbyggere", false),
            new FigureTable.Column("recipients", "recipients", "Mottakere", false),
            new FigureTable.Column("costs", "costs", "Kostnader", true),
            new FigureTable.Column("grant", "grant", "Tilskudd", true),
            new FigureTable.Column("netCost", "netCost", "Nettokostnad", true),
            new FigureTable.Column(
                    "netCostPerRecipientMean", "netCostPerRecipientMean", "Nettokostnad per mottaker, snitt", false),
            new FigureTable.Column(
                    "netCostPerRecipientMedian",
                    "netCostPerRecipientMedian",
                    "Nettokostnad per mottaker, median",
                    false),
            new FigureTable.Column("netCostPerInhabitant", "netCostPerInhabitant", "Nettokostnad per innbygger", false),
            new FigureTable.Column("grantShareOfCosts", "grantShareOfCosts", "Tilskudd som andel av kostnader", false));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance keyFigures(PageContext ctx, Page page);
    }

    /** A year's table. */
    public record Year(int costYear, int grantYear, FigureTable table) {}

    public record Page(
            String path,
            CooperationView cooperation,
            KeyFiguresPage.Range range,
            CooperationKeyFiguresView figures,
            List<Year> years,
            FigureTable netCosts,
            FormOutcome outcome) {

        /** The years shown, for a caption. */
        public String span() {
            return range.from() + "–" + range.to();
        }
    }

    private final Pages pages;
    private final Cooperations cooperations;
    private final CooperationKeyFigures keyFigures;
    private final Clock clock;

    public CooperationKeyFiguresPage(
            Pages pages, Cooperations cooperations, CooperationKeyFigures keyFigures, Clock clock) {
        this.pages = pages;
        this.cooperations = cooperations;
        this.keyFigures = keyFigures;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces(MediaType.TEXT_HTML)
    public Response keyFigures(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til) {
        CooperationView view = cooperations.view(cooperations.require(id));
        PageContext ctx = pages.context(PageContext.cooperationSection(id));
        String path = ctx.base() + "/samarbeid/" + id;
        KeyFiguresPage.Range range;
        try {
            range = KeyFiguresPage.range(fra, til, clock);
        } catch (FormValues.Invalid e) {
            return Pages.html(
                    400,
                    Templates.keyFigures(
                            ctx,
                            new Page(
                                    path,
                                    view,
                                    new KeyFiguresPage.Range(fra, til, 0, 0),
                                    null,
                                    List.of(),
                                    null,
                                    FormOutcome.field(e.field, KeyFiguresPage.FIELDS.get(e.field)))));
        }
        CooperationKeyFiguresView figures = keyFigures.keyFigures(id, range.from(), range.to());
        Map<String, String> names = CooperationPage.names(view);
        List<Year> years = figures.years().stream()
                .map(y -> new Year(y.costYear(), y.grantYear(), year(y, names, ctx.code())))
                .toList();
        return Pages.html(
                200,
                Templates.keyFigures(
                        ctx,
                        new Page(
                                path,
                                view,
                                range,
                                figures,
                                years,
                                netCosts(figures, names, ctx.code()),
                                FormOutcome.none())));
    }

    /** The API's CSV of the same figures (getCooperationKeyFigures with Accept: text/csv), as a download. */
    @GET
    @Path("/nokkeltall.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces(CsvBodyWriter.MEDIA_TYPE)
    public CooperationKeyFiguresView csv(
            @PathParam("code") String code,
            @PathParam("id") String id,
            @QueryParam("fra") String fra,
            @QueryParam("til") String til) {
        KeyFiguresPage.Range range;
        try {
            range = KeyFiguresPage.range(fra, til, clock);
        } catch (FormValues.Invalid e) {
            throw ProblemException.invalidField(e.field, KeyFiguresPage.FIELDS.get(e.field));
        }
        return keyFigures.keyFigures(id, range.from(), range.to());
    }

    /** A year's figures per member and in total; what is hidden is "–" with the reason. */
    static FigureTable year(CooperationKeyFiguresYear year, Map<String, String> names, String own) {
        List<SuppressedCell> suppressed = year.suppressed().stream()
                .map(s -> new SuppressedCell(s.municipality(), s.field(), CooperationTexts.hidden(s.reason())))
                .toList();
        FigureTable.Builder table =
                new FigureTable.Builder("nokkeltall-" + year.costYear(), COLUMNS, suppressed, names, own);
        year.members().forEach(m -> table.member(m.municipality(), values(m, year.suppressed())));
        return table.withTotal(values(year.totals(), year.suppressed()));
    }

    /**
     * A row's figures in the columns' order. A figure the service left out is null (hidden, with its
     * reason); one it has not (no inhabitants on file, a mean over no recipients) is "–", not hidden.
     */
    private static List<?> values(KeyFiguresRow r, List<SuppressedCell> suppressed) {
        List<Object> values = new ArrayList<>(Arrays.asList(
                r.population(),
                r.recipients(),
                r.costs(),
                r.grant(),
                r.netCost(),
                r.netCostPerRecipientMean() == null ? null : Formats.nok(r.netCostPerRecipientMean()),
                r.netCostPerRecipientMedian() == null ? null : Formats.nok(r.netCostPerRecipientMedian()),
                r.netCostPerInhabitant() == null ? null : Formats.nok(r.netCostPerInhabitant()),
                r.grantShareOfCosts() == null ? null : Formats.percent(r.grantShareOfCosts())));
        for (int i = 0; i < values.size(); i++) {
            String field =
                    (r.municipality() == null ? "totals." : "") + COLUMNS.get(i).field();
            boolean hidden = suppressed.stream()
                    .anyMatch(s -> java.util.Objects.equals(s.municipality(), r.municipality())
                            && s.field().equals(field));
            if (values.get(i) == null && !hidden) {
                values.set(i, "–");
            }
        }
        return values;
    }

    /**
     * Net cost per member (rows) and cost year (columns), the chart's figures: a year's hidden net
     * cost is "–" with that year's reason.
     */
    static FigureTable netCosts(CooperationKeyFiguresView figures, Map<String, String> names, String own) {
        List<FigureTable.Column> columns = new ArrayList<>();
        List<SuppressedCell> suppressed = new ArrayList<>();
        for (CooperationKeyFiguresYear y : figures.years()) {
            String field = "netCost" + y.costYear();
            columns.add(new FigureTable.Column(field, field, Integer.toString(y.costYear()), true));
            for (SuppressedCell s : y.suppressed()) {
                if (s.field().equals("netCost") || s.field().equals("totals.netCost")) {
                    suppressed.add(new SuppressedCell(
                            s.municipality(), s.field() + y.costYear(), CooperationTexts.hidden(s.reason())));
                }
            }
        }
        FigureTable.Builder table = new FigureTable.Builder("nettokostnad", columns, suppressed, names, own);
        if (figures.years().isEmpty()) {
            return table.withoutTotal();
        }
        for (int m = 0; m < figures.years().get(0).members().size(); m++) {
            int member = m;
            table.member(
                    figures.years().get(0).members().get(m).municipality(),
                    figures.years().stream()
                            .map(y -> y.members().get(member).netCost())
                            .toList());
        }
        return table.withTotal(
                figures.years().stream().map(y -> y.totals().netCost()).toList());
    }
}
