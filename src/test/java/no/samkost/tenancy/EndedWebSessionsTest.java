package no.samkost.tenancy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A logged-out session is refused until its ID token (plus the extension) could no longer be used. */
class EndedWebSessionsTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final Duration EXTENSION = Duration.ofMinutes(5);

    static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static JsonWebToken idToken(String sid, String raw, Instant expires) {
        Map<String, Object> claims = new HashMap<>();
        if (sid != null) {
            claims.put("sid", sid);
        }
        claims.put("exp", expires.getEpochSecond());
        claims.put("raw_token", raw);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    static EndedWebSessions sessions(Clock clock) {
        return new EndedWebSessions(clock, new WebLoginConfig() {
            @Override
            public boolean secureCookies() {
                return true;
            }

            @Override
            public Duration sessionAgeExtension() {
                return EXTENSION;
            }
        });
    }

    @Test
    void aLoggedOutSessionIsEndedForItsTenantOnlyUntilItsTokenAndTheExtensionRunOut() {
        MutableClock clock = new MutableClock();
        EndedWebSessions ended = sessions(clock);
        Instant expires = NOW.plus(Duration.ofMinutes(30));
        JsonWebToken session = idToken("sid-1", "raw-1", expires);
        assertFalse(ended.ended("web-re", session));
        ended.end("web-re", session);

        assertTrue(ended.ended("web-re", session));
        // A refreshed session keeps its sid: the new ID token is refused too.
        assertTrue(ended.ended("web-re", idToken("sid-1", "raw-2", expires.plusSeconds(600))));
        assertFalse(ended.ended("web-hof", session), "another tenant's session of the same id");
        assertFalse(ended.ended("web-re", idToken("sid-2", "raw-3", expires)), "another session");

        clock.now = expires.plus(EXTENSION).minusSeconds(1);
        assertTrue(ended.ended("web-re", session));
        clock.now = expires.plus(EXTENSION).plusSeconds(1);
        assertFalse(ended.ended("web-re", session), "no cookie of it could be used any more anyway");
    }

    @Test
    void withoutASidTheTokenItselfIsTheSession() {
        EndedWebSessions ended = sessions(new MutableClock());
        Instant expires = NOW.plus(Duration.ofMinutes(30));
        ended.end("web-re", idToken(null, "raw-1", expires));
        assertTrue(ended.ended("web-re", idToken(null, "raw-1", expires)));
        assertFalse(ended.ended("web-re", idToken(null, "raw-2", expires)));
    }
}
