package no.samkost.reimbursement;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(operationId = "listRules", summary = "Every configured grant year's reimbursement parameters")
    public List<RulesView> all() {
        return rules.all().stream().map(RulesView::of).toList();
    }

    @GET
    @Path("/{grantYear}")
    @Operation(
            operationId = "getRules",
            summary = "The reimbursement parameters of a grant year",
            description = "The circular of grant year G applies to the costs of G - 1.")
    @APIResponse(responseCode = "200", description = "the grant year's parameters")
    @APIResponse(responseCode = "404", description = "no rules configured for that grant year")
    public RulesView forGrantYear(@PathParam("grantYear") int grantYear) {
        return rules.forGrantYear(grantYear)
                .map(RulesView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, noRules(grantYear)));
    }

    static String noRules(int grantYear) {
        return "no rules for grant year " + grantYear + " (costs of " + (grantYear - 1) + ")";
    }
}
