package no.samkost.tenancy;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import no.samkost.common.ProblemPage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A page requested with a session that was logged out ({@link EndedWebSessions}) gets the "not
 * logged in" page with the session cookies cleared, before the body is read or any query runs.
 */
public class EndedSessionGuard {

    private final CurrentIdentityAssociation identities;
    private final EndedWebSessions ended;

    public EndedSessionGuard(CurrentIdentityAssociation identities, EndedWebSessions ended) {
        this.identities = identities;
        this.ended = ended;
    }

    @ServerRequestFilter
    public Uni<Response> refuseEndedSessions(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/app/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
            boolean loggedOut = MunicipalityOidcTenants.isWebTenant(tenant)
                    && identity.getPrincipal() instanceof JsonWebToken idToken
                    && ended.ended(tenant, idToken);
            return loggedOut ? ProblemPage.unauthenticated(request.getCookies().keySet()) : null;
        });
    }
}
