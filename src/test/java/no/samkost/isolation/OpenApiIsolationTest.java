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
    static final Set<String> KNOWN_PARAMETERS =
            Set.of("code", "ref", "id", "costYear", "grantYear", "serviceId", "placementId");

    static final String COOPERATION_PATH = "/api/v1/cooperations/{id}";
    static final String HOLMESTRAND = "0702";
    /** A member of another cooperation ("sor"), not of 3k. */
    static final String SANDEFJORD = "0706";

    static final ObjectMapper JSON = new ObjectMapper();

    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** A municipality's own data that requests can name: a fresh recipient (version 0) and a cost line. */
    record Own(String code, String ref, long costLineId) {}

    /** The host's data in 3k that requests can name: a service, a placement in it, an unplaced recipient. */
    record OwnInCooperation(String cooperation, String serviceId, String placementId, String freeRef) {}

    JsonNode document;
    Own re;
    Own hof;
    OwnInCooperation threeK;

    @BeforeEach
    void eachMunicipalityHasData() throws Exception {
        document = JSON.readTree(
                given().queryParam("format", "json").get("/q/openapi").asString());
        re = own(RE);
        hof = own(HOF);
        threeK = ownInCooperation();
    }

    /** Holmestrand, 3k's host, runs a service and places one of its own recipients in it. */
    static OwnInCooperation ownInCooperation() {
        String token = Tokens.coordinator(HOLMESTRAND);
        String serviceId = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"name\":\"" + Api.uniqueRef("WALK") + "\",\"kind\":\"SHARED_HOME\",\"capacity\":500}")
                .post("/api/v1/cooperations/3k/services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String placed = Api.uniqueRef("WALK");
        Api.recipient(HOLMESTRAND, placed, 1990, true);
        String placementId = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"recipientRef\":\"" + placed + "\",\"startsOn\":\"2023-01-01\",\"usageHoursPerWeek\":20}")
                .post("/api/v1/cooperations/3k/services/{s}/placements", serviceId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String free = Api.uniqueRef("WALK");
        Api.recipient(HOLMESTRAND, free, 1985, false);
        return new OwnInCooperation("3k", serviceId, placementId, free);
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

    List<Operation> cooperationOperations() {
        return operations().stream()
                .filter(o -> o.path().startsWith(COOPERATION_PATH))
                .toList();
    }

    /** A request on {@code pathCode}'s path, by {@code caller}, naming {@code named}'s data. */
    Response call(Operation operation, String pathCode, Own caller, Own named) {
        boolean cooperation = operation.path().startsWith(COOPERATION_PATH);
        String url = operation
                .path()
                .replace("{code}", pathCode)
                .replace("{ref}", named.ref())
                .replace("{id}", cooperation ? threeK.cooperation() : Long.toString(named.costLineId()))
                .replace("{serviceId}", threeK.serviceId())
                .replace("{placementId}", threeK.placementId())
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
                    .body(validBody(
                                    content.get("application/json").get("schema"),
                                    cooperation ? threeK.freeRef() : named.ref())
                            .toString());
        }
        return request.request(operation.method().toUpperCase(), url);
    }

    /** A body that the endpoint accepts, built from the schema's examples, enums and types. */
    ObjectNode validBody(JsonNode schema, String recipientRef) {
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
                case "recipientRef" -> body.put("recipientRef", recipientRef);
                case "name" -> body.put("name", Api.uniqueRef("WALK"));
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
            if (operation.path().contains("/cooperations/")) {
                assertTrue(
                        operation.path().startsWith(COOPERATION_PATH),
                        operation + ": a cooperation path must name it {id}, or the path guard does not see it");
            }
            if (operation.path().contains("/municipalities/")) {
                assertTrue(
                        operation.path().startsWith("/api/v1/municipalities/{code}"),
                        operation + ": a municipality path must name it {code}, or the path guard does not see it");
            }
            Matcher m = parameter.matcher(operation.path());
            while (m.find()) {
                assertTrue(
                        KNOWN_PARAMETERS.contains(m.group(1))
                                || !(operation.path().contains("{code}")
                                        || operation.path().startsWith(COOPERATION_PATH)),
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
                assertEquals(
                        "urn:samkost:problem:forbidden", response.jsonPath().getString("type"), operation.toString());
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
    void everyCooperationOperationRefusesANonMember() throws Exception {
        List<Operation> scoped = cooperationOperations();
        assertTrue(scoped.size() >= 10, "the walk must find the cooperation endpoints, found " + scoped);
        Own sandefjord = new Own(SANDEFJORD, re.ref(), re.costLineId());
        for (Operation operation : scoped) {
            Map<String, String> before = Database.fingerprint();
            Response response = call(operation, SANDEFJORD, sandefjord, sandefjord);
            assertEquals(403, response.statusCode(), operation + " with Sandefjord's token on 3k");
            assertEquals("urn:samkost:problem:forbidden", response.jsonPath().getString("type"), operation.toString());
            assertTrue(response.contentType().startsWith("application/problem+json"), operation.toString());
            ObjectNode problem = (ObjectNode) JSON.readTree(response.asString());
            problem.remove("instance");
            assertFalse(problem.toString().contains(threeK.serviceId()), operation + " leaked: " + problem);
            assertEquals(before, Database.fingerprint(), operation + " changed data although refused");
        }
    }

    @Test
    void theSameCooperationRequestsSucceedForTheHost() {
        Own holmestrand = new Own(HOLMESTRAND, re.ref(), re.costLineId());
        for (Operation operation : cooperationOperations()) {
            Response response = call(operation, HOLMESTRAND, holmestrand, holmestrand);
            int status = response.statusCode();
            assertTrue(
                    status >= 200 && status < 300,
                    operation + " by 3k's host answered " + status + ": " + response.asString());
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
            assertEquals(
                    "urn:samkost:problem:unauthenticated", response.jsonPath().getString("type"), operation.toString());
            assertTrue(response.contentType().startsWith("application/problem+json"), operation.toString());
            assertEquals(before, Database.fingerprint(), operation.toString());
        }
    }
}
