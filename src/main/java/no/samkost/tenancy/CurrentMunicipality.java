package no.samkost.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The municipality of the verified token, and nothing else: never a header, a query parameter or a
 * path segment. A path {@code {code}} is only ever compared with it.
 */
@ApplicationScoped
public class CurrentMunicipality {

    private final CurrentIdentityAssociation identities;
    private final MunicipalityRegistry registry;

    public CurrentMunicipality(CurrentIdentityAssociation identities, MunicipalityRegistry registry) {
        this.identities = identities;
        this.registry = registry;
    }

    /** Empty outside a request or for an anonymous caller. */
    public Optional<Municipality> get() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return of(identities.getIdentity());
    }

    public Optional<Municipality> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return registry.byId(identity.getAttribute(MunicipalityIdentityAugmentor.MUNICIPALITY));
    }

    public Municipality require() {
        return get().orElseThrow(UnauthorizedException::new);
    }

    /**
     * The token's {@code sub}: stable for the person at their identity provider, unlike a user name,
     * so it is what the ledger and the audit trail record.
     */
    public String subject() {
        Principal principal = identities.getIdentity().getPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal == null ? "unknown" : principal.getName();
    }

    /**
     * What names this login session: the OIDC tenant that verified it, the subject, and the
     * identity provider's session id ({@code sid}) when it gives one. The web front end binds its
     * form tokens to it, so a token of one session is worth nothing in another.
     */
    public String sessionBinding() {
        SecurityIdentity identity = identities.getIdentity();
        String tenant = identity.getAttribute(io.quarkus.oidc.runtime.OidcUtils.TENANT_ID_ATTRIBUTE);
        Object sid = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("sid") : null;
        return tenant + "\n" + subject() + "\n" + (sid == null ? "" : sid.toString());
    }

    /** A readable name for the person (preferred_username or similar); may change over time. */
    public String displayName() {
        Principal principal = identities.getIdentity().getPrincipal();
        return principal == null ? "unknown" : principal.getName();
    }
}
