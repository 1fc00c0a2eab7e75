package no.samkost.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

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

    /** The caller's municipality if {@code code} names it; 403 otherwise, before any query runs. */
    public Municipality requireCode(String code) {
        Municipality own = require();
        if (!own.code().equals(code)) {
            throw new ForbiddenException();
        }
        return own;
    }

    public String subject() {
        SecurityIdentity identity = identities.getIdentity();
        return identity.getPrincipal() == null
                ? "unknown"
                : identity.getPrincipal().getName();
    }
}
