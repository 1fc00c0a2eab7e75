package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The future-needs register through the API: an entry, its conversations kept as held (the newest
 * by its day gives the current answers, whenever it was recorded), its status, and what it refuses.
 */
@QuarkusTest
class NeedApiTest {

    static final String RE = "0716";
    static final String HOF = "0714";

    static ValidatableResponse talk(String ref, String body) {
        return given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/municipalities/{code}/needs/{ref}/conversations", RE, ref)
                .then();
    }

    static JsonPath need(String ref) {
        return given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/municipalities/{code}/needs/{ref}", RE, ref)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    static ValidatableResponse update(String ref, String body) {
        return given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body(body)
                .put("/api/v1/municipalities/{code}/needs/{ref}", RE, ref)
                .then();
    }

    @Test
    void conversationsAreKeptAndTheNewestGivesTheAnswers() {
        String ref = Api.uniqueRef("U");
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":2011,\"userGroup\":\"INTELLECTUAL_DISABILITY\"}")
                .post("/api/v1/municipalities/{code}/needs", RE)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/needs/" + ref))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(0))
                .body("housingForm", nullValue());

        talk(
                        ref,
                        "{\"heldOn\":\"2025-03-10\",\"expectedMoveOutYear\":2029,\"housingForm\":3,"
                                + "\"baseLevel\":\"UTVIDET\",\"hoursPerWeekMin\":10,\"hoursPerWeekMax\":15.5}")
                .statusCode(201);
        // A year later the family no longer knows when, and wants less: one figure for the hours.
        JsonPath second = talk(
                        ref,
                        "{\"heldOn\":\"2026-03-12\",\"housingForm\":2,\"baseLevel\":\"BASIS\",\"hoursPerWeekMax\":8}")
                .statusCode(201)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(new BigDecimal("8.0"), second.get("hoursPerWeekMin"));
        // An older conversation recorded late is kept, but does not change today's answers.
        talk(ref, "{\"heldOn\":\"2024-02-01\",\"expectedMoveOutYear\":2028,\"housingForm\":5}")
                .statusCode(201);

        JsonPath now = need(ref);
        assertEquals(2, now.getInt("housingForm"));
        assertEquals("BASIS", now.getString("baseLevel"));
        assertEquals(null, (Object) now.get("expectedMoveOutYear"));
        assertEquals(new BigDecimal("8.0"), now.get("hoursPerWeekMin"));
        assertEquals(new BigDecimal("8.0"), now.get("hoursPerWeekMax"));
        assertEquals("2026-03-12", now.getString("lastConversationOn"));

        JsonPath all = given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/municipalities/{code}/needs/{ref}/conversations", RE, ref)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(List.of("2024-02-01", "2025-03-10", "2026-03-12"), all.getList("heldOn"));
        assertEquals(new BigDecimal("15.5"), all.get("[1].hoursPerWeekMax"));
        assertEquals(
                1,
                given().auth()
                        .oauth2(Tokens.viewer(RE))
                        .queryParam("size", 500)
                        .get("/api/v1/municipalities/{code}/needs", RE)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.findAll { it.ref == '" + ref + "' }")
                        .size());
    }

    @Test
    void aYouthWhoBecameARecipientIsLinkedToOneOfTheSameMunicipality() throws Exception {
        String ref = Api.uniqueRef("U");
        Api.need(RE, ref);
        String hofOnly = Api.uniqueRef("R");
        Api.recipient(HOF, hofOnly, 2008, true);
        String own = Api.uniqueRef("R");
        Api.recipient(RE, own, 2008, true);

        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        update(ref, "{\"birthYear\":2008,\"userGroup\":\"SOMATIC\",\"status\":\"BECAME_RECIPIENT\",\"version\":0}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("recipientRef"));
        // Hof's recipient is unknown here, worded as any ref that does not exist.
        update(
                        ref,
                        "{\"birthYear\":2008,\"userGroup\":\"SOMATIC\",\"status\":\"BECAME_RECIPIENT\",\"recipientRef\":\""
                                + hofOnly + "\",\"version\":0}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("recipientRef"))
                .body("errors[0].message", equalTo("no recipient '" + hofOnly + "' in your municipality"));
        update(
                        ref,
                        "{\"birthYear\":2008,\"userGroup\":\"SOMATIC\",\"status\":\"ACTIVE\",\"recipientRef\":\"" + own
                                + "\",\"version\":0}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("recipientRef"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"), "nothing changed by a refused update");

        update(
                        ref,
                        "{\"birthYear\":2008,\"userGroup\":\"SOMATIC\",\"status\":\"BECAME_RECIPIENT\",\"recipientRef\":\""
                                + own + "\",\"version\":0}")
                .statusCode(200)
                .body("status", equalTo("BECAME_RECIPIENT"))
                .body("recipientRef", equalTo(own))
                .body("version", equalTo(1));
        update(ref, "{\"birthYear\":2008,\"userGroup\":\"SOMATIC\",\"status\":\"DECLINED\",\"version\":0}")
                .spec(problem(409, "stale-version"));
    }

    @Test
    void badAnswersAreRefusedAtTheirFieldAndNothingIsStored() throws Exception {
        String ref = Api.uniqueRef("U");
        Api.need(RE, ref);
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        talk(ref, "{\"heldOn\":\"2099-01-01\"}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("heldOn"));
        talk(ref, "{\"heldOn\":\"2026-01-01\",\"hoursPerWeekMin\":20,\"hoursPerWeekMax\":10}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("hoursPerWeekMin"));
        talk(ref, "{\"heldOn\":\"2026-01-01\",\"housingForm\":6}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("housingForm"));
        talk(ref, "{\"heldOn\":\"2026-01-01\",\"baseLevel\":\"GULL\"}").spec(problem(400, "validation"));
        talk(ref, "{\"heldOn\":\"2026-01-01\",\"hoursPerWeekMin\":1.25}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("hoursPerWeekMin"));
        talk("NO-SUCH-NEED", "{\"heldOn\":\"2026-01-01\"}").spec(problem(404, "not-found"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"));
        // A viewer reads, never writes.
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .contentType("application/json")
                .body("{\"heldOn\":\"2026-01-01\"}")
                .post("/api/v1/municipalities/{code}/needs/{ref}/conversations", RE, ref)
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":2011,\"userGroup\":\"OTHER\"}")
                .post("/api/v1/municipalities/{code}/needs", RE)
                .then()
                .spec(problem(409, "conflict"));
    }
}
