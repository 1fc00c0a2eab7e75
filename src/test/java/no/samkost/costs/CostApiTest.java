package no.samkost.costs;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class CostApiTest {

    static final String RE = "0716";
    static final String COSTS = "/api/v1/municipalities/0716/costs";

    static String line(String ref, String period, String category, String amount, String note) {
        return "{\"recipientRef\":\"" + ref + "\",\"period\":\"" + period + "\",\"category\":\"" + category
                + "\",\"amount\":" + amount + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    @Test
    void aCoordinatorAppendsALineAndAnyoneOfTheMunicipalityReadsIt() {
        String ref = Api.uniqueRef("C");
        Api.recipient(RE, ref, 1990, true);
        String id = given().config(Money.exact())
                .auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType(ContentType.JSON)
                .body(line(ref, "2023-03", "DIRECT_WAGES", "265000.50", null))
                .post(COSTS)
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/municipalities/0716/costs/"))
                .body("recipientRef", equalTo(ref))
                .body("period", equalTo("2023-03"))
                .body("amount", equalTo(new BigDecimal("265000.50")))
                .body("createdBy", equalTo("user-0716"))
                .extract()
                .path("id");
        // A random id: no gap between a municipality's ids counts another municipality's lines.
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get(COSTS + "/" + id)
                .then()
                .statusCode(200)
                .body("category", equalTo("DIRECT_WAGES"));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .queryParam("year", 2023)
                .queryParam("recipient", ref)
                .get(COSTS)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("totalItems", equalTo(1));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .queryParam("year", 2022)
                .queryParam("recipient", ref)
                .get(COSTS)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aCorrectionIsANewNegativeLineWithANote() throws Exception {
        String ref = Api.uniqueRef("C");
        Api.recipient(RE, ref, 1990, false);
        Api.cost(RE, ref, "2023-01", "DIRECT_WAGES", "1000.00", null);
        Api.cost(RE, ref, "2023-01", "DIRECT_WAGES", "-250.00", "wrong shift count in January");
        given().config(Money.exact())
                .auth()
                .oauth2(Tokens.viewer(RE))
                .queryParam("recipient", ref)
                .get(COSTS)
                .then()
                .statusCode(200)
                .body("items.amount", containsInAnyOrder(new BigDecimal("1000.00"), new BigDecimal("-250.00")))
                .body("items", hasSize(2));
        assertEquals(
                2,
                Database.count(
                        "select count(*) from cost_line c join recipient r on r.id = c.recipient_id"
                                + " where r.ref = ?",
                        ref));
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of(
                        "negative without a note",
                        line("{ref}", "2023-01", "DIRECT_WAGES", "-5.00", null),
                        400,
                        "note"),
                Arguments.of("zero", line("{ref}", "2023-01", "DIRECT_WAGES", "0", null), 400, "amount"),
                Arguments.of("three decimals", line("{ref}", "2023-01", "DIRECT_WAGES", "10.005", null), 400, "amount"),
                Arguments.of(
                        "absurd amount", line("{ref}", "2023-01", "DIRECT_WAGES", "1000000000", null), 400, "amount"),
                Arguments.of(
                        "joint service from a client",
                        line("{ref}", "2023-01", "JOINT_SERVICE", "10", null),
                        400,
                        "category"),
                Arguments.of("unknown category", line("{ref}", "2023-01", "SALARY", "10", null), 400, "category"),
                Arguments.of("bad period", line("{ref}", "2023-13", "DIRECT_WAGES", "10", null), 400, "period"),
                Arguments.of(
                        "period as a date", line("{ref}", "2023-01-01", "DIRECT_WAGES", "10", null), 400, "period"),
                Arguments.of(
                        "period far in the future",
                        line("{ref}", "2999-01", "DIRECT_WAGES", "10", null),
                        400,
                        "period"),
                Arguments.of(
                        "amount as a string", line("{ref}", "2023-01", "DIRECT_WAGES", "\"10\"", null), 400, "amount"),
                Arguments.of(
                        "unknown recipient",
                        line("NOBODY-HERE", "2023-01", "DIRECT_WAGES", "10", null),
                        422,
                        "recipientRef"),
                Arguments.of(
                        "unknown field",
                        line("{ref}", "2023-01", "DIRECT_WAGES", "10", null).replace("10}", "10,\"vat\":25}"),
                        400,
                        "vat"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void aBadLineIsRefusedNamingTheFieldAndWritesNothing(String what, String json, int status, String field)
            throws Exception {
        String ref = Api.uniqueRef("C");
        Api.recipient(RE, ref, 1990, false);
        Map<String, String> before = Database.fingerprint();
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType(ContentType.JSON)
                .body(json.replace("{ref}", ref))
                .post(COSTS)
                .then()
                .spec(problem(status, status == 422 ? "unknown-reference" : "validation"))
                .body("errors.field", hasItem(field));
        assertEquals(before, Database.fingerprint());
    }

    @Test
    void aRetriedLineWithTheSameKeyIsWrittenOnce() throws Exception {
        String ref = Api.uniqueRef("C");
        Api.recipient(RE, ref, 1990, false);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(Tokens.coordinator(RE))
                    .header("Idempotency-Key", key)
                    .contentType(ContentType.JSON)
                    .body(line(ref, "2023-02", "USER_PAYMENT", "3333.33", null))
                    .post(COSTS)
                    .then()
                    .statusCode(201)
                    .header("Location", endsWith("/costs/" + firstId(ref)));
        }
        assertEquals(
                1,
                Database.count(
                        "select count(*) from cost_line c join recipient r on r.id = c.recipient_id"
                                + " where r.ref = ?",
                        ref));
    }

    private static String firstId(String ref) throws Exception {
        return Database.text(
                "select c.line_id::text from cost_line c join recipient r on r.id = c.recipient_id where r.ref = ?"
                        + " order by c.id limit 1",
                ref);
    }

    @Test
    void aViewerCannotWrite() {
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .contentType(ContentType.JSON)
                .body(line("X", "2023-01", "DIRECT_WAGES", "10", null))
                .post(COSTS)
                .then()
                .spec(problem(403, "forbidden"));
    }
}
