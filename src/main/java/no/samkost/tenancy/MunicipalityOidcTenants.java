package no.samkost.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * One OIDC tenant per municipality, chosen by the token's issuer; and, for the web front end, one
 * web-app tenant per municipality with a browser login (authorization code flow with PKCE).
 *
 * <p>The issuer is read from the token before it is verified, but only to pick which
 * municipality's keys, issuer and audience the token must then satisfy; a token signed by A that
 * claims B's issuer fails B's signature check. A token whose issuer is no municipality's gets no
 * tenant and is refused (the default tenant is disabled in application.properties).
 *
 * <p>A page request ({@code /app/...}) without a bearer token gets a web tenant: the one of a
 * session this browser already has, else the one of the municipality code in the path. A session
 * wins over the path so that a browser logged in to A that opens B's page is A, and the path guard
 * refuses it (403), instead of being sent to B's login. Both kinds of tenant are built here, from
 * the same registry, so the municipality of a session is always the one whose provider signed it.
 */
@ApplicationScoped
public class MunicipalityOidcTenants implements TenantConfigResolver {

    static final String TENANT_PREFIX = "municipality-";
    static final String WEB_TENANT_PREFIX = "web-";
    /** Quarkus names a web tenant's session cookie {@code q_session_<tenant id>} (chunked: {@code _chunk_N}). */
    static final String SESSION_COOKIE_PREFIX = "q_session_" + WEB_TENANT_PREFIX;

    static final String PAGES = "/app/";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(MunicipalityOidcTenants.class);

    private final MunicipalityRegistry registry;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, OidcTenantConfig> configByIssuer;
    private final Map<String, OidcTenantConfig> webConfigByCode;
    private final Map<String, OidcTenantConfig> webConfigByTenantId;

    public MunicipalityOidcTenants(MunicipalityRegistry registry, WebLoginConfig web) {
        this.registry = registry;
        this.configByIssuer = registry.all().stream()
                .collect(Collectors.toUnmodifiableMap(m -> m.oidc().issuer(), MunicipalityOidcTenants::tenantConfig));
        Map<String, OidcTenantConfig> byCode = new TreeMap<>();
        for (Municipality m : registry.all()) {
            webTenantConfig(m, web).ifPresent(config -> byCode.put(m.code(), config));
        }
        this.webConfigByCode = Map.copyOf(byCode);
        this.webConfigByTenantId = byCode.values().stream()
                .collect(Collectors.toUnmodifiableMap(c -> c.tenantId().orElseThrow(), c -> c));
    }

    /** Whether a browser can log in to this municipality (a web login is configured and has its secret). */
    public boolean hasWebLogin(Municipality m) {
        return webConfigByCode.containsKey(m.code());
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

    /**
     * The browser login of {@code m}, when its tenant file asks for one and the secret it names is
     * set; without the secret the municipality's pages say that its login is not set up.
     */
    static Optional<OidcTenantConfig> webTenantConfig(Municipality m, WebLoginConfig web) {
        Optional<Municipality.WebLogin> login = m.oidc().webLogin();
        if (login.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> secret = ConfigProvider.getConfig()
                .getOptionalValue(login.get().clientSecretEnv(), String.class)
                .filter(value -> !value.isBlank());
        if (secret.isEmpty()) {
            LOG.warnf(
                    "no browser login for %s: %s is not set (tenants/%s.yaml, oidc.webLogin)",
                    m.code(), login.get().clientSecretEnv(), m.id());
            return Optional.empty();
        }
        Municipality.OidcSettings oidc = m.oidc();
        String pages = PAGES + m.code();
        return Optional.of(OidcTenantConfig.builder()
                .tenantId(WEB_TENANT_PREFIX + m.id())
                .authServerUrl(oidc.authServerUrl())
                .clientId(login.get().clientId())
                .credentials(secret.get())
                .applicationType(io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType.WEB_APP)
                .token()
                .issuer(oidc.issuer())
                .signatureAlgorithm(io.quarkus.oidc.runtime.OidcTenantConfig.SignatureAlgorithm.RS256)
                .refreshExpired(true)
                .end()
                .roles()
                .source(io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source.idtoken)
                .roleClaimPath(oidc.roleClaimPath())
                .end()
                .authentication()
                .pkceRequired(true)
                .nonceRequired(true)
                .cookiePath("/app")
                .cookieForceSecure(web.secureCookies())
                .cookieSameSite(io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite.LAX)
                .sessionAgeExtension(web.sessionAgeExtension())
                .restorePathAfterRedirect(true)
                .javaScriptAutoRedirect(false)
                .end()
                .logout()
                .path(pages + "/logg-ut")
                .postLogoutPath("/app/")
                .end()
                .build());
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null && context.normalizedPath().startsWith(PAGES)) {
            return Uni.createFrom().item(webTenant(context));
        }
        String issuer = unverifiedIssuer(authorization).orElse(null);
        return Uni.createFrom().item(issuer == null ? null : configByIssuer.get(issuer));
    }

    /** A session's tenant first (see the class comment), else the path's municipality; else none. */
    private OidcTenantConfig webTenant(RoutingContext context) {
        String code = codeOfPage(context.normalizedPath());
        OidcTenantConfig ofPath = code == null ? null : webConfigByCode.get(code);
        List<OidcTenantConfig> sessions = context.request().cookies().stream()
                .map(Cookie::getName)
                .filter(name -> name.startsWith(SESSION_COOKIE_PREFIX))
                .map(name -> name.substring("q_session_".length()).replaceFirst("_chunk_\\d+$", ""))
                .map(webConfigByTenantId::get)
                .filter(config -> config != null)
                .distinct()
                .toList();
        if (sessions.isEmpty()) {
            return ofPath;
        }
        return sessions.contains(ofPath) ? ofPath : sessions.get(0);
    }

    /** The municipality code of {@code /app/<code>/...}, or null. */
    static String codeOfPage(String path) {
        if (path == null || !path.startsWith(PAGES)) {
            return null;
        }
        String rest = path.substring(PAGES.length());
        int slash = rest.indexOf('/');
        String code = slash < 0 ? rest : rest.substring(0, slash);
        return code.matches("\\d{4}") ? code : null;
    }

    Optional<Municipality> municipalityOfOidcTenant(String oidcTenantId) {
        if (oidcTenantId == null) {
            return Optional.empty();
        }
        if (oidcTenantId.startsWith(TENANT_PREFIX)) {
            return registry.byId(oidcTenantId.substring(TENANT_PREFIX.length()));
        }
        if (webConfigByTenantId.containsKey(oidcTenantId)) {
            return registry.byId(oidcTenantId.substring(WEB_TENANT_PREFIX.length()));
        }
        return Optional.empty();
    }

    /** Whether the tenant is a browser login (its principal is an ID token). */
    static boolean isWebTenant(String oidcTenantId) {
        return oidcTenantId != null && oidcTenantId.startsWith(WEB_TENANT_PREFIX);
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
