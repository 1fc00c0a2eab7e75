package no.samkost.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with a problem,
 * from the headers alone, before a byte of it is read. Quarkus's own check (route order -2) would
 * answer the same status with an empty body; this one runs just before it.
 */
@ApplicationScoped
public class OversizeBodyProblem {

    private static final int BEFORE_QUARKUS_BODY_LIMIT = -3;

    private final long limit;
    private final ObjectMapper json;

    public OversizeBodyProblem(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_BODY_LIMIT).handler(context -> {
            String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced != null && exceeds(announced)) {
                ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
                Problem problem = new Problem(
                        type.uri(),
                        type.title(),
                        type.status(),
                        "the body is " + announced + " bytes; the limit is " + limit + " bytes",
                        context.request().path(),
                        null);
                context.response()
                        .setStatusCode(type.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                        .end(write(problem))
                        .onComplete(done -> context.request().connection().close());
                return;
            }
            context.next();
        });
    }

    private boolean exceeds(String announced) {
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
