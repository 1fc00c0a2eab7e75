package no.samkost.cooperation;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.assertProblem;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The cooperation module through its API, with a hand-computed example in the test cooperation
 * "hand" (host Holmestrand 0702; members Hof 0714 and Re 0716; shared costs split 20 % equal +
 * 80 % by placement-days), cost year 2023 under the rules of grant year 2024 (threshold
 * 1 608 000, rate 80 %, ID deduction 832 000 for those born 2005 or earlier).
 *
 * <pre>
 * Placements in the shared home (capacity 2):
 *   A  Re's  recipient, born 1990, intellectual disability, from 2023-01-01, open, 20 h/week
 *   B  Hof's recipient, born 1985, no ID,                    from 2023-03-16, open, 30 h/week
 *
 * Direct wages of the home, attributed by usage x days placed in the month:
 *   2023-02   200 000.00: only A (28 x 20 = 560)                  A 200 000.00
 *   2023-03   310 000.00: A 31 days x 20 = 620, B 16 days x 30 = 480, 1 100 in all
 *             A 310 000 x 620/1 100 = 174 727.2727... -> 174 727.27
 *             B 310 000 x 480/1 100 = 135 272.7272... -> 135 272.72, + the last øre (.72 > .27) = 135 272.73
 *   attributed: Re 374 727.27, Hof 135 272.73; 510 000.00 in all, the year's direct wages exactly
 *
 * Shared costs 2023-06, 1 000 000.00, by 20 % equal + 80 % placement-days (A 365, B 291; 656):
 *   0702    200 000/3                      =  66 666.666... -> 66 666.66 (+1 øre, remainder .67)
 *   0714    200 000/3 + 800 000 x 291/656  = 421 544.715... -> 421 544.71
 *   0716    200 000/3 + 800 000 x 365/656  = 511 788.617... -> 511 788.61 (+1 øre, remainder .79)
 *   whole øre give 999 999.98; the 2 øre left go to the largest remainders: 0716 (.79), 0702 (.67)
 *
 * Expected grants (the claims' lines for A and B; own direct wages A 2 500 000, B 1 800 000; A pays
 * 40 000 in user payments):
 *   A  costs 2 500 000 + 374 727.27 = 2 874 727.27; basis 2 874 727.27 - 40 000 - 832 000 - 1 608 000
 *      = 394 727.27; grant 315 781.82
 *   B  costs 1 800 000 + 135 272.73 = 1 935 272.73; basis 327 272.73; grant 261 818.18
 *
 * Pooled row of 0716: 1 placed, 365 days, attributed 374 727.27, shared 511 788.62,
 *   expected grant 315 781.82, net 374 727.27 + 511 788.62 - 315 781.82 = 570 734.07
 * Totals: 2 placed, 656 days, attributed 510 000.00, shared 1 000 000.00, grants 577 600.00,
 *   net 510 000 + 1 000 000 - 577 600 = 932 400.00
 * </pre>
 *
 * <p>Its static helpers (a service, a request, a confirmation, a placement, a joint cost) are public:
 * the web pages' tests set up their own data the same way.
 */
@QuarkusTest
public class CooperationApiTest {

    public static final String HOST = "0702";
    public static final String HOF = "0714";
    public static final String RE = "0716";

