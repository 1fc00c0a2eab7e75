package no.samkost.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document itself, as a client generator reads it: a valid OpenAPI 3.0
 * document; every API operation named (operationId) and summarised, answering a 2xx with a body
 * schema (204 aside), every error response an RFC 9457 problem; nullable values declared in a way
 * that lets null through. The responses the tests receive are checked against it by
 * {@code ContractValidation}; this checks that what they are checked against is complete.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    static final String PROBLEM = "#/components/schemas/Problem";

    String served;
    JsonNode document;

    @BeforeEach
    void read() throws Exception {
        served = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        document = new ObjectMapper().readTree(served);
    }

    @Test
    void isAValidOpenApi30DocumentThatParsersReadWithoutComplaint() {
        assertThat(document.path("openapi").asText()).startsWith("3.0.");
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void everyOperationHasANameASummaryAndASuccessBody() {
        SoftAssertions softly = new SoftAssertions();
        Set<String> ids = new HashSet<>();
        forEachApiOperation((name, operation) -> {
            String id = operation.path("operationId").asText();
            softly.assertThat(id).as(name + " operationId").isNotBlank();
            softly.assertThat(ids.add(id))
                    .as(name + " operationId " + id + " is unique")
                    .isTrue();
            softly.assertThat(operation.path("summary").asText())
                    .as(name + " summary")
                    .isNotBlank();
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> responses =
                            operation.path("responses").fields();
                    responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                success = true;
                if (response.getKey().equals("204")) {
                    softly.assertThat(response.getValue().has("content"))
                            .as(name + " 204 has no body")
                            .isFalse();
                    continue;
                }
                JsonNode content = response.getValue().path("content");
                softly.assertThat(content.size())
                        .as(name + " " + response.getKey() + " declares its body")
                        .isPositive();
                content.fields().forEachRemaining(media -> softly.assertThat(
                                media.getValue().has("schema"))
                        .as(name + " " + response.getKey() + " " + media.getKey() + " has a schema")
                        .isTrue());
            }
            softly.assertThat(success).as(name + " declares its success status").isTrue();
            operation.path("responses").fields().forEachRemaining(response -> response.getValue()
                    .path("headers")
                    .fields()
                    .forEachRemaining(
                            header -> softly.assertThat(header.getValue().has("schema"))
                                    .as(name + " " + response.getKey() + " header " + header.getKey() + " has a schema")
                                    .isTrue()));
        });
        softly.assertAll();
    }

    @Test
    void everyErrorResponseIsAProblem() {
        SoftAssertions softly = new SoftAssertions();
        forEachApiOperation((name, operation) -> {
            softly.assertThat(operation.path("responses").has("default"))
                    .as(name + " has a default (problem) response")
                    .isTrue();
            operation.path("responses").fields().forEachRemaining(response -> {
                String status = response.getKey();
                if (!(status.startsWith("4") || status.startsWith("5") || status.equals("default"))) {
                    return;
                }
                JsonNode content = response.getValue().path("content");
                softly.assertThat(iterable(content.fieldNames()))
                        .as(name + " " + status + " media types")
                        .containsExactly(Problem.MEDIA_TYPE);
                softly.assertThat(content.path(Problem.MEDIA_TYPE)
                                .path("schema")
                                .path("$ref")
                                .asText())
                        .as(name + " " + status + " schema")
                        .isEqualTo(PROBLEM);
            });
            softly.assertThat(operation
                            .path("responses")
                            .path("503")
                            .path("headers")
                            .has("Retry-After"))
                    .as(name + " 503 says Retry-After")
                    .isTrue();
        });
        softly.assertAll();
    }

    /**
     * In OpenAPI 3.0, {@code nullable} admits null only beside {@code type}; next to a
     * {@code $ref} or {@code allOf} the referenced schema still refuses it.
     */
    @Test
    void nullablePropertiesAdmitNull() {
        SoftAssertions softly = new SoftAssertions();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> schema.getValue()
                .path("properties")
                .fields()
                .forEachRemaining(property -> {
                    JsonNode p = property.getValue();
                    if (!p.path("nullable").asBoolean()) {
                        return;
                    }
                    String name = schema.getKey() + "." + property.getKey();
                    softly.assertThat(p.has("$ref") || p.has("allOf") || p.has("oneOf") || p.has("anyOf"))
                            .as(name + " is nullable beside a reference")
                            .isFalse();
                    softly.assertThat(p.has("type")).as(name + " has a type").isTrue();
                    if (p.has("enum")) {
                        softly.assertThat(p.get("enum").toString())
                                .as(name + " enumeration admits null")
                                .contains("null");
                    }
                }));
        softly.assertAll();
    }

    private void forEachApiOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            });
        });
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
