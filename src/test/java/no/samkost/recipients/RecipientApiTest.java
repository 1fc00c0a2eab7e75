package no.samkost.recipients;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecipientApiTest {

    static final String RE = "0716";
    static final String BASE = "/api/v1/municipalities/{code}/recipients";

    static String uniqueRef() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String ref, int birthYear, boolean intellectualDisability, String userGroup) {
        return """
                {"ref":"%s","birthYear":%d,"intellectualDisability":%s,"userGroup":"%s"}"""
                .formatted(ref, birthYear, intellectualDisability, userGroup);
    }

    static ValidatableResponse create(String code, String token, String json) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json)
                .post(BASE, code)
                .then();
    }

    @Test
    void coordinatorCreatesReadsListsAndUpdatesARecipient() {
        String token = Tokens.coordinator(RE);
        String ref = uniqueRef();
        create(RE, token, body(ref, 1990, true, "INTELLECTUAL_DISABILITY"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/municipalities/0716/recipients/" + ref))
                .body("ref", equalTo(ref))
                .body("birthYear", equalTo(1990))
                .body("intellectualDisability", equalTo(true))
                .body("version", equalTo(0));

        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get(BASE + "/{ref}", RE, ref)
                .then()
                .statusCode(200)
                .body("userGroup", equalTo("INTELLECTUAL_DISABILITY"));

        given().auth()
                .oauth2(token)
                .queryParam("size", 500)
                .get(BASE, RE)
                .then()
                .statusCode(200)
                .body("items.ref", hasItem(ref))
                .body("page", equalTo(0))
                .body("size", equalTo(500));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"birthYear\":1991,\"intellectualDisability\":false,\"userGroup\":\"SOMATIC\",\"version\":0}")
                .put(BASE + "/{ref}", RE, ref)
                .then()
                .statusCode(200)
                .body("birthYear", equalTo(1991))
                .body("version", equalTo(1));

        // The response of GET can be sent back as is (ref included), with the version it carries.
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":1992,\"intellectualDisability\":false,"
                        + "\"userGroup\":\"SOMATIC\",\"version\":1}")
                .put(BASE + "/{ref}", RE, ref)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void whatThePostAnswersIsWhatIsStored() {
        String token = Tokens.coordinator(RE);
        String ref = uniqueRef();
        String answered = create(RE, token, body(ref, 1990, true, "OTHER"))
                .statusCode(201)
                .extract()
                .path("createdAt");
        String stored =
                given().auth().oauth2(token).get(BASE + "/{ref}", RE, ref).path("createdAt");
        assertEquals(answered, stored, "PostgreSQL keeps microseconds; the answer must not carry more");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
        String token = Tokens.coordinator(RE);
        String ref = uniqueRef();
        create(RE, token, body(ref, 1980, false, "SOMATIC")).statusCode(201);
        String update =
                "{\"birthYear\":1981,\"intellectualDisability\":false,\"userGroup\":\"SOMATIC\",\"version\":%d}";
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(update.formatted(0))
                .put(BASE + "/{ref}", RE, ref)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(update.formatted(0).replace("1981", "1970"))
                .put(BASE + "/{ref}", RE, ref)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:samkost:problem:stale-version"));
        assertEquals(1981, Database.count("select birth_year from recipient where ref = ?", ref));
    }

    @Test
    void aDuplicateRefIsAConflict() {
        String token = Tokens.coordinator(RE);
        String ref = uniqueRef();
        create(RE, token, body(ref, 1980, false, "OTHER")).statusCode(201);
        create(RE, token, body(ref, 1999, false, "OTHER"))
                .spec(problem(409, "conflict"))
                .contentType("application/problem+json")
                .body("detail", containsString(ref));
    }

    @Test
    void concurrentCreatesOfOneRefGiveOneRecipientAndConflictsNeverErrors() throws Exception {
        String token = Tokens.coordinator(RE);
        String ref = uniqueRef();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(body(ref, 1990, false, "OTHER"))
                        .post(BASE, RE)
                        .statusCode()));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
            assertEquals(7, answers.stream().filter(s -> s == 409).count(), answers.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Database.count("select count(*) from recipient where ref = ?", ref));
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneRecipient() throws Exception {
        String token = Tokens.coordinator(RE);
        String ref = uniqueRef();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> given().auth()
                        .oauth2(token)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body(ref, 1990, false, "OTHER"))
                        .post(BASE, RE)
                        .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Database.count("select count(*) from recipient where ref = ?", ref));
    }

    @Test
    void theSameIdempotencyKeyAndBodyCreateOneRecipient() throws Exception {
        String token = Tokens.coordinator(RE);
        String ref = uniqueRef();
        String key = UUID.randomUUID().toString();
        String json = body(ref, 1985, false, "MENTAL_HEALTH_SUBSTANCE");
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth()
                    .oauth2(token)
                    .header("Idempotency-Key", key)
                    .contentType(ContentType.JSON)
                    .body(json)
                    .post(BASE, RE)
                    .then()
                    .statusCode(201)
                    .header("Location", endsWith(ref))
                    .body("ref", equalTo(ref));
        }
        assertEquals(1, Database.count("select count(*) from recipient where ref = ?", ref));
        // The same key for another body is refused, not silently replayed.
        given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body(uniqueRef(), 1985, false, "OTHER"))
                .post(BASE, RE)
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:samkost:problem:idempotency-key-reused"));
    }

    @Test
    void aViewerReadsButCannotWrite() {
        create(RE, Tokens.viewer(RE), body(uniqueRef(), 1980, false, "OTHER"))
                .spec(problem(403, "forbidden"))
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer(RE)).get(BASE, RE).then().statusCode(200);
    }

    @Test
    void unmappedIdentityProviderRolesGrantNothing() {
        // "admin" is not in the municipality's role mapping; "koordinator" is mapped to coordinator.
        given().auth().oauth2(Tokens.token(RE, "admin")).get(BASE, RE).then().spec(problem(403, "forbidden"));
        create(RE, Tokens.token(RE, "koordinator"), body(uniqueRef(), 1980, false, "OTHER"))
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.token(RE, "admin"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRoleSpelledLikeASamkostRoleGrantsNothingUnlessMapped() {
        // 0706 maps Samkost.Coordinator -> coordinator; a bare "coordinator" is not in its mapping.
        given().auth()
                .oauth2(Tokens.token("0706", "coordinator"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", org.hamcrest.Matchers.empty());
        given().auth()
                .oauth2(Tokens.token("0706", "coordinator"))
                .get(BASE, "0706")
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(Tokens.token("0706", "Samkost.Coordinator"))
                .get(BASE, "0706")
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownRecipientIsNotFound() {
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .get(BASE + "/{ref}", RE, "NO-SUCH-ONE")
                .then()
                .spec(problem(404, "not-found"))
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", not(nullValue()));
    }

    @Test
    void meTellsMunicipalityRolesAndCooperations() {
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("municipality", equalTo(RE))
                .body("subject", equalTo("user-0716"))
                .body("name", equalTo("test-user-0716"))
                .body("roles", contains("cooperation-member", "coordinator", "viewer"))
                .body("cooperations", contains("3k", "demo", "hand"));
        given().auth()
                .oauth2(Tokens.coordinator("0706"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("cooperations", contains("sor"));
    }
}
