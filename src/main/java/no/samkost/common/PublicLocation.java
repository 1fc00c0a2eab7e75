package no.samkost.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every {@code Location} the API answers with points at the configured {@link PublicBaseUrl}: the
 * resource's path is kept, the scheme, host and port JAX-RS took from the request are replaced.
 * A {@code Location} on another site (the identity provider's logout endpoint, where the web
 * front end's logout sends the browser) is left as it is: that address came from configuration,
 * not from the request.
 */
public class PublicLocation {

    private final String base;

    public PublicLocation(PublicBaseUrl config) {
        String configured = config.publicBaseUrl().toString();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    @ServerResponseFilter
    public void rebase(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            URI uri = URI.create(location.toString());
            if (uri.isAbsolute() && !sameOrigin(uri, request.getUriInfo().getBaseUri())) {
                return;
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            response.getHeaders().putSingle(HttpHeaders.LOCATION, URI.create(base + path + query));
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
