package no.samkost.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.support.Database;
import no.samkost.support.OpenApiWalk;
import no.samkost.support.OpenApiWalk.Operation;
import no.samkost.support.OpenApiWalk.Own;
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
    static final String HOLMESTRAND = OpenApiWalk.HOLMESTRAND;
    /** A member of another cooperation ("sor"), not of 3k. */
    static final String SANDEFJORD = "0706";

    OpenApiWalk walk;
    Own re;
    Own hof;

    @BeforeEach
    void eachMunicipalityHasData() throws Exception {
        walk = OpenApiWalk.load();
        re = OpenApiWalk.own(RE);
        hof = OpenApiWalk.own(HOF);
    }

    List<Operation> operations() {
        return walk.operations();
    }

    List<Operation> municipalityOperations() {
        return walk.municipalityOperations();
    }

    List<Operation> cooperationOperations() {
        return walk.cooperationOperations();
    }

    Response call(Operation operation, String pathCode, Own caller, Own named) {
        return walk.call(operation, pathCode, caller, named);
    }

    @Test
    void theWalkKnowsEveryMunicipalityPath() {
        Pattern parameter = Pattern.compile("\\{([^}]+)}");
        for (Operation operation : operations()) {
            if (operation.path().contains("/cooperations/")) {
                assertTrue(
                        operation.path().startsWith(OpenApiWalk.COOPERATION_PATH),
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
                        OpenApiWalk.KNOWN_PARAMETERS.contains(m.group(1))
                                || !(operation.path().contains("{code}")
                                        || operation.path().startsWith(OpenApiWalk.COOPERATION_PATH)),
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
                ObjectNode problem = (ObjectNode) OpenApiWalk.JSON.readTree(response.asString());
                problem.remove("instance");
                assertFalse(problem.toString().contains(hof.ref()), operation + " leaked Hof's ref: " + problem);
                assertEquals(before, Database.fingerprint(), operation + " changed data although refused");
            }
        }
    }

    @Test
    void theSameRequestsSucceedOnTheCallersOwnPath() {
        try {
            for (Operation operation : municipalityOperations()) {
                Own fresh = hof.on(HOF);
                OpenApiWalk.readyFor(operation, fresh);
                Response response = call(operation, HOF, hof, fresh);
                int status = response.statusCode();
                assertTrue(
                        status >= 200 && status < 300,
                        operation + " on Hof's own path answered " + status + ": " + response.asString());
            }
        } finally {
            OpenApiWalk.signOffYearOpen(HOF);
        }
    }

    /**
     * The auditor reads and signs off only its own municipality: Re's auditor on Hof's path gets 403
     * for every operation, with nothing of Hof's in the answer and nothing written; Hof's claim
     * waits submitted, so an attestation or return that got past the wall would change it.
     */
    @Test
    void anAuditorOfOneMunicipalityReadsNothingOfAnother() throws Exception {
        for (Operation operation : municipalityOperations()) {
            OpenApiWalk.readyFor(operation, hof);
            Map<String, String> before = Database.fingerprint();
            Response response = walk.call(operation, HOF, no.samkost.support.Tokens.auditor(RE), hof);
            assertEquals(403, response.statusCode(), operation + " with Re's auditor token on Hof's path");
            assertEquals("urn:samkost:problem:forbidden", response.jsonPath().getString("type"), operation.toString());
            ObjectNode problem = (ObjectNode) OpenApiWalk.JSON.readTree(response.asString());
            problem.remove("instance");
            assertFalse(problem.toString().contains(hof.ref()), operation + " leaked Hof's ref: " + problem);
            assertEquals(before, Database.fingerprint(), operation + " changed data although refused");
        }
        OpenApiWalk.signOffYearOpen(HOF);
    }

    @Test
    void everyCooperationOperationRefusesANonMember() throws Exception {
        List<Operation> scoped = cooperationOperations();
        assertTrue(scoped.size() >= 10, "the walk must find the cooperation endpoints, found " + scoped);
        Own sandefjord = re.on(SANDEFJORD);
        for (Operation operation : scoped) {
            Map<String, String> before = Database.fingerprint();
            Response response = call(operation, SANDEFJORD, sandefjord, sandefjord);
            assertEquals(403, response.statusCode(), operation + " with Sandefjord's token on 3k");
            assertEquals("urn:samkost:problem:forbidden", response.jsonPath().getString("type"), operation.toString());
            assertTrue(response.contentType().startsWith("application/problem+json"), operation.toString());
            ObjectNode problem = (ObjectNode) OpenApiWalk.JSON.readTree(response.asString());
            problem.remove("instance");
            assertFalse(problem.toString().contains(walk.threeK().serviceId()), operation + " leaked: " + problem);
            assertEquals(before, Database.fingerprint(), operation + " changed data although refused");
        }
    }

    @Test
    void theSameCooperationRequestsSucceedForTheHost() {
        Own holmestrand = re.on(HOLMESTRAND);
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
