package no.samkost.isolation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the service's own OpenAPI document, so an endpoint added later is covered without editing
 * this test: every operation under a municipality {@code {code}} refuses another municipality's
 * token with 403, leaks nothing and writes nothing, even when the request is otherwise valid; the
 * same requests succeed on the caller's own path (so the bodies are valid and the walk has teeth);
 * every API operation refuses a missing token with 401.
 */
@QuarkusTest
class OpenApiIsolationTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Path parameters the walk knows how to fill; a new one must be taught here, on purpose. */
    static final Set<String> KNOWN_PARAMETERS = Set.of("code", "ref", "id", "costYear", "grantYear");

    static final ObjectMapper JSON = new ObjectMapper();

    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** A municipality's own data that requests can name: a fresh recipient (version 0) and a cost line. */
    record Own(String code, String ref, long costLineId) {}

    JsonNode document;
    Own re;
    Own hof;

    @BeforeEach
    void eachMunicipalityHasData() throws Exception {
        document = JSON.readTree(
                given().queryParam("format", "json").get("/q/openapi").asString());
        re = own(RE);
        hof = own(HOF);
    }

    static Own own(String code) throws Exception {
        String ref = Api.uniqueRef("WALK");
        Api.recipient(code, ref, 1990, true);
        Api.cost(code, ref, "2023-01", "DIRECT_WAGES", "100.00", null);
        long id = Database.count(
                "select max(c.id) from cost_line c join recipient r on r.id = c.recipient_id" + " where r.ref = ?",
                ref);
        return new Own(code, ref, id);
    }

    List<Operation> operations() {
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

    List<Operation> municipalityOperations() {
        return operations().stream().filter(o -> o.path().contains("{code}")).toList();
    }

    /** A request on {@code pathCode}'s path, by {@code caller}, naming {@code named}'s data. */
    Response call(Operation operation, String pathCode, Own caller, Own named) {
        String url = operation
                .path()
                .replace("{code}", pathCode)
                .replace("{ref}", named.ref())
                .replace("{id}", Long.toString(named.costLineId()))
                .replace("{costYear}", "2023")
                .replace("{grantYear}", "2024");
        RequestSpecification request = given().redirects().follow(false);
        if (caller != null) {
            request = request.auth().oauth2(Tokens.coordinator(caller.code()));
        }
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (content.has("text/csv")) {
            request = request.contentType("text/csv")
                    .body("recipient_ref,period,category,amount,note\n" + named.ref()
                            + ",2023-02,DIRECT_WAGES,1.00,\n");
        } else if (content.has("application/json")) {
            request = request.contentType("application/json")
                    .body(validBody(content.get("application/json").get("schema"), named)
                            .toString());
        }
        return request.request(operation.method().toUpperCase(), url);
    }

    /** A body that the endpoint accepts, built from the schema's examples, enums and types. */
    ObjectNode validBody(JsonNode schema, Own named) {
        JsonNode resolved = resolve(schema);
        ObjectNode body = JSON.createObjectNode();
        Set<String> required = new java.util.HashSet<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        resolved.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode p = resolve(property.getValue());
            if (!required.contains(property.getKey())) {
                continue;
            }
            switch (property.getKey()) {
                case "ref" -> body.put("ref", Api.uniqueRef("NEW"));
                case "recipientRef" -> body.put("recipientRef", named.ref());
                case "version" -> body.put("version", 0);
                default -> {
                    if (p.has("examples")) {
                        body.set(property.getKey(), p.get("examples").get(0));
                    } else if (p.has("example")) {
                        body.set(property.getKey(), p.get("example"));
                    } else if (p.has("enum")) {
                        body.set(property.getKey(), p.get("enum").get(0));
                    } else if ("boolean".equals(p.path("type").asText())) {
                        body.put(property.getKey(), true);
                    }
                }
            }
        }
        return body;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        if (s.has("$ref")) {
            s = document.at(s.get("$ref").asText().substring(1));
        }
        if (s.has("allOf")) {
            s = resolve(s.get("allOf").get(0));
        }
        return s;
    }

    @Test
    void theWalkKnowsEveryMunicipalityPath() {
        Pattern parameter = Pattern.compile("\\{([^}]+)}");
        for (Operation operation : operations()) {
            if (operation.path().contains("/municipalities/")) {
                assertTrue(
                        operation.path().startsWith("/api/v1/municipalities/{code}"),
                        operation + ": a municipality path must name it {code}, or the path guard does not see it");
            }
            Matcher m = parameter.matcher(operation.path());
            while (m.find()) {
                assertTrue(
                        KNOWN_PARAMETERS.contains(m.group(1))
                                || !operation.path().contains("{code}"),
                        operation + ": teach the isolation walk the path parameter {" + m.group(1) + "}");
            }
        }
    }

    @Test
    void everyMunicipalityOperationRefusesAnotherMunicipalitysToken() throws Exception {
        List<Operation> scoped = municipalityOperations();
        assertTrue(scoped.size() >= 8, "the walk must find the municipality endpoints, found " + scoped);
        for (Operation operation : scoped) {
            // Re's token on Hof's path, naming Hof's data and then Re's own (which would be written
            // if only the path were ignored).
            for (Own named : List.of(hof, re)) {
                Map<String, String> before = Database.fingerprint();
                Response response = call(operation, HOF, re, named);
                assertEquals(403, response.statusCode(), operation + " with Re's token on Hof's path");
                assertTrue(response.contentType().startsWith("application/problem+json"), operation.toString());
                // The ref is in the URL Re sent and "instance" echoes it; nothing else may carry Hof's data.
                ObjectNode problem = (ObjectNode) JSON.readTree(response.asString());
                problem.remove("instance");
                assertFalse(problem.toString().contains(hof.ref()), operation + " leaked Hof's ref: " + problem);
                assertEquals(before, Database.fingerprint(), operation + " changed data although refused");
            }
        }
    }

    @Test
    void theSameRequestsSucceedOnTheCallersOwnPath() {
        for (Operation operation : municipalityOperations()) {
            Own fresh = new Own(HOF, hof.ref(), hof.costLineId());
            int status = call(operation, HOF, hof, fresh).statusCode();
            assertTrue(status >= 200 && status < 300, operation + " on Hof's own path answered " + status);
        }
    }

    @Test
    void everyApiOperationRefusesAMissingToken() throws Exception {
        List<Operation> api =
                operations().stream().filter(o -> o.path().startsWith("/api/")).toList();
        assertTrue(api.size() >= 10, "found " + api);
        for (Operation operation : api) {
            Map<String, String> before = Database.fingerprint();
            Response response = call(operation, HOF, null, hof);
            assertEquals(401, response.statusCode(), operation + " without a token");
            assertTrue(response.contentType().startsWith("application/problem+json"), operation.toString());
            assertEquals(before, Database.fingerprint(), operation.toString());
        }
    }
}
