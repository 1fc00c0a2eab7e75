package no.samkost.common;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every {@code Location} the API answers with points at the configured {@link PublicBaseUrl}: the
 * resource's path is kept, the scheme, host and port JAX-RS took from the request are replaced.
 */
public class PublicLocation {

    private final String base;

    public PublicLocation(PublicBaseUrl config) {
        String configured = config.publicBaseUrl().toString();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    @ServerResponseFilter
    public void rebase(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            URI uri = URI.create(location.toString());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            response.getHeaders().putSingle(HttpHeaders.LOCATION, URI.create(base + path + query));
        }
    }
}