    public static String createService(String cooperation, String name, int capacity) {
        return given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"kind\":\"SHARED_HOME\",\"capacity\":" + capacity + "}")
                .post("/api/v1/cooperations/{id}/services", cooperation)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The home {@code code} requests a place for its recipient; the placement's id (REQUESTED, version 0). */
    public static String request(String cooperation, String service, String code, String ref, String from, String to) {
        return given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"recipientRef\":\"" + ref + "\",\"startsOn\":\"" + from + "\""
                        + (to == null ? "" : ",\"endsOn\":\"" + to + "\"") + "}")
                .post("/api/v1/cooperations/{id}/services/{s}/placements", cooperation, service)
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("usageHoursPerWeek", nullValue())
                .extract()
                .path("id");
    }

    /** The host's coordinator (Holmestrand hosts 3k and hand) confirms a request with its usage. */
    public static io.restassured.response.Response confirm(
            String cooperation, String service, String placement, String usage, long version) {
        return given().config(Money.exact())
                .auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"usageHoursPerWeek\":" + usage + ",\"version\":" + version + "}")
                .post(
                        "/api/v1/cooperations/{id}/services/{s}/placements/{p}/confirmation",
                        cooperation,
                        service,
                        placement);
    }

    /** Requested by the home, confirmed by the host (version 1 then): a placement in force. */
    public static String place(String cooperation, String service, String code, String ref, String from, String usage) {
        return placeUntil(cooperation, service, code, ref, from, null, usage);
    }

    public static String placeUntil(
            String cooperation, String service, String code, String ref, String from, String to, String usage) {
        String id = request(cooperation, service, code, ref, from, to);
        confirm(cooperation, service, id, usage, 0)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("version", equalTo(1));
        return id;
    }

    /** Re's, Hof's or the host's coordinator posts a placement body in a 3k service. */
    static io.restassured.response.Response postPlacement(String code, String service, String body) {
        return given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/cooperations/3k/services/{s}/placements", service);
    }

    public static void jointCost(
            String cooperation, String service, String period, String category, String amount, String note) {
        given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"period\":\"" + period + "\",\"category\":\"" + category + "\",\"amount\":" + amount
                        + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}")
                .post("/api/v1/cooperations/{id}/services/{s}/costs", cooperation, service)
                .then()
                .statusCode(201);
    }

    /** Sum of the recipient's JOINT_SERVICE lines in a month, from its home's own ledger. */
    static BigDecimal attributed(String code, String ref, String period) {
        JsonPath lines = given().auth()
                .oauth2(Tokens.viewer(code))
                .queryParam("recipient", ref)
                .queryParam("year", 2023)
                .queryParam("size", 500)
                .get("/api/v1/municipalities/{code}/costs", code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        BigDecimal sum = new BigDecimal("0.00");
        List<java.util.Map<String, Object>> items = lines.getList("items");
        for (java.util.Map<String, Object> line : items) {
            if ("JOINT_SERVICE".equals(line.get("category")) && period.equals(line.get("period"))) {
                sum = sum.add(new BigDecimal(line.get("amount").toString()));
            }
        }
        return sum;
    }

    @Test
    void theHandComputedExample() throws Exception {
        String a = Api.uniqueRef("A");
        String b = Api.uniqueRef("B");
        Api.recipient(RE, a, 1990, true);
        Api.recipient(HOF, b, 1985, false);
        Api.cost(RE, a, "2023-05", "DIRECT_WAGES", "2500000.00", null);
        Api.cost(RE, a, "2023-05", "USER_PAYMENT", "40000.00", null);
        Api.cost(HOF, b, "2023-05", "DIRECT_WAGES", "1800000.00", null);
        String home = createService("hand", "Shared home", 2);
        place("hand", home, RE, a, "2023-01-01", "20");
        String placementB = place("hand", home, HOF, b, "2023-03-16", "30");
        jointCost("hand", home, "2023-02", "DIRECT_WAGES", "200000.00", null);
        jointCost("hand", home, "2023-03", "DIRECT_WAGES", "310000.00", null);
        jointCost("hand", home, "2023-06", "SHARED", "1000000.00", null);

        assertEquals(new BigDecimal("200000.00"), attributed(RE, a, "2023-02"));
        assertEquals(new BigDecimal("174727.27"), attributed(RE, a, "2023-03"));
        assertEquals(new BigDecimal("135272.73"), attributed(HOF, b, "2023-03"));

        JsonPath pooled = given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/cooperations/hand/pooled/2023")
                .then()
                .statusCode(200)
                .body("cooperation", equalTo("hand"))
                .body("costYear", equalTo(2023))
                .body("grantYear", equalTo(2024))
                .body("members.municipality", equalTo(List.of(HOST, HOF, RE)))
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(
                "{municipality=0716, placedRecipients=1, placementDays=365, attributedCosts=374727.27, "
                        + "sharedCostShare=511788.62, expectedGrant=315781.82, netCost=570734.07}",
                pooled.getMap("members[2]").toString());
        // Small-number rule (k = 3): Hof's row rests on one recipient, so Re sees none of it, nor the
        // totals that would give it back; Hof sees its own row in full. The host's row rests on nobody.
        assertEquals(
                "{municipality=0714, placedRecipients=null, placementDays=null, attributedCosts=null, "
                        + "sharedCostShare=null, expectedGrant=null, netCost=null}",
                pooled.getMap("members[1]").toString());
        assertEquals(
                "{municipality=0714, placedRecipients=1, placementDays=291, attributedCosts=135272.73, "
                        + "sharedCostShare=421544.71, expectedGrant=261818.18, netCost=294999.26}",
                given().auth()
                        .oauth2(Tokens.viewer(HOF))
                        .get("/api/v1/cooperations/hand/pooled/2023")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .using(Money.exactPaths())
                        .getMap("members[1]")
                        .toString());
        assertEquals(
                "{municipality=0702, placedRecipients=0, placementDays=0, attributedCosts=0.00, "
                        + "sharedCostShare=66666.67, expectedGrant=0.00, netCost=66666.67}",
                pooled.getMap("members[0]").toString());
        // The members' own rows add up to the totals computed above (656 days, 932 400.00 net).
        assertEquals(
                "{placedRecipients=null, placementDays=null, attributedCosts=null, sharedCosts=1000000.00, "
                        + "expectedGrant=null, netCost=null}",
                pooled.getMap("totals").toString());

        // The host can show an auditor every share: March's weights and parts, as computed above.
        JsonPath attribution = given().auth()
                .oauth2(Tokens.viewer(HOST))
                .get("/api/v1/cooperations/hand/services/{s}/attribution/2023", home)
                .then()
                .statusCode(200)
                .body("months.period", equalTo(List.of("2023-02", "2023-03")))
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(new BigDecimal("1100.00"), attribution.get("months[1].totalWeight"));
        // In the order that breaks ties for the last øre: home (hof before re), start, placement.
        assertEquals(List.of(b, a), attribution.getList("months[1].parts.recipientRef"));
        assertEquals(
                List.of(new BigDecimal("135272.73"), new BigDecimal("174727.27")),
                attribution.getList("months[1].parts.amount"));
        // Only the host: it names every home's refs.
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/cooperations/hand/services/{s}/attribution/2023", home)
                .then()
                .spec(problem(403, "forbidden"));

        // Stand-alone (test agreement: 3 000 000 a year + 1 200 000 per recipient): each member's one
        // recipient would cost 4 200 000, replacing its joint-service share.
        //   A: 2 874 727.27 - 374 727.27 + 4 200 000 = 6 700 000; basis 6 700 000 - 872 000 - 1 608 000
        //      = 4 220 000; grant 3 376 000.00; net 824 000.00; saved 824 000 - 570 734.07 = 253 265.93
        //   B: 1 935 272.73 - 135 272.73 + 4 200 000 = 6 000 000; basis 4 392 000; grant 3 513 600.00;
        //      net 686 400.00; saved 686 400 - 294 999.26 = 391 400.74
        //   0702 places nobody: alone it pays nothing, pooled its share: saved -66 666.67
        // Each member reads its own row (the small-number rule hides the others' one-recipient rows).
        java.util.function.Function<String, JsonPath> comparison = code -> given().auth()
                .oauth2(Tokens.viewer(code))
                .get("/api/v1/cooperations/hand/comparison/2023")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(
                "{municipality=0716, placedRecipients=1, pooledNetCost=570734.07, standAloneCosts=4200000.00, "
                        + "standAloneExpectedGrant=3376000.00, standAloneNetCost=824000.00, "
                        + "savingsFromCooperation=253265.93}",
                comparison.apply(RE).getMap("members[2]").toString());
        assertEquals(
                "{municipality=0714, placedRecipients=1, pooledNetCost=294999.26, standAloneCosts=4200000.00, "
                        + "standAloneExpectedGrant=3513600.00, standAloneNetCost=686400.00, "
                        + "savingsFromCooperation=391400.74}",
                comparison.apply(HOF).getMap("members[1]").toString());
        assertEquals(new BigDecimal("-66666.67"), comparison.apply(HOST).get("members[0].savingsFromCooperation"));

        // The claims agree: the expected grants are the claims' own lines for A and B.
        given().config(Money.exact())
                .auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/municipalities/{code}/claims/2023", RE)
                .then()
                .statusCode(200)
                .body("recipients.find { it.ref == '" + a + "' }.grant", equalTo(new BigDecimal("315781.82")));
        given().config(Money.exact())
                .auth()
                .oauth2(Tokens.viewer(HOF))
                .get("/api/v1/municipalities/{code}/claims/2023", HOF)
                .then()
                .statusCode(200)
                .body("recipients.find { it.ref == '" + b + "' }.grant", equalTo(new BigDecimal("261818.18")));

        // Aggregates only: no ref, no recipient id, in JSON or CSV.
        String json = given().auth()
                .oauth2(Tokens.viewer(HOF))
                .get("/api/v1/cooperations/hand/pooled/2023")
                .asString();
        String csv = given().auth()
                .oauth2(Tokens.viewer(RE))
                .accept("text/csv")
                .get("/api/v1/cooperations/hand/pooled/2023")
                .then()
                .statusCode(200)
                .body(containsString("hand,2023,2024,0716,1,365,374727.27,511788.62,315781.82,570734.07,\r\n"))
                .body(containsString("hand,2023,2024,TOTAL,,,,1000000.00,,,"))
                .extract()
                .asString();
        for (String body : List.of(json, csv)) {
            assertFalse(body.contains(a) || body.contains(b), body);
            assertFalse(body.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-.*"), "no ids in pooled figures: " + body);
        }

        // A late change: the host records that it gives B 45 h/week from B's start. March is
        // re-attributed: A 31 x 20 = 620, B 16 x 45 = 720 of 1 340: A 143 432.8358..., B 166 567.1641...;
        // whole øre give 309 999.99, the last øre to the larger remainder (A .8358): A 143 432.84.
        given().config(Money.exact())
                .auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"usageHoursPerWeek\":45,\"version\":1}")
                .put("/api/v1/cooperations/hand/services/{s}/placements/{p}/usage", home, placementB)
                .then()
                .statusCode(200)
                .body("usageHoursPerWeek", equalTo(new BigDecimal("45.00")))
                .body("version", equalTo(2));
        assertEquals(new BigDecimal("143432.84"), attributed(RE, a, "2023-03"));
        assertEquals(new BigDecimal("166567.16"), attributed(HOF, b, "2023-03"));
        // Append-only: the first share is still there, reversed, with the reason in the note.
        assertEquals(
                3,
                Database.count(
                        "select count(*) from cost_line c join recipient r on r.id = c.recipient_id"
                                + " where r.ref = ? and c.period = date '2023-03-01' and c.category = 'JOINT_SERVICE'",
                        a));
        assertEquals(
                1,
                Database.count(
                        "select count(*) from cost_line c join recipient r on r.id = c.recipient_id"
                                + " where r.ref = ? and c.amount = -174727.27 and c.note like 'reversal%re-attributed after a change%'",
                        a));
        assertTrue(
                Database.count(
                                "select count(*) from audit_entry where municipality_id = 're'"
                                        + " and action = 'joint-service.attributed' and resource like ?",
                                "%" + home + "%")
                        >= 2,
                "Re's audit trail shows each attribution run that touched its ledger");

        // What the host's actions wrote into Re's ledger is the cooperation's, and says nothing
        // about Hof's placement: no ids, no other placement's weights, no staff id.
        assertEquals(
                0,
                Database.count(
                        // The note names the service (its id may hold any digits): looked at without it.
                        "select count(*) from (select c.created_by, replace(c.note, ?, '') as note"
                                + " from cost_line c join recipient r on r.id = c.recipient_id"
                                + " where r.ref = ? and c.category = 'JOINT_SERVICE') l"
                                + " where l.created_by <> 'cooperation:hand'"
                                + "      or l.note ~ '[0-9a-f]{8}-[0-9a-f]{4}'"
                                + "      or l.note like '%1100%' or l.note like '%1340%' or l.note like '%480%'"
                                + "      or l.note like '%720%'",
                        home, a));
        // Hof decided nothing: every line in its ledger was written by the cooperation.
        assertEquals(
                0,
                Database.count(
                        "select count(*) from cost_line c join recipient r on r.id = c.recipient_id"
                                + " where r.ref = ? and c.category = 'JOINT_SERVICE' and c.created_by <> 'cooperation:hand'",
                        b));

        // A late correction of March's wages by the host: still to the øre, across both homes.
        jointCost("hand", home, "2023-03", "DIRECT_WAGES", "-10000.01", "overtime booked twice");
        BigDecimal march = attributed(RE, a, "2023-03").add(attributed(HOF, b, "2023-03"));
        assertEquals(new BigDecimal("299999.99"), march);
    }

    @Test
    void pooledFiguresWithoutRulesForTheGrantYearSayWhichYears() {
        // Grant year 2007 (costs of 2006) is before the rule book's first year: no silent default.
        for (String what : List.of("pooled", "comparison")) {
            given().auth()
                    .oauth2(Tokens.viewer(RE))
                    .get("/api/v1/cooperations/hand/" + what + "/2006")
                    .then()
                    .spec(problem(404, "not-found"))
                    .contentType("application/problem+json")
                    .body("detail", containsString("no rules for grant year 2007 (costs of 2006)"));
        }
    }

    @Test
    void onlyTheHostRunsServicesAndRecordsTheirCosts() {
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body("{\"name\":\"Re's own\",\"kind\":\"DAY_SERVICE\",\"capacity\":3}")
                .post("/api/v1/cooperations/3k/services")
                .then()
                .spec(problem(403, "forbidden"))
                .body("detail", containsString("only the host municipality 0702"));
        String service = createService("3k", Api.uniqueRef("HOSTED"), 3);
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body("{\"period\":\"2023-01\",\"category\":\"SHARED\",\"amount\":100}")
                .post("/api/v1/cooperations/3k/services/{s}/costs", service)
                .then()
                .spec(problem(403, "forbidden"));
        // Every member reads the service and its costs.
        given().auth()
                .oauth2(Tokens.viewer(HOF))
                .get("/api/v1/cooperations/3k/services/{s}", service)
                .then()
                .statusCode(200)
                .body("host", equalTo(HOST))
                .body("capacity", equalTo(3));
    }

    @Test
    void capacityCanShrinkBelowPastButNotBelowCurrentOccupancy() {
        String service = createService("3k", Api.uniqueRef("SHRINK"), 3);
        String[] refs = {Api.uniqueRef("S"), Api.uniqueRef("S"), Api.uniqueRef("S")};
        for (String ref : refs) {
            Api.recipient(RE, ref, 1990, false);
        }
        // Two at once in 2021 (over), one open since 2022 (still there today).
        for (String ref : List.of(refs[0], refs[1])) {
            placeUntil("3k", service, RE, ref, "2021-01-01", "2021-12-31", "5");
        }
        place("3k", service, RE, refs[2], "2022-01-01", "5");
        String name = Api.uniqueRef("SHRUNK");
        renameAndResize(service, name, 1, 0)
                .then()
                .statusCode(200)
                .body("capacity", equalTo(1))
                .body("version", equalTo(1));
        // Nothing from today on may lose its place: two open placements need two places.
        String busy = createService("3k", Api.uniqueRef("BUSY"), 3);
        place("3k", busy, RE, refs[0], "2022-01-01", "5");
        place("3k", busy, HOF, hofRecipient(), "2022-01-01", "5");
        String busyName = Api.uniqueRef("BUSY");
        renameAndResize(busy, busyName, 1, 0)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:samkost:problem:capacity-exceeded"));
        renameAndResize(busy, busyName, 2, 0).then().statusCode(200);
    }

    /** The host's coordinator changes a 3k shared home's name and capacity. */
    static io.restassured.response.Response renameAndResize(String service, String name, int capacity, int version) {
        return given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"kind\":\"SHARED_HOME\",\"capacity\":" + capacity + ",\"version\":"
                        + version + "}")
                .put("/api/v1/cooperations/3k/services/{s}", service);
    }

    static String hofRecipient() {
        String ref = Api.uniqueRef("HOF");
        Api.recipient(HOF, ref, 1990, false);
        return ref;
    }

    @Test
    void placementsRespectCapacityAndHomes() throws Exception {
        String service = createService("3k", Api.uniqueRef("SMALL"), 1);
        String first = Api.uniqueRef("P");
        String second = Api.uniqueRef("P");
        Api.recipient(RE, first, 1990, false);
        Api.recipient(HOF, second, 1990, false);
        String firstId = place("3k", service, RE, first, "2023-01-01", "10");
        // Full while the first is open: Hof may ask, and its request takes nothing; the host cannot
        // confirm it, and the answer has no counts.
        String late = request("3k", service, HOF, second, "2024-06-01", null);
        confirm("3k", service, late, "5", 0)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:samkost:problem:capacity-exceeded"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(".*\\d+ places.*")));
        // A home places only its own recipients: Hof's ref means nothing in Re.
        postPlacement(
                        RE,
                        service,
                        "{\"recipientRef\":\"" + second + "\",\"startsOn\":\"2022-01-01\",\"endsOn\":\"2022-02-01\"}")
                .then()
                .spec(problem(422, "unknown-reference"))
                .body("errors[0].field", equalTo("recipientRef"));
        // Before the first starts there is room.
        placeUntil("3k", service, HOF, second, "2022-01-01", "2022-12-31", "5");
        // The host sees every placement with its status (the request to decide among them); each
        // home only its own.
        given().auth()
                .oauth2(Tokens.viewer(HOST))
                .get("/api/v1/cooperations/3k/services/{s}/placements", service)
                .then()
                .statusCode(200)
                .body("recipientRef", org.hamcrest.Matchers.containsInAnyOrder(first, second, second))
                .body("municipality", org.hamcrest.Matchers.containsInAnyOrder(RE, HOF, HOF))
                .body("status", org.hamcrest.Matchers.containsInAnyOrder("CONFIRMED", "CONFIRMED", "REQUESTED"));
        // Each home's audit trail shows that the host read its placements.
        for (String home : List.of("re", "hof")) {
            assertTrue(
                    Database.count(
                                    "select count(*) from audit_entry where municipality_id = ?"
                                            + " and action = 'placement.read-by-host' and resource like ?",
                                    home,
                                    "%" + service + "%")
                            > 0,
                    home);
        }
        given().config(Money.exact())
                .auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/cooperations/3k/services/{s}/placements", service)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].recipientRef", equalTo(first))
                .body("[0].id", equalTo(firstId))
                .body("[0].usageHoursPerWeek", equalTo(new BigDecimal("10.00")));
        // Bad input names the field; usage is not the home's to give.
        postPlacement(
                        RE,
                        service,
                        "{\"recipientRef\":\"" + first + "\",\"startsOn\":\"2025-01-01\",\"endsOn\":\"2024-01-01\"}")
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", org.hamcrest.Matchers.contains("endsOn"));
        postPlacement(
                        RE,
                        service,
                        "{\"recipientRef\":\"" + first + "\",\"startsOn\":\"2025-01-01\",\"usageHoursPerWeek\":10}")
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("usageHoursPerWeek"));
    }

    @Test
    void twoConfirmationsRacingForTheLastPlaceGetOneEach() throws Exception {
        for (int round = 0; round < 5; round++) {
            String service = createService("3k", Api.uniqueRef("RACE"), 1);
            String re = Api.uniqueRef("R");
            String hof = Api.uniqueRef("H");
            Api.recipient(RE, re, 1990, false);
            Api.recipient(HOF, hof, 1990, false);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<io.restassured.response.Response>> answers =
                        new java.util.ArrayList<>();
                // Both homes may ask; the host's two confirmations race for the one place.
                for (String[] home : new String[][] {{RE, re}, {HOF, hof}}) {
                    String requested = request("3k", service, home[0], home[1], "2023-01-01", null);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return confirm("3k", service, requested, "10", 0);
                    }));
                }
                start.countDown();
                List<io.restassured.response.Response> responses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<io.restassured.response.Response> answer : answers) {
                    responses.add(answer.get());
                }
                responses.sort(java.util.Comparator.comparingInt(io.restassured.response.Response::statusCode));
                assertEquals(
                        List.of(200, 409),
                        responses.stream()
                                .map(io.restassured.response.Response::statusCode)
                                .toList(),
                        "round " + round);
                // the loser lost the place, not something else that happens to be a 409
                assertProblem(responses.get(1), 409, "capacity-exceeded");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anIdempotencyKeyBelongsToOneServicesPath() {
        String first = createService("3k", Api.uniqueRef("IDEM"), 3);
        String second = createService("3k", Api.uniqueRef("IDEM"), 3);
        String ref = Api.uniqueRef("IDEM");
        Api.recipient(RE, ref, 1990, false);
        String body = "{\"recipientRef\":\"" + ref + "\",\"startsOn\":\"2023-01-01\"}";
        String key = java.util.UUID.randomUUID().toString();
        String placed = given().auth()
                .oauth2(Tokens.coordinator(RE))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/cooperations/3k/services/{s}/placements", first)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The same key and body on another service is another request: refused, not replayed.
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/cooperations/3k/services/{s}/placements", second)
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:samkost:problem:idempotency-key-reused"));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/cooperations/3k/services/{s}/placements", second)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        // A retry on the same service is the same placement.
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/cooperations/3k/services/{s}/placements", first)
                .then()
                .statusCode(201)
                .body("id", equalTo(placed));
    }

    @Test
    void aCorrectionCannotTakeAMonthBelowZeroAndControlCharactersAreRefused() throws Exception {
        String service = createService("3k", Api.uniqueRef("NEG"), 3);
        jointCost("3k", service, "2023-04", "DIRECT_WAGES", "1000.00", null);
        java.util.Map<String, String> before = Database.fingerprint();
        given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"period\":\"2023-04\",\"category\":\"DIRECT_WAGES\",\"amount\":-1000.01,\"note\":\"oops\"}")
                .post("/api/v1/cooperations/3k/services/{s}/costs", service)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("amount"))
                .body("detail", containsString("below zero"));
        given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"period\":\"2023-04\",\"category\":\"SHARED\",\"amount\":10,\"note\":\"a\\u0000b\"}")
                .post("/api/v1/cooperations/3k/services/{s}/costs", service)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("note"));
        given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"name\":\"bad\\u0007name\",\"kind\":\"OTHER\",\"capacity\":1}")
                .post("/api/v1/cooperations/3k/services")
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("name"));
        assertEquals(before, Database.fingerprint(), "refused writes changed nothing");
        // Correcting the month to exactly zero is fine.
        jointCost("3k", service, "2023-04", "DIRECT_WAGES", "-1000.00", "booked on the wrong service");
    }

    @Test
    void theHostCannotReadAPlacedRecipientsOwnCostsOrClaim() {
        String ref = Api.uniqueRef("OWN");
        Api.recipient(RE, ref, 1990, false);
        String service = createService("3k", Api.uniqueRef("PRIVATE"), 2);
        place("3k", service, RE, ref, "2023-01-01", "10");
        for (String path : List.of(
                "/api/v1/municipalities/0716/costs?recipient=" + ref,
                "/api/v1/municipalities/0716/claims/2023",
                "/api/v1/municipalities/0716/recipients/" + ref)) {
            given().auth()
                    .oauth2(Tokens.coordinator(HOST))
                    .get(path)
                    .then()
                    .spec(problem(403, "forbidden"))
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theCallersCooperationsWithTheirAgreements() {
        given().auth()
                .oauth2(Tokens.viewer(HOF))
                .get("/api/v1/cooperations")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of("3k", "demo", "hand")))
                .body("[0].host.municipality", equalTo(HOST))
                .body("[0].members.municipality", equalTo(List.of("0716", "0714", "0702")))
                .body("[0].agreement.sharedCostSplit.default", equalTo("EQUAL 0.2 + PLACEMENT_DAYS 0.8"));
        given().auth()
                .oauth2(Tokens.viewer("0706"))
                .get("/api/v1/cooperations")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of("sor")));
    }
}
