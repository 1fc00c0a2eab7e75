package no.samkost.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One OIDC tenant per municipality, chosen by the token's issuer.
 *
 * <p>The issuer is read from the token before it is verified, but only to pick which
 * municipality's keys, issuer and audience the token must then satisfy; a token signed by A that
 * claims B's issuer fails B's signature check. A token whose issuer is no municipality's gets no
 * tenant and is refused (the default tenant is disabled in application.properties).
 */
@ApplicationScoped
public class MunicipalityOidcTenants implements TenantConfigResolver {

    static final String TENANT_PREFIX = "municipality-";
    private static final String BEARER = "Bearer ";

    private final MunicipalityRegistry registry;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, OidcTenantConfig> configByIssuer;

    public MunicipalityOidcTenants(MunicipalityRegistry registry) {
        this.registry = registry;
        this.configByIssuer = registry.all().stream()
                .collect(Collectors.toUnmodifiableMap(m -> m.oidc().issuer(), MunicipalityOidcTenants::tenantConfig));
    }

    /** OIDC tenant ids are prefixed so they never equal an API path segment such as a code. */
    public static String oidcTenantId(Municipality m) {
        return TENANT_PREFIX + m.id();
    }

    static OidcTenantConfig tenantConfig(Municipality m) {
        Municipality.OidcSettings oidc = m.oidc();
        return OidcTenantConfig.builder()
                .tenantId(oidcTenantId(m))
                .authServerUrl(oidc.authServerUrl())
                .applicationType(io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType.SERVICE)
                .token()
                .issuer(oidc.issuer())
                .audience(List.of(oidc.audience()))
                .signatureAlgorithm(io.quarkus.oidc.runtime.OidcTenantConfig.SignatureAlgorithm.RS256)
                .allowJwtIntrospection(false)
                .allowOpaqueTokenIntrospection(false)
                .end()
                .roles()
                .roleClaimPath(oidc.roleClaimPath())
                .end()
                .build();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        String issuer =
                unverifiedIssuer(context.request().getHeader("Authorization")).orElse(null);
        return Uni.createFrom().item(issuer == null ? null : configByIssuer.get(issuer));
    }

    Optional<Municipality> municipalityOfOidcTenant(String oidcTenantId) {
        if (oidcTenantId == null || !oidcTenantId.startsWith(TENANT_PREFIX)) {
            return Optional.empty();
        }
        return registry.byId(oidcTenantId.substring(TENANT_PREFIX.length()));
    }

    private Optional<String> unverifiedIssuer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(BEARER.length()).trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode iss = payload == null ? null : payload.get("iss");
            return iss != null && iss.isTextual() ? Optional.of(iss.asText()) : Optional.empty();
        } catch (Exception notAJwt) {
            return Optional.empty();
        }
    }
}
