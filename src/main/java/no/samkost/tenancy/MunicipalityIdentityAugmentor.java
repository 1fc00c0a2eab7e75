package no.samkost.tenancy;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified token into a samkost identity: the municipality of the OIDC tenant that
 * verified it, and only the roles that municipality's role mapping grants. Identity-provider roles
 * that are not mapped grant nothing, even if they happen to be spelled like a samkost role.
 */
@ApplicationScoped
public class MunicipalityIdentityAugmentor implements SecurityIdentityAugmentor {

    /** Identity attribute holding the verified municipality's tenant id. */
    public static final String MUNICIPALITY = "samkost.municipality";

    private final MunicipalityOidcTenants tenants;

    public MunicipalityIdentityAugmentor(MunicipalityOidcTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String oidcTenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        // A browser session's principal is the ID token of its code flow (the tenant is a web
        // tenant, reached only without a bearer header); a bearer call must bring an access token.
        if (!MunicipalityOidcTenants.isWebTenant(oidcTenant)
                && identity.getPrincipal() instanceof JsonWebToken token
                && !accessToken(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not an access token"));
        }
        Optional<Municipality> municipality = tenants.municipalityOfOidcTenant(oidcTenant);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .setAnonymous(false);
        municipality.ifPresent(m -> {
            builder.addAttribute(MUNICIPALITY, m.id());
            identity.getRoles().stream()
                    .map(idpRole -> m.oidc().roleMapping().get(idpRole))
                    .filter(role -> role != null)
                    .forEach(builder::addRole);
        });
        return Uni.createFrom().item(builder.build());
    }

    /**
     * An ID token proves a login to the client that asked for it; it is not a grant to call an API,
     * even when its audience happens to name samkost. Keycloak marks its tokens with a {@code typ}
     * claim ("Bearer" for access tokens, "ID", "Refresh", "Logout" for others); Entra ID's access
     * tokens carry none. A token that says what it is must say it is an access token.
     */
    static boolean accessToken(JsonWebToken token) {
        // Hashes binding a token to a front channel's code or access token are ID-token claims
        // (OIDC Core 3.1.3.6, 3.3.2.11), whatever the provider.
        if (token.containsClaim("at_hash") || token.containsClaim("c_hash")) {
            return false;
        }
        Object typ = token.getClaim("typ");
        return typ == null || "Bearer".equalsIgnoreCase(typ.toString().replace("\"", ""));
    }
}
