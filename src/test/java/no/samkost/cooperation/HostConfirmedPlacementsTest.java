package no.samkost.cooperation;

import static io.restassured.RestAssured.given;
import static no.samkost.cooperation.CooperationApiTest.HOF;
import static no.samkost.cooperation.CooperationApiTest.HOST;
import static no.samkost.cooperation.CooperationApiTest.RE;
import static no.samkost.cooperation.CooperationApiTest.attributed;
import static no.samkost.cooperation.CooperationApiTest.confirm;
import static no.samkost.cooperation.CooperationApiTest.placeUntil;
import static no.samkost.cooperation.CooperationApiTest.postPlacement;
import static no.samkost.cooperation.CooperationApiTest.request;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 3 of issue 9, with the demo's figures: a home's coordinator placed its recipient with
 * self-declared usage (168 h/week was accepted) and a start as early as 2000, and so rewrote the
 * other homes' JOINT_SERVICE lines on its own say-so. Now a home only requests; the host confirms
 * with the usage it provides, and only its confirmation takes a place and attributes.
 *
 * <pre>
 * The demo's shared home in 3k (DemoData): 4 places, hosted by Holmestrand, direct wages 640 000.00
 * a month in 2023; confirmed by the host with the demo's usage:
 *   DEMO-RE-1  Re   from 2023-01-01, open,          25 h/week
 *   DEMO-RE-2  Re   from 2023-05-15, open,          15 h/week
 *   DEMO-HOF-1 Hof  2023-01-01 to 2023-06-30,       30 h/week
 *   DEMO-HOF-2 Hof  from 2023-08-01, open,          20 h/week
 *   DEMO-HOL-1 Holmestrand from 2023-02-01, open,   35 h/week
 * January: RE-1 31 x 25 = 775, HOF-1 31 x 30 = 930 of 1 705:
 *   RE-1 640 000 x 775/1 705 = 290 909.0909..., HOF-1 349 090.9090...; whole øre 639 999.99, the last
 *   øre to HOF-1 (.9090): RE-1 290 909.09, HOF-1 349 090.91.
 * Re's new recipient X confirmed for January at 10 h/week: 31 x 10 = 310, 2 015 in all:
 *   RE-1 246 153.846 15..., HOF-1 295 384.615 38..., X 98 461.538 46...; whole øre 639 999.98, the 2
 *   øre to the largest remainders in øre, X (.846) and RE-1 (.615): RE-1 246 153.85,
 *   HOF-1 295 384.61, X 98 461.54.
 * </pre>
 */
@QuarkusTest
class HostConfirmedPlacementsTest {

    String service;
    String re1;
    String hof1;
    Map<String, String> placements = new java.util.HashMap<>();

    @BeforeEach
    void theDemosSharedHome() {
        service = CooperationApiTest.createService("3k", Api.uniqueRef("Solsiden"), 4);
        re1 = demo(RE, "DEMO-RE-1", 1988, true, "2023-01-01", null, "25");
        demo(RE, "DEMO-RE-2", 1995, false, "2023-05-15", null, "15");
        hof1 = demo(HOF, "DEMO-HOF-1", 1992, true, "2023-01-01", "2023-06-30", "30");
        demo(HOF, "DEMO-HOF-2", 2001, true, "2023-08-01", null, "20");
        demo(HOST, "DEMO-HOL-1", 1980, false, "2023-02-01", null, "35");
        for (int month = 1; month <= 12; month++) {
            CooperationApiTest.jointCost(
                    "3k", service, String.format("2023-%02d", month), "DIRECT_WAGES", "640000.00", null);
        }
        assertEquals(new BigDecimal("290909.09"), attributed(RE, re1, "2023-01"));
        assertEquals(new BigDecimal("349090.91"), attributed(HOF, hof1, "2023-01"));
    }

    String demo(String code, String name, int born, boolean id, String from, String to, String usage) {
        String ref = Api.uniqueRef(name);
        Api.recipient(code, ref, born, id);
        placements.put(ref, placeUntil("3k", service, code, ref, from, to, usage));
        return ref;
    }

