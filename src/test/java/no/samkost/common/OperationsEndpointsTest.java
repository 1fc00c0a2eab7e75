package no.samkost.common;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/** What operators and client developers rely on: health, metrics, the API description. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().auth().oauth2(Tokens.viewer("0716")).get("/api/v1/me").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsSecurity() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/me"))
                .body("paths", hasKey("/api/v1/municipalities/{code}/recipients/{ref}"))
                .body("components.securitySchemes.municipality-token.scheme", equalTo("bearer"))
                .body("components.schemas.Problem.properties", hasKey("errors"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() throws Exception {
        var document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        int checked = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                () -> document.get("paths").fields()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                    () -> path.getValue().fields()) {
                var responses = operation.getValue().get("responses");
                org.junit.jupiter.api.Assertions.assertTrue(responses.has("401"), path.getKey() + " lacks 401");
                if (path.getKey().contains("{code}")) {
                    org.junit.jupiter.api.Assertions.assertTrue(responses.has("403"), path.getKey() + " lacks 403");
                }
                for (var response : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                        () -> responses.fields()) {
                    if (response.getKey().startsWith("4")) {
                        org.junit.jupiter.api.Assertions.assertEquals(
                                "#/components/schemas/Problem",
                                response.getValue()
                                        .at("/content/application~1problem+json/schema/$ref")
                                        .asText(),
                                operation.getKey() + " " + path.getKey() + " " + response.getKey());
                        checked++;
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(checked > 20, "checked only " + checked);
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/nothing-here")
                .then()
                .spec(problem(404, "not-found"))
                .contentType("application/problem+json");
    }
}
