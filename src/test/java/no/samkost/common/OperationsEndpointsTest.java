package no.samkost.common;

import static io.restassured.RestAssured.given;
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
    void anUnknownPathIsAProblemToo() {
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
