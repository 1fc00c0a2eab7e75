package no.samkost.tenancy;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Browser sessions that were logged out. A session is Quarkus OIDC's encrypted cookie holding the
 * tokens; logging out deletes it in the browser and ends the session at the provider, but a copy
 * of the cookie (a shared office PC, a leaked cookie) would still be accepted until its ID token
 * expires (outside attack of 3 December 2026). So the logout is remembered here, by the tenant and
 * the provider's session id ({@code sid}, else a hash of the ID token), until that copy could not
 * be used anyway: the ID token's expiry plus the session's extension.
 *
 * <p>Kept in this process's memory: a restart forgets it, and a copied cookie then works again
 * until its ID token expires (README, design notes).
 */
@ApplicationScoped
public class EndedWebSessions {

    private static final Logger LOG = Logger.getLogger(EndedWebSessions.class);
    /** A bound on memory: far more logouts than the ID tokens' lifetime can hold in any municipality. */
    static final int MAX_REMEMBERED = 100_000;

    private final Map<String, Instant> endedUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration extension;

    public EndedWebSessions(Clock clock, WebLoginConfig config) {
        this.clock = clock;
        this.extension = config.sessionAgeExtension();
    }

    void loggedOut(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGOUT_RP_INITIATED) {
            return;
        }
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken idToken) {
            end(identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE), idToken);
        }
    }

    /** Remembers the session of this ID token as ended. */
    void end(String oidcTenant, JsonWebToken idToken) {
        Instant now = clock.instant();
        endedUntil.values().removeIf(until -> until.isBefore(now));
        if (endedUntil.size() >= MAX_REMEMBERED) {
            LOG.warnf("more than %d logged-out sessions remembered; the oldest are dropped", MAX_REMEMBERED);
            endedUntil.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> endedUntil.remove(oldest.getKey()));
        }
        Instant expiry = idToken.getExpirationTime() > 0
                ? Instant.ofEpochSecond(idToken.getExpirationTime())
                : now.plus(Duration.ofHours(12));
        endedUntil.put(key(oidcTenant, idToken), expiry.plus(extension));
    }

    /** Whether this ID token's session was logged out. */
    public boolean ended(String oidcTenant, JsonWebToken idToken) {
        Instant until = endedUntil.get(key(oidcTenant, idToken));
        return until != null && until.isAfter(clock.instant());
    }

    private static String key(String oidcTenant, JsonWebToken idToken) {
        String session = Optional.ofNullable(idToken.<Object>getClaim("sid"))
                .map(Object::toString)
                .orElseGet(() -> sha256(idToken.getRawToken()));
        return oidcTenant + "\n" + session;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
