package no.samkost.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.AttributionReport;
import no.samkost.cooperation.Cooperations;
import no.samkost.cooperation.JointServices;
import no.samkost.cooperation.OccupancyReport;
import no.samkost.cooperation.PlacementList;
import no.samkost.cooperation.api.AttributionMonthView;
import no.samkost.cooperation.api.CooperationView;
import no.samkost.cooperation.api.JointServiceView;
import no.samkost.cooperation.api.OccupancyView;
import no.samkost.cooperation.api.PlacementView;
import no.samkost.cooperation.calculation.PlacementStatus;
import no.samkost.tenancy.Cooperation;

/**
 * What a joint service's page shows this viewer, from the services the API uses and with the API's
 * roles: the service to every member; placements (listPlacements) to coordinators and viewers, all of
 * them to the host and its own to a home; occupancy (getOccupancy's figures, month by month) and
 * the attribution (getAttribution) to the host only; the request forms to the host's coordinators.
 */
@ApplicationScoped
public class ServiceSection {

    public record View(
            String path,
            CooperationView cooperation,
            JointServiceView service,
            String kind,
            boolean host,
            boolean readsPlacements,
            boolean decides,
            int costYear,
            List<Integer> years,
            String message,
            Refusal refusal,
            List<PlacementLine> placements,
            List<Request> requests,
            List<MonthCount> occupancy,
            List<AttributionMonth> attribution) {}

    public record PlacementLine(
            String home, String ref, String from, String to, String status, String usage, String declineReason) {}

    /** A request the host decides, with what was typed into its forms if a step was just refused. */
    public record Request(
            String id,
            String home,
            String ref,
            String from,
            String to,
            long version,
            String hours,
            String hoursError,
            String reason,
            String reasonError) {}

    public record MonthCount(String month, String period, int placements, int capacity) {}

    public record AttributionMonth(
            String month, String wages, String totalWeight, String unattributed, List<AttributionLine> parts) {}

    public record AttributionLine(String home, String ref, long days, String usage, String weight, String amount) {}

    /**
     * A refused step, explained in Norwegian: the heading, what to do, the service's own sentence
     * (English, as the API answers it), the form field it concerns (null: none), and the problem
     * type the API answers for the same step, which the page names in {@code data-problem-type}.
     */
    public record Refusal(int status, String heading, String message, String detail, String field, String type) {

        /** A field the page could not even read: the API's validation problem. */
        static Refusal field(String heading, String field, String rule) {
            return new Refusal(400, heading, rule, null, field, no.samkost.common.ProblemType.VALIDATION.uri());
        }

        /** A refusal the page can explain; anything else (403, 404, 5xx) goes to the problem page. */
        static Refusal of(ProblemException e, String heading, String field, String rule) {
            String unchanged = " Ingenting er endret.";
            String message =
                    switch (e.type()) {
                        case VALIDATION -> rule;
                        case CAPACITY_EXCEEDED -> "Tjenesten har ikke ledig plass hver dag i perioden forespørselen"
                                + " gjelder." + unchanged;
                        case STALE_VERSION -> "Forespørselen er endret av noen andre etter at du åpnet siden. Se"
                                + " hvordan den står nå, og prøv igjen." + unchanged;
                        case CONFLICT -> "Forespørselen er ikke lenger til behandling, så den kan ikke bekreftes"
                                + " eller avslås." + unchanged;
                        case YEAR_CLOSED -> "Plasseringen berører et kostnadsår som er lukket fordi kravet er sendt"
                                + " inn." + unchanged;
                        default -> throw e;
                    };
            return new Refusal(
                    e.type().status(),
                    heading,
                    message,
                    e.getMessage(),
                    e.type() == no.samkost.common.ProblemType.VALIDATION ? field : null,
                    e.type().uri());
        }

        public String fieldId(String placementId) {
            return field + "-" + placementId;
        }
    }

    /** What the person sent in one request's form, and (once refused) why it was refused. */
    public record Attempt(UUID placementId, String hours, String reason, Refusal refusal) {

        Attempt(UUID placementId, String hours, String reason) {
            this(placementId, hours, reason, null);
        }

        Attempt refused(Refusal why) {
            return new Attempt(placementId, hours, reason, why);
        }
    }

    private final Cooperations cooperations;
    private final JointServices services;
    private final PlacementList placementList;
    private final AttributionReport attributionReport;
    private final OccupancyReport occupancyReport;
    private final CostYears years;

