package no.samkost.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Enforces {@link BodyLimits} from the headers alone, before a byte of the body is read, and
 * answers with a problem: a JSON body announced larger than its limit gets 413, a JSON body without
 * a Content-Length (chunked, so its size is unknown until read) gets 411, a CSV import larger than
 * its limit gets 413. Quarkus's own check (route order -2) would answer a bare 413 for anything
 * over quarkus.http.limits.max-body-size; this one runs just before it.
 */
@ApplicationScoped
public class OversizeBodyProblem {

    private static final int BEFORE_QUARKUS_BODY_LIMIT = -3;

    private final long jsonLimit;
    private final long csvLimit;
    private final ObjectMapper json;

    public OversizeBodyProblem(BodyLimits limits, ObjectMapper json) {
        this.jsonLimit = limits.json().asLongValue();
        this.csvLimit = limits.csv().asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_BODY_LIMIT).handler(context -> {
            HttpServerRequest request = context.request();
            if (request.method() == HttpMethod.GET
                    || request.method() == HttpMethod.HEAD
                    || request.method() == HttpMethod.OPTIONS) {
                context.next();
                return;
            }
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            boolean csv = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
            long limit = csv ? csvLimit : jsonLimit;
            String announced = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced == null && !csv && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                refuse(context, ProblemType.LENGTH_REQUIRED, "send the JSON body with a Content-Length header");
            } else if (announced != null && exceeds(announced, limit)) {
                refuse(
                        context,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "the body is " + announced + " bytes; the limit is " + limit + " bytes");
            } else {
                context.next();
            }
        });
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        Problem problem = new Problem(
                type.uri(),
                type.title(),
                type.status(),
                detail,
                context.request().path(),
                null);
        context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(write(problem))
                .onComplete(done -> context.request().connection().close());
    }

    private static boolean exceeds(String announced, long limit) {
        try {
            return Long.parseLong(announced.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
