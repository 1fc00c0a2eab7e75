package no.samkost.tenancy;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path with a {@code {code}} segment is refused with 403 unless the code is the caller's own
 * municipality. It runs after authentication and before the body is read, validated or any query
 * runs, so a new endpoint under {@code /municipalities/{code}} is guarded without doing anything.
 */
public class MunicipalityPathGuard extends PathGuard {

    static final String CODE_PARAMETER = "code";

    public MunicipalityPathGuard(CurrentIdentityAssociation identities, CurrentMunicipality current) {
        super(identities, current);
    }

    @ServerRequestFilter
    public Uni<Response> guard(ContainerRequestContext request) {
        return check(request);
    }

    @Override
    Optional<String> segment(ContainerRequestContext request) {
        return Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst(CODE_PARAMETER));
    }

    @Override
    boolean belongsTo(Municipality caller, String code) {
        return caller.code().equals(code);
    }

    @Override
    String refusal(String code) {
        return "your token does not belong to municipality " + code;
    }
}
