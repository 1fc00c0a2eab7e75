package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenarios through the API, and a projection of Hof's costs of 2008 (no other test writes them)
 * from 2009 for two years, worked by hand:
 *
 * <pre>
 * today (costs in 2008), housing on 1 January 2009; none with an intellectual disability:
 *   P1 born 1980, form 4               P2 born 1942, form 5          P3 born 1985, no form, costs 800 000
 * register (ACTIVE): N1 born 1991 (OTHER), moves out 2010, form 2
 * scenario "base": wage growth 4 %, no extra step, no exits; form 1 500 000, 2 1 000 000, 3 1 500 000,
 *   4 2 000 000, 5 3 000 000, unknown 1 200 000 (2009 prices)
 * rules: grant year 2010 threshold 865 000, rate 0.80, born 1942 on (the pattern: 2010 - 68);
 *   grant year 2011 has no entry: threshold 865 000 x 1.04 = 899 600, to thousands 900 000; rate 0.80;
 *   born 1943 on
 *
 * 2009: P1 2 000 000, grant (2 000 000 - 865 000) x 0.8 = 908 000
 *       P2 3 000 000, grant (3 000 000 - 865 000) x 0.8 = 1 708 000
 *       P3 own costs 800 000 x 1.04 = 832 000, under the threshold: 0
 *       residents 3.00, gross 5 832 000.00, grant 2 616 000.00, net 3 216 000.00
 * 2010: prices x 1.04; P2 is past the age limit (born 1942, before 1943); N1 moves in
 *       P1 2 080 000, grant (2 080 000 - 900 000) x 0.8 = 944 000
 *       P3 832 000 x 1.04 = 865 280: 0
 *       N1 form 2 1 040 000, grant (1 040 000 - 900 000) x 0.8 = 112 000
 *       residents 3.00, gross 3 985 280.00, grant 1 056 000.00, net 2 929 280.00
 * scenario "cheaper 4": the same with form 4 at 1 800 000
 *   2009: P1 1 800 000, grant 748 000: gross 5 632 000, grant 2 456 000, net 3 176 000
 *         difference: gross -200 000, state -160 000, municipality -40 000
 *   2010: P1 1 872 000, grant (1 872 000 - 900 000) x 0.8 = 777 600: gross 3 777 280, grant 889 600,
 *         net 2 887 680; difference: gross -208 000, state -166 400, municipality -41 600
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioApiTest {

    static final String HOF = "0714";
    static final String PATH = "/api/v1/municipalities/{code}/planning/scenarios";

    String base;
    String cheaper;

    static String body(String name, String formFour, String version) {
        return "{\"name\":\"" + name + "\",\"yearlyWageGrowth\":0.04,\"yearlyExtraStep\":0,\"yearlyExitRate\":0,"
                + "\"annualCosts\":[{\"housingForm\":1,\"annualCost\":500000},{\"housingForm\":2,\"annualCost\":1000000},"
                + "{\"housingForm\":3,\"annualCost\":1500000},{\"housingForm\":4,\"annualCost\":" + formFour + "},"
                + "{\"housingForm\":5,\"annualCost\":3000000},{\"annualCost\":1200000}]"
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    static void housing(String ref, String body) {
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/municipalities/{code}/recipients/{ref}/housing", HOF, ref)
                .then()
                .statusCode(201);
    }

    /** Once for the class; before each, as RestAssured knows the port only then. */
    @BeforeEach
    void hofIn2008() {
        if (base != null) {
            return;
        }
        String p1 = Api.uniqueRef("SCN");
        Api.recipient(HOF, p1, 1980, false);
        Api.cost(HOF, p1, "2008-03", "DIRECT_WAGES", "1.00", null);
        housing(p1, "{\"validFrom\":\"2008-01-01\",\"housingForm\":4}");
        String p2 = Api.uniqueRef("SCN");
        Api.recipient(HOF, p2, 1942, false);
        Api.cost(HOF, p2, "2008-03", "DIRECT_WAGES", "1.00", null);
        housing(p2, "{\"validFrom\":\"2005-01-01\",\"housingForm\":5}");
        String p3 = Api.uniqueRef("SCN");
        Api.recipient(HOF, p3, 1985, false);
        Api.cost(HOF, p3, "2008-03", "DIRECT_WAGES", "800000.00", null);
        String n1 = Api.uniqueRef("SCN");
        Api.need(HOF, n1);
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body("{\"birthYear\":1991,\"userGroup\":\"OTHER\",\"status\":\"ACTIVE\",\"version\":0}")
                .put("/api/v1/municipalities/{code}/needs/{ref}", HOF, n1)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body("{\"heldOn\":\"2008-05-01\",\"expectedMoveOutYear\":2010,\"housingForm\":2}")
                .post("/api/v1/municipalities/{code}/needs/{ref}/conversations", HOF, n1)
                .then()
                .statusCode(201);
        base = create(body(Api.uniqueRef("base"), "2000000", null)).getString("id");
        cheaper = create(body(Api.uniqueRef("cheaper"), "1800000", null)).getString("id");
    }

    static JsonPath create(String body) {
        return given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body(body)
                .post(PATH, HOF)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    static JsonPath projection(String id) {
        return given().auth()
                .oauth2(Tokens.viewer(HOF))
                .queryParam("from", 2009)
                .queryParam("years", 2)
                .get(PATH + "/{id}/projection", HOF, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    @Test
    void theProjectionIsTheHandComputedOne() {
        JsonPath p = projection(base);
        assertEquals(3, p.getInt("recipientsToday"));
        assertEquals(new BigDecimal("3.00"), money(p, "rows[0].residents"));
        assertEquals(new BigDecimal("5832000.00"), money(p, "rows[0].grossCosts"));
        assertEquals(new BigDecimal("2616000.00"), money(p, "rows[0].grant"));
        assertEquals(new BigDecimal("3216000.00"), money(p, "rows[0].netCost"));
        assertEquals(new BigDecimal("1708000.00"), money(p, "rows[0].byColumn['5'].grant"));
        assertEquals(new BigDecimal("832000.00"), money(p, "rows[0].byColumn['unknown'].grossCosts"));
        assertEquals(new BigDecimal("865000.00"), money(p, "rows[0].threshold"));

        assertEquals(2011, p.getInt("rows[1].grantYear"));
        assertEquals("PROJECTED", p.getString("rows[1].rulesStatus"));
        assertEquals(new BigDecimal("900000.00"), money(p, "rows[1].threshold"));
        assertEquals(new BigDecimal("3.00"), money(p, "rows[1].residents"));
        assertEquals(new BigDecimal("0.00"), money(p, "rows[1].byColumn['5'].residents"));
        assertEquals(new BigDecimal("1040000.00"), money(p, "rows[1].byColumn['2'].grossCosts"));
        assertEquals(new BigDecimal("3985280.00"), money(p, "rows[1].grossCosts"));
        assertEquals(new BigDecimal("1056000.00"), money(p, "rows[1].grant"));
        assertEquals(new BigDecimal("2929280.00"), money(p, "rows[1].netCost"));
    }

    @Test
    void theComparisonSplitsTheDifferenceIntoGrossStateAndNet() {
        JsonPath c = given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .queryParam("scenarios", base + "," + cheaper)
                .queryParam("from", 2009)
                .queryParam("years", 2)
                .get("/api/v1/municipalities/{code}/planning/comparison", HOF)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(base, c.getString("base.scenarioId"));
        assertEquals(new BigDecimal("3176000.00"), money(c, "rows[0].alternative.netCost"));
        assertEquals(new BigDecimal("-200000.00"), money(c, "rows[0].difference.grossCosts"));
        assertEquals(new BigDecimal("-160000.00"), money(c, "rows[0].difference.stateShare"));
        assertEquals(new BigDecimal("-40000.00"), money(c, "rows[0].difference.municipalNet"));
        assertEquals(new BigDecimal("-208000.00"), money(c, "rows[1].difference.grossCosts"));
        assertEquals(new BigDecimal("-166400.00"), money(c, "rows[1].difference.stateShare"));
        assertEquals(new BigDecimal("-41600.00"), money(c, "rows[1].difference.municipalNet"));
    }

    @Test
    void aChangeNeedsTheVersionReadAndIsAudited() throws Exception {
        String name = Api.uniqueRef("change");
        JsonPath created = create(body(name, "2000000", null));
        String id = created.getString("id");
        assertEquals(0, created.getInt("version"));
        JsonPath changed = given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body(body(name, "2100000", "0"))
                .put(PATH + "/{id}", HOF, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(1, changed.getInt("version"));
        assertEquals(new BigDecimal("2100000.00"), money(changed, "annualCosts[3].annualCost"));
        Map<String, String> before = Database.fingerprint();
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body(body(name, "2200000", "0"))
                .put(PATH + "/{id}", HOF, id)
                .then()
                .spec(problem(409, "stale-version"));
        assertEquals(before, Database.fingerprint());
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .delete(PATH + "/{id}", HOF, id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.viewer(HOF))
                .get(PATH + "/{id}", HOF, id)
                .then()
                .spec(problem(404, "not-found"));
        assertEquals(
                "1",
                Database.text(
                        "select count(*)::text from audit_entry where municipality_id = 'hof' and action ="
                                + " 'planning.scenario.delete' and resource like ?",
                        id + "%"));
    }

    @Test
    void aScenarioThatLeavesAFormUnpricedOrSharesNotSummingToOneIsRefusedByField() throws Exception {
        Map<String, String> before = Database.fingerprint();
        String noFive =
                body(Api.uniqueRef("bad"), "2000000", null).replace(",{\"housingForm\":5,\"annualCost\":3000000}", "");
        post(noFive).then().spec(problem(400, "validation")).body("errors[0].field", equalTo("annualCosts"));
        String shares = body(Api.uniqueRef("bad"), "2000000", null)
                .replace("}]}", "}],\"newResidentForms\":[{\"housingForm\":1,\"share\":0.5}]}");
        post(shares).then().spec(problem(400, "validation")).body("errors[0].field", equalTo("newResidentForms"));
        String levelWithoutForm = body(Api.uniqueRef("bad"), "2000000", null)
                .replace(
                        "{\"annualCost\":1200000}",
                        "{\"annualCost\":1200000},{\"baseLevel\":\"PLUSS\",\"annualCost\":1}");
        post(levelWithoutForm)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("annualCosts[6].baseLevel"));
        post(body(Api.uniqueRef("bad"), "-1", null)).then().spec(problem(400, "validation"));
        assertEquals(before, Database.fingerprint());
    }

    @Test
    void aViewerReadsButCannotWriteAndATakenNameIsAConflict() {
        given().auth()
                .oauth2(Tokens.viewer(HOF))
                .contentType("application/json")
                .body(body(Api.uniqueRef("viewer"), "2000000", null))
                .post(PATH, HOF)
                .then()
                .spec(problem(403, "forbidden"));
        String name = given().auth()
                .oauth2(Tokens.viewer(HOF))
                .get(PATH + "/{id}", HOF, base)
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        post(body(name, "2000000", null)).then().spec(problem(409, "conflict"));
    }

    @Test
    void theComparisonNamesABadScenariosParameter() {
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .queryParam("scenarios", base)
                .get("/api/v1/municipalities/{code}/planning/comparison", HOF)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("scenarios"));
        given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .queryParam("years", 16)
                .get(PATH + "/{id}/projection", HOF, base)
                .then()
                .spec(problem(400, "validation"));
    }

    @Test
    void aYearBeyondTheRulesHasNoGrant() {
        JsonPath p = given().auth()
                .oauth2(Tokens.viewer(HOF))
                .queryParam("from", 2100)
                .queryParam("years", 1)
                .get(PATH + "/{id}/projection", HOF, base)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertNull(p.get("rows[0].grant"));
        assertNull(p.get("rows[0].netCost"));
        assertNull(p.get("rows[0].rulesStatus"));
    }

    static BigDecimal money(JsonPath p, String path) {
        return p.get(path);
    }

    static io.restassured.response.Response post(String body) {
        return given().auth()
                .oauth2(Tokens.coordinator(HOF))
                .contentType("application/json")
                .body(body)
                .post(PATH, HOF);
    }
}
