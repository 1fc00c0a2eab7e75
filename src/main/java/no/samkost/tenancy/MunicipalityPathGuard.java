package no.samkost.tenancy;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import no.samkost.common.ProblemMappers;
import no.samkost.common.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path with a {@code {code}} segment is refused with 403 unless the code is the caller's own
 * municipality. It runs after authentication and before the body is read, validated or any query
 * runs, so a new endpoint under {@code /municipalities/{code}} is guarded without doing anything.
 */
public class MunicipalityPathGuard {

    static final String CODE_PARAMETER = "code";

    private final CurrentIdentityAssociation identities;
    private final CurrentMunicipality current;

    public MunicipalityPathGuard(CurrentIdentityAssociation identities, CurrentMunicipality current) {
        this.identities = identities;
        this.current = current;
    }

    @ServerRequestFilter
    public Uni<Response> guard(ContainerRequestContext request) {
        String code = request.getUriInfo().getPathParameters().getFirst(CODE_PARAMETER);
        if (code == null) {
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
            boolean own = current.of(identity).map(m -> m.code().equals(code)).orElse(false);
            return own
                    ? null
                    : ProblemMappers.problem(
                            ProblemType.FORBIDDEN,
                            "your token does not belong to municipality " + code,
                            List.of(),
                            request.getUriInfo());
        });
    }
}
