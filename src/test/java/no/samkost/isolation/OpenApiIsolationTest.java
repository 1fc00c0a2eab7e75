package no.samkost.isolation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the service's own OpenAPI document, so an endpoint added later is covered without editing
 * this test: every operation under a municipality {@code {code}} refuses another municipality's
 * token with 403, leaks nothing of it and writes nothing; every API operation refuses a missing
 * token with 401.
 */
@QuarkusTest
class OpenApiIsolationTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    String hofSecretRef;

    @BeforeEach
    void hofHasARecipient() {
        hofSecretRef = "HOF-SECRET-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body("{\"ref\":\"" + hofSecretRef + "\",\"birthYear\":1990,\"intellectualDisability\":true,"
                        + "\"userGroup\":\"INTELLECTUAL_DISABILITY\"}")
                .post("/api/v1/municipalities/{code}/recipients", HOF)
                .then()
                .statusCode(201);
    }

    static List<Operation> operations() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    Response call(Operation operation, String code, String token) {
        String url = operation
                .path()
                .replace("{code}", code)
                .replace("{ref}", hofSecretRef)
                .replaceAll("\\{(costYear|grantYear|year)}", "2023")
                .replace("{id}", "3k")
                .replaceAll("\\{[^}]+}", "x");
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (content.has("text/csv")) {
            request = request.contentType("text/csv")
                    .body("recipient_ref,period,category,amount,note\n" + hofSecretRef
                            + ",2023-01,DIRECT_WAGES,1000.00,\n");
        } else if (!content.isMissingNode()) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(operation.method().toUpperCase(), url);
    }

    @Test
    void everyMunicipalityOperationRefusesAnotherMunicipalitysToken() throws Exception {
        List<Operation> scoped =
                operations().stream().filter(o -> o.path().contains("{code}")).toList();
        assertTrue(scoped.size() >= 4, "the walk must find the municipality endpoints, found " + scoped);
        String reCoordinator = Tokens.coordinator(RE);
        for (Operation operation : scoped) {
            Map<String, String> before = Database.fingerprint();
            Response response = call(operation, HOF, reCoordinator);
            assertEquals(403, response.statusCode(), operation + " with Re's token on Hof's path");
            assertTrue(response.contentType().startsWith("application/problem+json"), operation.toString());
            // The ref is in the URL Re sent, and "instance" echoes that URL; nothing else may carry it.
            JsonNode problem = new ObjectMapper().readTree(response.asString());
            ((com.fasterxml.jackson.databind.node.ObjectNode) problem).remove("instance");
            assertFalse(problem.toString().contains(hofSecretRef), operation + " leaked Hof's ref: " + problem);
            assertEquals(before, Database.fingerprint(), operation + " changed data although refused");
        }
    }

    @Test
    void theSameOperationsWorkOnTheCallersOwnPath() throws Exception {
        // Proves the walk reaches real endpoints: on its own path Hof is not refused.
        for (Operation operation :
                operations().stream().filter(o -> o.path().contains("{code}")).toList()) {
            int status = call(operation, HOF, Tokens.coordinator(HOF)).statusCode();
            assertTrue(status != 401 && status != 403, operation + " refused its own municipality: " + status);
        }
    }

    @Test
    void everyApiOperationRefusesAMissingToken() throws Exception {
        List<Operation> api =
                operations().stream().filter(o -> o.path().startsWith("/api/")).toList();
        assertTrue(api.size() >= 5, "found " + api);
        for (Operation operation : api) {
            Map<String, String> before = Database.fingerprint();
            Response response = call(operation, HOF, null);
            assertEquals(401, response.statusCode(), operation + " without a token");
            assertTrue(response.contentType().startsWith("application/problem+json"), operation.toString());
            assertEquals(before, Database.fingerprint(), operation.toString());
        }
    }
}
