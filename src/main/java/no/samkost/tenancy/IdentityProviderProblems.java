package no.samkost.tenancy;

import io.quarkus.oidc.OIDCException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import no.samkost.common.LogSafe;
import no.samkost.common.ProblemMappers;
import no.samkost.common.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A municipality's identity provider that cannot be reached is that municipality's outage, not a
 * bug here: 503, so clients retry, and the other municipalities are unaffected.
 */
public class IdentityProviderProblems {

    private static final Logger LOG = Logger.getLogger(IdentityProviderProblems.class);

    @ServerExceptionMapper
    public Response unavailable(OIDCException e, UriInfo uri) {
        LOG.warnf("identity provider not available: %s", LogSafe.value(e.getMessage()));
        return ProblemMappers.problem(
                ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                "could not verify the token: the identity provider did not answer; try again shortly",
                List.of(),
                uri);
    }
}
