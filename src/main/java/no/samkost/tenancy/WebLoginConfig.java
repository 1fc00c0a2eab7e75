package no.samkost.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The browser login of the web front end ({@code /app}); see README "The web front end". */
@ConfigMapping(prefix = "samkost.web")
public interface WebLoginConfig {

    /**
     * Session and login-state cookies are {@code Secure}. Browsers accept Secure cookies from
     * {@code http://127.0.0.1} and {@code http://localhost} (the demo), so this stays on everywhere;
     * it exists for a test that must run over plain HTTP on another host name.
     */
    @WithDefault("true")
    boolean secureCookies();

    /**
     * How long a session lives past its ID token: with the demo realms' 30 minutes, an idle
     * browser is logged out after at most 30 + this; an active one is refreshed through the
     * identity provider, whose own session timeout then ends it.
     */
    @WithDefault("PT5M")
    Duration sessionAgeExtension();
}
