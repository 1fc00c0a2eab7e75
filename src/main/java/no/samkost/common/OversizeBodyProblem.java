package no.samkost.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Enforces {@link BodyLimits} from the headers alone, before a byte of the body is read, and
 * answers with a problem: a JSON body announced larger than its limit gets 413, a write without a
 * Content-Length (chunked over HTTP/1.1, or any HTTP/2 body sent without one, so its size is unknown
 * until read) gets 411 unless it is a CSV import, and a CSV import announced larger than its limit
 * gets 413. A CSV import streams, so one sent without a length is counted as it is read
 * ({@link LimitedInputStream}). Quarkus's own check (route order -2) would answer a bare 413 for anything
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
            // Methods whose body the service never reads (a DELETE names what it deletes in its path).
            if (request.method() == HttpMethod.GET
                    || request.method() == HttpMethod.HEAD
                    || request.method() == HttpMethod.OPTIONS
                    || request.method() == HttpMethod.DELETE) {
                context.next();
                return;
            }
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String lowerType = type == null ? "" : type.toLowerCase(Locale.ROOT);
            // A CSV file uploaded from the web front end's import form arrives as multipart/form-data;
            // it is the same file as a text/csv import, so it gets the same limit. Only there: any
            // other multipart body keeps the small limit (it would be spooled to disk before a route
            // could refuse it).
            boolean csv = lowerType.startsWith("text/csv")
                    || (lowerType.startsWith("multipart/form-data") && isCsvUploadPage(request.path()));
            long limit = csv ? csvLimit : jsonLimit;
            String announced = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced == null && !csv) {
                // Over every protocol: HTTP/1.1 chunked, HTTP/2 and HTTP/3 frames all stream a body of
                // unknown size, which the service would read whole before a limit could apply.
                refuse(
                        context,
                        ProblemType.LENGTH_REQUIRED,
                        "send the body with a Content-Length header (Content-Length: 0 when there is none)");
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
        // A page of the web front end gets its HTML problem page, as every other refusal there.
        boolean page = ProblemPage.isPage(context.request().path());
        String body = page
                ? ProblemPage.html(type, detail, List.of())
                : write(new Problem(
                        type.uri(),
                        type.title(),
                        type.status(),
                        detail,
                        context.request().path(),
                        null));
        HttpServerResponse response = context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, page ? "text/html;charset=UTF-8" : Problem.MEDIA_TYPE);
        if (context.request().version() == HttpVersion.HTTP_2) {
            // One stream of many on the connection: answering ends this stream, and the body the
            // client still sends on it is discarded.
            response.end(body);
            return;
        }
        // HTTP/1.x: the unread body would be taken for the next request, so the connection ends here.
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(body)
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

    /** The web front end's cost import: {@code /app/<code>/kostnader/import}. */
    static boolean isCsvUploadPage(String path) {
        return path != null && path.matches("/app/\\d{4}/kostnader/import");
    }
}
