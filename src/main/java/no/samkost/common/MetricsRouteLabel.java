package no.samkost.common;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HTTP metrics are labelled by route template ({@code /api/v1/municipalities/{code}/recipients/{ref}}),
 * which JAX-RS sets when it matches a request. A request refused before that (a body without a
 * length, too large, not a route at all) would be labelled with its raw path: a recipient ref as a
 * metric label, and a new time series for every path an attacker makes up. Such requests under
 * /api get one fixed label instead.
 */
@ApplicationScoped
public class MetricsRouteLabel {

    /** The Vert.x context local Quarkus's HTTP server metrics read the route template from. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    public static final String UNMATCHED = "/api/unmatched";

    private static final int FIRST = -10;

    void install(@Observes Router router) {
        router.route("/api/*").order(FIRST).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (context.request() instanceof HttpServerRequestInternal request
                        && request.context().getLocal(URL_PATH_TEMPLATE) == null) {
                    request.context().putLocal(URL_PATH_TEMPLATE, UNMATCHED);
                }
            });
            context.next();
        });
    }
}
