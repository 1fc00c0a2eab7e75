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
 * Every path under {@code /api/v1/cooperations/{id}} is refused with 403 unless the caller's
 * municipality is a member of that cooperation; an unknown id answers the same, so ids cannot be
 * probed. Like the municipality guard, it runs before the body is read or any query runs.
 */
public class CooperationPathGuard {

    static final String PREFIX = "/api/v1/cooperations/";
    static final String ID_PARAMETER = "id";

    private final CurrentIdentityAssociation identities;
    private final CurrentMunicipality current;
    private final MunicipalityRegistry registry;

    public CooperationPathGuard(
            CurrentIdentityAssociation identities, CurrentMunicipality current, MunicipalityRegistry registry) {
        this.identities = identities;
        this.current = current;
        this.registry = registry;
    }

    @ServerRequestFilter
    public Uni<Response> guard(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        String id = request.getUriInfo().getPathParameters().getFirst(ID_PARAMETER);
        if (id == null) {
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
            boolean member = current.of(identity)
                    .map(m -> registry.cooperationsOf(m).stream().anyMatch(c -> c.id().equals(id)))
                    .orElse(false);
            return member
                    ? null
                    : ProblemMappers.problem(
                            ProblemType.FORBIDDEN,
                            "your municipality is not a member of cooperation '" + id + "'",
                            List.of(),
                            request.getUriInfo());
        });
    }
}
