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
import java.util.List;
import java.util.Map;
import no.samkost.common.CsvBodyWriter;
import no.samkost.planning.HousingNames;
import no.samkost.planning.KeyFiguresService;
import no.samkost.planning.KeyFiguresView;
import no.samkost.tenancy.Role;

/**
 * Planlegging, its first page: the municipality's key figures per cost year ({@link
 * KeyFiguresService}, the API's getKeyFigures), costs, grant and net cost as lines drawn from their
 * table, recipients by user group and housing form, and the same figures as the API's CSV.
 */
@Path("/app/{code}/planlegging")
public class KeyFiguresPage {

    static final String SECTION = "planlegging";

    static final Map<String, String> FIELDS = Map.of(
            "til", "«Til og med» må være et kostnadsår fra 2000 til 2100.",
            "fra", "«Fra og med» må være et kostnadsår fra 2000, ikke etter «til og med», og høyst 15 år før.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance keyFigures(
                PageContext ctx,
                Range range,
                KeyFiguresView figures,
                List<PlanningTexts.Choice> groups,
                List<PlanningTexts.Choice> forms,
                FormOutcome outcome);
    }

    /** The years asked for, as typed, and as read (0 when they could not be). */
    public record Range(String fromText, String toText, int from, int to) {}

    private final Pages pages;
    private final KeyFiguresService keyFigures;
    private final HousingNames names;
    private final Clock clock;

    public KeyFiguresPage(Pages pages, KeyFiguresService keyFigures, HousingNames names, Clock clock) {
        this.pages = pages;
        this.keyFigures = keyFigures;
        this.names = names;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public Response keyFigures(
            @PathParam("code") String code, @QueryParam("fra") String fra, @QueryParam("til") String til) {
        PageContext ctx = pages.context(SECTION);
        HousingNames.View housing = names.names();
        List<PlanningTexts.Choice> forms = PlanningTexts.HOUSING_COLUMNS.stream()
                .map(c -> new PlanningTexts.Choice(c, PlanningTexts.column(c, housing)))
                .toList();
        Range range;
        try {
            range = range(fra, til);
        } catch (FormValues.Invalid e) {
            return Pages.html(
                    400,
                    Templates.keyFigures(
                            ctx,
                            new Range(fra, til, 0, 0),
                            null,
                            PlanningTexts.groups(),
                            forms,
                            FormOutcome.field(e.field, FIELDS.get(e.field))));
        }
        return Pages.html(
                200,
                Templates.keyFigures(
                        ctx,
                        range,
                        keyFigures.keyFigures(range.from(), range.to()),
                        PlanningTexts.groups(),
                        forms,
                        FormOutcome.none()));
    }

    /** The API's CSV of the same figures (getKeyFigures with Accept: text/csv), as a download. */
    @GET
    @Path("/nokkeltall.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(CsvBodyWriter.MEDIA_TYPE)
    public KeyFiguresView csv(
            @PathParam("code") String code, @QueryParam("fra") String fra, @QueryParam("til") String til) {
        Range range;
        try {
            range = range(fra, til);
        } catch (FormValues.Invalid e) {
            throw no.samkost.common.ProblemException.invalidField(e.field, FIELDS.get(e.field));
        }
        return keyFigures.keyFigures(range.from(), range.to());
    }

    Range range(String fra, String til) {
        return range(fra, til, clock);
    }

    /** The API's range: by default the last five cost years that have ended; at most 15. */
    static Range range(String fra, String til, Clock clock) {
        int lastYear = LocalDate.now(clock.withZone(Formats.OSLO)).getYear() - 1;
        int to = FormValues.whole("til", til, 2000, 2100, lastYear);
        int from = FormValues.whole("fra", fra, 2000, 2100, Math.max(2000, to - 4));
        if (from > to || to - from >= 15) {
            throw new FormValues.Invalid("fra");
        }
        return new Range(
                fra == null ? Integer.toString(from) : fra, til == null ? Integer.toString(to) : til, from, to);
    }
}