    /** Every ledger row of every municipality, and every row of Hof's. */
    static Map<String, String> ledgersAndHof() throws SQLException {
        Map<String, String> fingerprint = new java.util.LinkedHashMap<>();
        for (String table : List.of("cost_line", "cost_year_total")) {
            fingerprint.put(
                    table,
                    String.valueOf(Database.count("select count(*) from " + table)) + ":"
                            + Database.text(
                                    "select md5(string_agg(t::text, '|' order by t::text)) from " + table + " t"));
        }
        fingerprint.putAll(Database.fingerprintOf("hof"));
        return fingerprint;
    }

    @Test
    void aHomesRequestNoLongerChangesAnyOtherHomesLedger() throws Exception {
        String x = Api.uniqueRef("X");
        Api.recipient(RE, x, 1990, false);
        Map<String, String> before = ledgersAndHof();
        // What finding 3 sent: 168 h/week from 2000-01-01. Usage is not the home's to give, and no
        // placement starts before the cooperation (3k: 2010-01-01).
        postPlacement(
                        RE,
                        service,
                        "{\"recipientRef\":\"" + x + "\",\"startsOn\":\"2000-01-01\",\"usageHoursPerWeek\":168}")
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", hasItem("usageHoursPerWeek"));
        postPlacement(RE, service, "{\"recipientRef\":\"" + x + "\",\"startsOn\":\"2000-01-01\"}")
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", hasItem("startsOn"))
                .body("detail", containsString("2010-01-01"));
        postPlacement(RE, service, "{\"recipientRef\":\"" + x + "\",\"startsOn\":\"2009-12-31\"}")
                .then()
                .spec(problem(400, "validation"));
        // A request is taken, and it takes nothing: no ledger line anywhere changes, and nothing of Hof's.
        String requested = request("3k", service, RE, x, "2010-01-01", null);
        assertEquals(before, ledgersAndHof());
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body("{\"startsOn\":\"2000-01-01\",\"version\":0}")
                .put("/api/v1/cooperations/3k/services/{s}/placements/{p}", service, requested)
                .then()
                .spec(problem(400, "validation"));
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body("{\"startsOn\":\"2023-01-01\",\"version\":0}")
                .put("/api/v1/cooperations/3k/services/{s}/placements/{p}", service, requested)
                .then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("startsOn", equalTo("2023-01-01"))
                .body("version", equalTo(1));
        assertEquals(before, ledgersAndHof());
        // Re cannot confirm its own request or give it usage.
        confirmAs(RE, requested, "168", 1).then().spec(problem(403, "forbidden"));
        usageAs(RE, requested, "168", 1).then().spec(problem(403, "forbidden"));
        assertEquals(before, ledgersAndHof());
        // The host can not make room for it either (May 15 to June 30 is full), and the answer has no count.
        confirm("3k", service, requested, "25", 1)
                .then()
                .spec(problem(409, "capacity-exceeded"))
                .body(
                        "detail",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(".*\\d+ (places|of).*")));
        assertEquals(before, ledgersAndHof());
        // Declined with a reason: final, and Re reads why in its own trail.
        given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"reason\":\"no place from May to June\",\"version\":1}")
                .post("/api/v1/cooperations/3k/services/{s}/placements/{p}/decline", service, requested)
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("no place from May to June"))
                .body("usageHoursPerWeek", nullValue());
        confirm("3k", service, requested, "25", 2)
                .then()
                .spec(problem(409, "conflict"))
                .body("detail", containsString("DECLINED"));
        assertEquals(before, ledgersAndHof());
        assertTrue(Database.count(
                        "select count(*) from audit_entry where municipality_id = 're' and action = 'placement.decline'"
                                + " and resource like ?",
                        "%" + requested + "%no place from May to June%")
                == 1);
    }

    @Test
    void onlyTheHostsConfirmationAttributes() throws Exception {
        String x = Api.uniqueRef("X");
        Api.recipient(RE, x, 1990, false);
        Map<String, String> before = ledgersAndHof();
        String requested = request("3k", service, RE, x, "2023-01-01", "2023-01-31");
        assertEquals(before, ledgersAndHof(), "a request attributes nothing");
        assertEquals(new BigDecimal("349090.91"), attributed(HOF, hof1, "2023-01"));

        confirm("3k", service, requested, "10", 0)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("usageHoursPerWeek", equalTo(new BigDecimal("10.00")))
                .body("version", equalTo(1));
        assertEquals(new BigDecimal("246153.85"), attributed(RE, re1, "2023-01"));
        assertEquals(new BigDecimal("295384.61"), attributed(HOF, hof1, "2023-01"));
        assertEquals(new BigDecimal("98461.54"), attributed(RE, x, "2023-01"));
        // Re reads its own placement's usage in its trail; the host reads the ref, never Re's
        // figures beyond what it decided; Hof's trail holds nothing of Re's recipient.
        assertEquals(
                1,
                Database.count(
                        "select count(*) from audit_entry where municipality_id = 're' and action = 'placement.confirm'"
                                + " and resource like ? and actor = 'cooperation:3k'",
                        "%" + requested + "%" + x + "%10 h/week%"));
        assertEquals(
                1,
                Database.count(
                        "select count(*) from audit_entry where municipality_id = 'holmestrand'"
                                + " and action = 'placement.request' and resource like ? and actor = 'cooperation:3k'",
                        "%" + x + "%" + RE + "%"));
        assertEquals(
                0,
                Database.count(
                        "select count(*) from audit_entry where municipality_id = 'hof' and resource like ?",
                        "%" + x + "%"));
        assertTrue(Database.count(
                        "select count(*) from audit_entry where municipality_id = 'hof'"
                                + " and action = 'joint-service.attributed' and resource like ?",
                        "%" + service + "%")
                > 0);

        // The host changes the usage later: January is re-attributed (X 20 h/week: 620 of 2 325).
        usageAs(HOST, requested, "20", 1)
                .then()
                .statusCode(200)
                .body("usageHoursPerWeek", equalTo(new BigDecimal("20.00")));
        BigDecimal january = attributed(RE, re1, "2023-01")
                .add(attributed(HOF, hof1, "2023-01"))
                .add(attributed(RE, x, "2023-01"));
        assertEquals(new BigDecimal("640000.00"), january);
        assertEquals(new BigDecimal("170666.67"), attributed(RE, x, "2023-01"));
    }

    @Test
    void eachPartyTakesOnlyItsOwnStepsFromTheRightStatus() throws Exception {
        service = CooperationApiTest.createService("3k", Api.uniqueRef("Steps"), 2);
        String x = Api.uniqueRef("X");
        Api.recipient(RE, x, 1990, false);
        String requested = request("3k", service, RE, x, "2024-01-01", null);
        // Another home learns nothing: Re's placement is as unknown to Hof as one that does not exist.
        String nobody = UUID.randomUUID().toString();
        for (String placement : List.of(requested, nobody)) {
            withdrawAs(HOF, placement, 0).then().spec(problem(404, "not-found"));
            given().auth()
                    .oauth2(Tokens.coordinator(HOF))
                    .contentType("application/json")
                    .body("{\"startsOn\":\"2030-01-01\",\"version\":0}")
                    .put("/api/v1/cooperations/3k/services/{s}/placements/{p}", service, placement)
                    .then()
                    .spec(problem(404, "not-found"));
            confirmAs(HOF, placement, "10", 0).then().spec(problem(403, "forbidden"));
            given().auth()
                    .oauth2(Tokens.viewer(HOF))
                    .get("/api/v1/cooperations/3k/services/{s}/placements/{p}", service, placement)
                    .then()
                    .spec(problem(404, "not-found"));
        }
        for (String reader : List.of(RE, HOST)) {
            given().auth()
                    .oauth2(Tokens.viewer(reader))
                    .get("/api/v1/cooperations/3k/services/{s}/placements/{p}", service, requested)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("REQUESTED"))
                    .body("recipientRef", equalTo(x))
                    .body("municipality", equalTo(RE));
        }
        // Usage is more than 0, at most 168, in hundredths; a reason is required and bounded.
        for (String usage : List.of("0", "-1", "168.01", "10.001")) {
            confirm("3k", service, requested, usage, 0)
                    .then()
                    .spec(problem(400, "validation"))
                    .body("errors.field", hasItem("usageHoursPerWeek"));
        }
        for (String reason : List.of("\"  \"", "\"" + "x".repeat(501) + "\"")) {
            given().auth()
                    .oauth2(Tokens.coordinator(HOST))
                    .contentType("application/json")
                    .body("{\"reason\":" + reason + ",\"version\":0}")
                    .post("/api/v1/cooperations/3k/services/{s}/placements/{p}/decline", service, requested)
                    .then()
                    .spec(problem(400, "validation"))
                    .body("errors.field", hasItem("reason"));
        }
        // The wrong status is named.
        usageAs(HOST, requested, "10", 0)
                .then()
                .spec(problem(409, "conflict"))
                .body("detail", containsString("REQUESTED"));
        confirm("3k", service, requested, "10", 7).then().spec(problem(409, "stale-version"));
        confirm("3k", service, requested, "168", 0).then().statusCode(200);
        withdrawAs(RE, requested, 1).then().spec(problem(409, "conflict")).body("detail", containsString("CONFIRMED"));
        // The home ends its confirmed placement from a day not in the past; the start stays, and a
        // later end would be a new request.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        end(RE, requested, "2024-01-01", today.minusDays(1).toString(), 1)
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", hasItem("endsOn"));
        end(RE, requested, "2024-02-01", today.plusDays(30).toString(), 1)
                .then()
                .spec(problem(409, "conflict"));
        end(RE, requested, "2024-01-01", today.plusDays(30).toString(), 1)
                .then()
                .statusCode(200)
                .body("endsOn", equalTo(today.plusDays(30).toString()))
                .body("status", equalTo("CONFIRMED"));
        end(RE, requested, "2024-01-01", today.plusDays(31).toString(), 2)
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", hasItem("endsOn"));
        end(RE, requested, "2024-01-01", today.plusDays(2).toString(), 2).then().statusCode(200);
        // The host cannot end it: it is the home's placement.
        end(HOST, requested, "2024-01-01", today.plusDays(1).toString(), 3)
                .then()
                .spec(problem(404, "not-found"));
        // A withdrawn request is final.
        String y = Api.uniqueRef("Y");
        Api.recipient(RE, y, 1990, false);
        String other = request("3k", service, RE, y, "2031-01-01", null);
        withdrawAs(RE, other, 0).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        confirm("3k", service, other, "10", 1)
                .then()
                .spec(problem(409, "conflict"))
                .body("detail", containsString("WITHDRAWN"));
        // The listing: Re its own, every status; the host all of them.
        given().config(Money.exact())
                .auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/cooperations/3k/services/{s}/placements", service)
                .then()
                .statusCode(200)
                .body("find { it.id == '" + other + "' }.status", equalTo("WITHDRAWN"))
                .body("find { it.id == '" + requested + "' }.usageHoursPerWeek", equalTo(new BigDecimal("168.00")))
                .body("municipality", org.hamcrest.Matchers.everyItem(equalTo(RE)));
        given().auth()
                .oauth2(Tokens.viewer(HOST))
                .get("/api/v1/cooperations/3k/services/{s}/placements", service)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("status", hasItem("WITHDRAWN"));
    }

    Response confirmAs(String code, String placement, String usage, long version) {
        return given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"usageHoursPerWeek\":" + usage + ",\"version\":" + version + "}")
                .post("/api/v1/cooperations/3k/services/{s}/placements/{p}/confirmation", service, placement);
    }

    Response usageAs(String code, String placement, String usage, long version) {
        return given().config(Money.exact())
                .auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"usageHoursPerWeek\":" + usage + ",\"version\":" + version + "}")
                .put("/api/v1/cooperations/3k/services/{s}/placements/{p}/usage", service, placement);
    }

    Response withdrawAs(String code, String placement, long version) {
        return given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"version\":" + version + "}")
                .post("/api/v1/cooperations/3k/services/{s}/placements/{p}/withdrawal", service, placement);
    }

    Response end(String code, String placement, String startsOn, String endsOn, long version) {
        return given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"startsOn\":\"" + startsOn + "\",\"endsOn\":\"" + endsOn + "\",\"version\":" + version + "}")
                .put("/api/v1/cooperations/3k/services/{s}/placements/{p}", service, placement);
    }
}
