package no.samkost.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The document is the contract: every response a test receives through RestAssured is checked
 * against the OpenAPI document served by the very service that answered (its status is documented
 * for the operation, or by the operation's {@code default}; its media type is one the status
 * declares; its body matches that media type's schema, nulls included). A violation fails the
 * test that made the request, with the report.
 *
 * <p>Responses only: the hostile-input and bad-input tests send invalid requests on purpose. A
 * request to a path or method the document does not describe ({@code /q/health}, a deliberately
 * unknown path, a method that answers 405) has nothing to be checked against and is let through;
 * so is an answer from another server than the service under test (the test identity providers).
 *
 * <p>Installed for every {@code @QuarkusTest} by {@link ContractValidationInstaller}.
 */
public final class ContractValidation implements Filter {

    static final ContractValidation INSTANCE = new ContractValidation();

    /** Documents by the origin (scheme, host, port) that served them: a restart may move the port. */
    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    private ContractValidation() {}

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        if (uri.getPort() != RestAssured.port) {
            return answer; // another server (the test identity providers), not the service under test
        }
        Request.Method method = Request.Method.valueOf(request.getMethod().toUpperCase(Locale.ROOT));
        ValidationReport report =
                validator(uri).validateResponse(uri.getRawPath(), method, RestAssuredResponse.of(answer));
        if (report.hasErrors()) {
            throw new AssertionError("the answer to " + method + " " + uri.getRawPath() + " (" + answer.statusCode()
                    + ", " + answer.contentType() + ") is not what the OpenAPI document says:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report) + "\n"
                    + "body: " + excerpt(answer.asString()));
        }
        return answer;
    }

    private OpenApiInteractionValidator validator(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        return validators.computeIfAbsent(origin, ContractValidation::load);
    }

    private static OpenApiInteractionValidator load(String origin) {
        String document = servedDocument(origin);
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // not described by the document (unknown path, /q/..., an undocumented method):
                        // nothing to check the answer against
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The document as the service serves it, fetched past RestAssured so that no filter sees it. */
    static String servedDocument(String origin) {
        try {
            HttpResponse<String> served = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (served.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + served.statusCode());
            }
            return served.body();
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document could not be read from " + origin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the OpenAPI document", e);
        }
    }

    private static String excerpt(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }
}
