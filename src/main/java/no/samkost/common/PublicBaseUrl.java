package no.samkost.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/**
 * Where clients reach the service, as the operator configures it. Links the service hands out
 * ({@code Location}) are built from this, never from the request's {@code Host} header, which any
 * client (or a proxy in between) can set to anything.
 */
@ConfigMapping(prefix = "samkost.http")
public interface PublicBaseUrl {

    /** Scheme, host and port (and a path prefix, if a proxy adds one), e.g. https://samkost.example.no. */
    @WithDefault("http://127.0.0.1:8080")
    URI publicBaseUrl();
}
