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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samkost.common.CsvBodyWriter;
import no.samkost.cooperation.Cooperations;
import no.samkost.cooperation.CostComparison;
import no.samkost.cooperation.JointServices;
import no.samkost.cooperation.PooledFigures;
import no.samkost.cooperation.api.ComparisonMember;
import no.samkost.cooperation.api.ComparisonView;
import no.samkost.cooperation.api.CooperationView;
import no.samkost.cooperation.api.PooledMember;
import no.samkost.cooperation.api.PooledTotals;
import no.samkost.cooperation.api.PooledView;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Role;

/**
 * A cooperation's overview for its members: the pooled figures of a cost year (table, a chart per
 * member drawn from the table, CSV), stand-alone vs pooled, and the joint services. It shows what
 * {@code getPooledFigures}, {@code getComparison} and {@code listJointServices} answer this viewer,
 * small-number rule included, and the same roles may open it.
 */
@Path("/app/{code}/samarbeid/{id}")
public class CooperationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(PageContext ctx, Overview page);
    }

    /** The page: {@code missingRules} set (and no figures) when the year has no reimbursement rules. */
    public record Overview(
            String path,
            CooperationView cooperation,
            boolean host,
            int costYear,
            int grantYear,
            List<Integer> years,
            String missingRules,
            FigureTable pooled,
            List<String> notes,
            FigureTable comparison,
            ComparisonView comparisonView,
            List<ServiceLine> services) {}

    /** A joint service in the list; its page has the placements the viewer may see. */
    public record ServiceLine(String id, String name, String kind, int capacity) {}

    static final List<FigureTable.Column> POOLED = List.of(
            new FigureTable.Column("placedRecipients", "placedRecipients", "Plasserte mottakere", false),
            new FigureTable.Column("placementDays", "placementDays", "Plasseringsdøgn", false),
            new FigureTable.Column("attributedCosts", "attributedCosts", "Fordelte kostnader", true),
            new FigureTable.Column("sharedCostShare", "sharedCosts", "Andel av felleskostnader", true),
            new FigureTable.Column("expectedGrant", "expectedGrant", "Forventet tilskudd", true),
            new FigureTable.Column("netCost", "netCost", "Nettokostnad", true));

    static final List<FigureTable.Column> COMPARISON = List.of(
            new FigureTable.Column("placedRecipients", null, "Plasserte mottakere", false),
            new FigureTable.Column("pooledNetCost", null, "Nettokostnad i samarbeidet", true),
            new FigureTable.Column("standAloneCosts", null, "Kostnader alene", true),
            new FigureTable.Column("standAloneExpectedGrant", null, "Forventet tilskudd alene", true),
            new FigureTable.Column("standAloneNetCost", null, "Nettokostnad alene", true),
            new FigureTable.Column("savingsFromCooperation", null, "Innsparing ved samarbeidet", true));

    private final Pages pages;
    private final Cooperations cooperations;
    private final PooledFigures pooled;
    private final CostComparison comparison;
    private final JointServices services;
    private final CostYears years;

    public CooperationPage(
            Pages pages,
            Cooperations cooperations,
            PooledFigures pooled,
            CostComparison comparison,
            JointServices services,
            CostYears years) {
        this.pages = pages;
        this.cooperations = cooperations;
        this.pooled = pooled;
        this.comparison = comparison;
        this.services = services;
        this.years = years;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(
            @PathParam("code") String code, @PathParam("id") String id, @QueryParam("aar") Integer aar) {
        Cooperation c = cooperations.require(id);
        CooperationView view = cooperations.view(c);
        int costYear = years.chosen(aar);
        List<ServiceLine> serviceLines = services.list(id).stream()
                .map(s -> new ServiceLine(s.id().toString(), s.name(), Labels.kind(s.kind()), s.capacity()))
                .toList();
        boolean host = cooperations.callerHosts(c);
        PageContext ctx = pages.context(PageContext.cooperationSection(id));
        String path = ctx.base() + "/samarbeid/" + id;
        String missing = years.hasRules(costYear)
                ? null
                : "Det finnes ingen refusjonsregler for tilskuddsåret " + (costYear + 1) + " (kostnader fra " + costYear
                        + "), så de samlede tallene kan ikke regnes ut for dette året.";
        PooledFigures.Shown shown = missing == null ? pooled.shown(id, costYear) : null;
        PooledView figures = shown == null ? null : shown.view();
        ComparisonView compared = missing == null ? comparison.comparison(id, costYear) : null;
        Map<String, String> names = names(view);
        return Templates.overview(
                ctx,
                new Overview(
                        path,
                        view,
                        host,
                        costYear,
                        costYear + 1,
                        years.withRules(),
                        missing,
                        figures == null ? null : pooledTable(figures, names, ctx.code()),
                        shown == null
                                ? List.of()
                                : shown.notes().stream()
                                        .map(PooledNotes::norwegian)
                                        .toList(),
                        compared == null ? null : comparisonTable(compared, names, ctx.code()),
                        compared,
                        serviceLines));
    }

    /** The same CSV as {@code getPooledFigures} with {@code Accept: text/csv}, as a download. */
    @GET
    @Path("/samlede-tall.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Produces(CsvBodyWriter.MEDIA_TYPE)
    public PooledView csv(@PathParam("code") String code, @PathParam("id") String id, @QueryParam("aar") Integer aar) {
        return pooled.pooled(id, years.chosen(aar));
    }

    static Map<String, String> names(CooperationView view) {
        Map<String, String> names = new LinkedHashMap<>();
        view.members().forEach(m -> names.put(m.municipality(), m.name() + " (" + m.municipality() + ")"));
        return names;
    }

    static FigureTable pooledTable(PooledView view, Map<String, String> names, String own) {
        FigureTable.Builder table = new FigureTable.Builder("samlet", POOLED, view.suppressed(), names, own);
        for (PooledMember m : view.members()) {
            table.member(
                    m.municipality(),
                    java.util.Arrays.asList(
                            m.placedRecipients(),
                            m.placementDays(),
                            m.attributedCosts(),
                            m.sharedCostShare(),
                            m.expectedGrant(),
                            m.netCost()));
        }
        PooledTotals t = view.totals();
        return table.withTotal(java.util.Arrays.asList(
                t.placedRecipients(),
                t.placementDays(),
                t.attributedCosts(),
                t.sharedCosts(),
                t.expectedGrant(),
                t.netCost()));
    }

    static FigureTable comparisonTable(ComparisonView view, Map<String, String> names, String own) {
        FigureTable.Builder table = new FigureTable.Builder("sammenligning", COMPARISON, view.suppressed(), names, own);
        for (ComparisonMember m : view.members()) {
            table.member(
                    m.municipality(),
                    java.util.Arrays.asList(
                            m.placedRecipients(),
                            m.pooledNetCost(),
                            m.standAloneCosts(),
                            m.standAloneExpectedGrant(),
                            m.standAloneNetCost(),
                            m.savingsFromCooperation()));
        }
        return table.withoutTotal();
    }
}
