package no.samkost.reimbursement;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "reimbursement")
public class RulesResource {

    private final RuleBook rules;

    public RulesResource(RuleBook rules) {
        this.rules = rules;
    }

    @GET
    @Operation(
            operationId = "listRules",
            summary = "The reimbursement parameters of every grant year from the first in the rule book to the newest",
            description = "Each value with its status; a year's missing values come from the pattern or are"
                    + " projected under the default assumptions.")
    public List<RulesView> all() {
        return java.util.stream.IntStream.rangeClosed(rules.firstGrantYear(), rules.newestKnownGrantYear())
                .mapToObj(rules::forGrantYear)
                .flatMap(java.util.Optional::stream)
                .map(RulesView::of)
                .toList();
    }

    @GET
    @Path("/{grantYear}")
    @Operation(
            operationId = "getRules",
            summary = "The reimbursement parameters of a grant year, or their projection",
            description = "The circular of grant year G applies to the costs of G - 1. Each value says its status"
                    + " and source. A value the rule book does not have for G is projected from the newest earlier"
                    + " year that has it (status PROJECTED, with the assumptions: the defaults, or"
                    + " yearlyWageGrowth and yearlyExtraStep given here), or for a birth-year cut-off taken from the"
                    + " pattern; this reaches ten years past the newest grant year in the book.")
    @APIResponse(responseCode = "200", description = "the grant year's parameters, or their projection")
    @APIResponse(
            responseCode = "404",
            description = "before the rule book's first grant year (2008: earlier years had no flat rate) or more"
                    + " than ten years past its newest")
    public RulesView forGrantYear(
            @PathParam("grantYear") int grantYear,
            @QueryParam("yearlyWageGrowth")
                    @Parameter(
                            description = "a projection's yearly wage growth, 0.043 for 4.3 % (default: the rules"
                                    + " directory's)")
                    String yearlyWageGrowth,
            @QueryParam("yearlyExtraStep")
                    @Parameter(description = "NOK a projection adds to the threshold each year above wage growth")
                    String yearlyExtraStep) {
        return rules.rulesFor(grantYear, ProjectionRequest.of(yearlyWageGrowth, yearlyExtraStep))
                .map(RulesView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, noRules(grantYear)));
    }

    static String noRules(int grantYear) {
        return "no rules for grant year " + grantYear + " (costs of " + (grantYear - 1) + ")";
    }
}