    public ServiceSection(
            Cooperations cooperations,
            JointServices services,
            PlacementList placementList,
            AttributionReport attributionReport,
            OccupancyReport occupancyReport,
            CostYears years) {
        this.occupancyReport = occupancyReport;
        this.cooperations = cooperations;
        this.services = services;
        this.placementList = placementList;
        this.attributionReport = attributionReport;
        this.years = years;
    }

    View view(PageContext ctx, String id, UUID serviceId, int costYear, String message, Attempt attempt) {
        Cooperation c = cooperations.require(id);
        CooperationView cooperation = cooperations.view(c);
        JointServiceView service = services.get(id, serviceId);
        boolean host = cooperations.callerHosts(c);
        // listPlacements and getAttribution: coordinator or viewer; the steps: the host's coordinators.
        boolean reads = ctx.coordinator() || ctx.viewer();
        boolean decides = host && ctx.coordinator();
        List<PlacementView> placements = reads ? placementList.list(id, serviceId) : List.of();
        Map<String, String> names = CooperationPage.names(cooperation);
        return new View(
                ctx.base() + "/samarbeid/" + id + "/tjenester/" + serviceId,
                cooperation,
                service,
                Labels.kind(service.kind()),
                host,
                reads,
                decides,
                costYear,
                years.withRules(),
                message,
                attempt == null ? null : attempt.refusal(),
                placements.stream().map(p -> line(p, names)).toList(),
                decides
                        ? placements.stream()
                                .filter(p -> p.status() == PlacementStatus.REQUESTED)
                                .map(p -> request(p, names, attempt))
                                .toList()
                        : List.of(),
                host && reads ? occupancy(id, serviceId, costYear) : List.of(),
                host && reads ? attribution(id, serviceId, costYear, names) : List.of());
    }

    private static PlacementLine line(PlacementView p, Map<String, String> names) {
        return new PlacementLine(
                names.getOrDefault(p.municipality(), p.municipality()),
                p.recipientRef(),
                Formats.date(p.startsOn()),
                p.endsOn() == null ? "" : Formats.date(p.endsOn()),
                Labels.status(p.status()),
                p.usageHoursPerWeek() == null ? "" : Formats.decimal(p.usageHoursPerWeek()),
                p.declineReason() == null ? "" : p.declineReason());
    }

    private static Request request(PlacementView p, Map<String, String> names, Attempt attempt) {
        boolean tried = attempt != null && attempt.placementId().equals(p.id());
        Refusal refusal = tried ? attempt.refusal() : null;
        String field = refusal == null ? null : refusal.field();
        return new Request(
                p.id().toString(),
                names.getOrDefault(p.municipality(), p.municipality()),
                p.recipientRef(),
                Formats.date(p.startsOn()),
                p.endsOn() == null ? "" : Formats.date(p.endsOn()),
                p.version(),
                tried && attempt.hours() != null ? attempt.hours() : "",
                JointServicePage.HOURS.equals(field) ? refusal.message() : null,
                tried && attempt.reason() != null ? attempt.reason() : "",
                JointServicePage.REASON.equals(field) ? refusal.message() : null);
    }

    /** getOccupancy's figures: the most confirmed placements on one day of each month, beside the capacity. */
    private List<MonthCount> occupancy(String id, UUID serviceId, int costYear) {
        OccupancyView occupancy = occupancyReport.monthly(id, serviceId, costYear);
        return occupancy.months().stream()
                .map(m -> new MonthCount(
                        Formats.month(YearMonth.parse(m.month())), m.month(), m.peakPlacements(), occupancy.capacity()))
                .toList();
    }

    private List<AttributionMonth> attribution(String id, UUID serviceId, int costYear, Map<String, String> names) {
        List<AttributionMonth> months = new ArrayList<>();
        for (AttributionMonthView m :
                attributionReport.explain(id, serviceId, costYear).months()) {
            months.add(new AttributionMonth(
                    Formats.month(YearMonth.parse(m.period())),
                    Formats.nok(m.directWages()),
                    Formats.decimal(m.totalWeight()),
                    Formats.nok(m.unattributed()),
                    m.parts().stream()
                            .map(p -> new AttributionLine(
                                    names.getOrDefault(p.municipality(), p.municipality()),
                                    p.recipientRef(),
                                    p.days(),
                                    Formats.decimal(p.usageHoursPerWeek()),
                                    Formats.decimal(p.weight()),
                                    Formats.nok(p.amount())))
                            .toList()));
        }
        return months;
    }
}
