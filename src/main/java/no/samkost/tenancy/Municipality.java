package no.samkost.tenancy;

import java.util.Map;
import java.util.Optional;

/**
 * A municipality (kommune) as configured in {@code tenants/<id>.yaml}.
 *
 * @param id stable tenant key: survives a municipality merger, unlike the code; it is what the
 *     database stores
 * @param code the four-digit municipality number used in API paths
 */
public record Municipality(String id, String code, String name, Map<Integer, Long> population, OidcSettings oidc) {

    public Optional<Long> populationIn(int year) {
        return Optional.ofNullable(population.get(year));
    }

    /** How this municipality's identity provider is trusted. */
    public record OidcSettings(
            String issuer,
            String authServerUrl,
            String audience,
            String roleClaimPath,
            Map<String, String> roleMapping,
            Optional<WebLogin> webLogin) {}

    /**
     * The browser login (authorization code flow with PKCE) through the same identity provider.
     *
     * @param clientSecretEnv the name of the environment variable (or configuration property) that
     *     holds the client secret: the secret itself never sits in a tenant file
     */
    public record WebLogin(String clientId, String clientSecretEnv) {}
}
