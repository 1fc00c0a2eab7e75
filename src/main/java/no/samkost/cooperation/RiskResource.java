package no.samkost.cooperation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import no.samkost.common.ProblemException;
import no.samkost.cooperation.api.RiskView;
import no.samkost.reimbursement.ProjectionRequest;
import no.samkost.tenancy.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stand-alone against pooled: each member's simulated yearly net cost. The parameters are read as
 * text, so that a value that is not a number is refused like one out of range, naming it.
 */
@Path("/api/v1/cooperations/{id}/planning/risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class RiskResource {

    /** The seed when none is given: a fixed one, so that the page shows the same figures on every visit. */
    static final long DEFAULT_SEED = 20_100_101L;

    static final int DEFAULT_HISTORY_YEARS = 5;

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,19}");
    private static final Pattern PROBABILITY = Pattern.compile("0(\\.\\d{1,4})?|1(\\.0{1,4})?");

    private final PooledRisk risk;
    private final Clock clock;

    public RiskResource(PooledRisk risk, Clock clock) {
        this.risk = risk;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.COOPERATION_MEMBER})
    @Operation(
            operationId = "getRiskPooling",
            summary = "Stand-alone vs pooled: each member's simulated yearly net cost",
            description = "A seeded Monte Carlo (README, 'Risk pooling'): per member, from its own cost years and"
                    + " future-needs register, new recipients arrive, recipients leave, annual costs are drawn from"
                    + " its own, a service has stepwise fixed staffing (alone a unit of its own, pooled a share of"
                    + " the joint service's units), and every grant comes from the grant calculator under each year's"
                    + " rules. Per member and in total: mean, P10, P50, P90, the chance of a year more than 10 %"
                    + " above the expected, the reduction in spread, and per year the P10-P90 band. The caller sees"
                    + " its own municipality's row only: every other member's row and the total are always hidden"
                    + " (suppressed), since a simulation over a few known people gives single people's costs back"
                    + " whatever their number. The same parameters and data give the same answer, bit for bit.")
    @APIResponse(responseCode = "200", description = "the simulation's figures and assumptions")
    @APIResponse(responseCode = "400", description = "a parameter out of range or not a number, named")
    public RiskView risk(
            @PathParam("id") String id,
            @QueryParam("years") @Parameter(description = "simulated years, 1-15; default 10", example = "10")
                    String years,
            @QueryParam("runs") @Parameter(description = "runs, 100-20000; default 2000", example = "2000") String runs,
            @QueryParam("seed")
                    @Parameter(description = "any whole number; default " + DEFAULT_SEED, example = "20100101")
                    String seed,
            @QueryParam("from")
                    @Parameter(
                            description = "the first simulated cost year, 2000 to next year; default this year."
                                    + " Today's recipients are those with costs in the year before.",
                            example = "2026")
                    String from,
            @QueryParam("historyYears")
                    @Parameter(
                            description = "the cost years before `from` the inputs are taken from, 1-10; default 5",
                            example = "5")
                    String historyYears,
            @QueryParam("exitProbability")
                    @Parameter(
                            description = "every member's yearly exit probability, 0 to 1 with at most 4 decimals;"
                                    + " default from each member's history, or 0.05",
                            example = "0.05")
                    String exitProbability,
            @QueryParam("yearlyExtraStep")
                    @Parameter(
                            description = "NOK the threshold rises a year above wage growth in projected grant"
                                    + " years; default the rule book's",
                            example = "50000")
                    String yearlyExtraStep) {
        int thisYear = LocalDate.now(clock.withZone(ZoneId.of("Europe/Oslo"))).getYear();
        int first = whole("from", from, thisYear, 2000, thisYear + 1);
        BigDecimal exit = null;
        if (exitProbability != null) {
            if (!PROBABILITY.matcher(exitProbability).matches()) {
                throw ProblemException.invalidField("exitProbability", "a share from 0 to 1 with at most 4 decimals");
            }
            exit = new BigDecimal(exitProbability);
        }
        int history = whole("historyYears", historyYears, DEFAULT_HISTORY_YEARS, 1, 10);
        return risk.risk(
                id,
                first,
                whole("years", years, 10, 1, 15),
                whole("runs", runs, 2000, 100, 20_000),
                whole("seed", seed, DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE),
                history,
                exit,
                ProjectionRequest.of(null, yearlyExtraStep).yearlyExtraStep());
    }

    private static int whole(String name, String text, int byDefault, int lowest, int highest) {
        return (int) whole(name, text, (long) byDefault, lowest, highest);
    }

    private static long whole(String name, String text, long byDefault, long lowest, long highest) {
        if (text == null) {
            return byDefault;
        }
        try {
            if (WHOLE.matcher(text).matches()) {
                long value = Long.parseLong(text);
                if (value >= lowest && value <= highest) {
                    return value;
                }
            }
        } catch (NumberFormatException tooLarge) {
            // refused below, as any other value out of range
        }
        throw ProblemException.invalidField(
                name,
                lowest == Long.MIN_VALUE
                        ? "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                        : "a whole number from " + lowest + " to " + highest);
    }
}
