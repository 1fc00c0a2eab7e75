package no.samkost.tenancy;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import no.samkost.common.ProblemMappers;
import no.samkost.common.ProblemType;

/**
 * A path segment that names whose data a request is about ({@code {code}}, a cooperation's
 * {@code {id}}) is checked against the caller's municipality after authentication and before the
 * body is read or any query runs: no token is 401, a segment that is not the caller's is 403.
 */
abstract class PathGuard {

    private final CurrentIdentityAssociation identities;
    private final CurrentMunicipality current;

    PathGuard(CurrentIdentityAssociation identities, CurrentMunicipality current) {
        this.identities = identities;
        this.current = current;
    }

    /** The guarded segment of this request, or empty when the path has none. */
    abstract Optional<String> segment(ContainerRequestContext request);

    abstract boolean belongsTo(Municipality caller, String segment);

    abstract String refusal(String segment);

    Uni<Response> check(ContainerRequestContext request) {
        Optional<String> segment = segment(request);
        if (segment.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                return ProblemMappers.problem(
                        ProblemType.UNAUTHENTICATED,
                        "missing, expired or invalid bearer token",
                        List.of(),
                        request.getUriInfo());
            }
            boolean allowed =
                    current.of(identity).map(m -> belongsTo(m, segment.get())).orElse(false);
            return allowed
                    ? null
                    : ProblemMappers.problem(
                            ProblemType.FORBIDDEN, refusal(segment.get()), List.of(), request.getUriInfo());
        });
    }
}
