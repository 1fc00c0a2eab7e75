package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import no.samkost.support.Api;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Holmestrand's costs of 2013 (no other test writes them), grant year 2014: threshold 1 010 000
 * and 80 % (the state budget). Recipients without an intellectual disability:
 *
 * <pre>
 *   SOMATIC 1 200 000 -> grant (190 000 x 0.80)   152 000
 *   SOMATIC 1 500 000 -> grant (490 000 x 0.80)   392 000
 *   SOMATIC 3 000 000 -> grant (1 990 000 x 0.80) 1 592 000
 *   OTHER     500 000 -> grant 0
 *   costs 6 200 000.00, grant 2 136 000.00, net 4 064 000.00
 * one SOMATIC more or fewer, at the group's median 1 500 000: grant 392 000, net 1 108 000
 *   k = -2: costs 3 200 000, grant 1 352 000, net 1 848 000 ... k = 3: costs 10 700 000, grant 3 312 000,
 *   net 7 388 000
 * at a given 1 000 000 (below the threshold): no grant; each costs the municipality all of it
 * </pre>
 */
@QuarkusTest
class SensitivityApiTest {

    static final String HOLMESTRAND = "0702";

    static void recipient(String group, String costs) {
        String ref = Api.uniqueRef("SEN");
        given().auth()
                .oauth2(Tokens.coordinator(HOLMESTRAND))
                .contentType("application/json")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":1980,\"intellectualDisability\":false,\"userGroup\":\""
                        + group + "\"}")
                .post("/api/v1/municipalities/{code}/recipients", HOLMESTRAND)
                .then()
                .statusCode(201);
        Api.cost(HOLMESTRAND, ref, "2013-04", "DIRECT_WAGES", costs, null);
    }

    static JsonPath sensitivity(String query) {
        return given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .get("/api/v1/municipalities/{code}/planning/sensitivity/2013?" + query, HOLMESTRAND)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    @Test
    void theStepsAsWorkedOutAbove() {
        recipient("SOMATIC", "1200000.00");
        recipient("SOMATIC", "1500000.00");
        recipient("SOMATIC", "3000000.00");
        recipient("OTHER", "500000.00");

        JsonPath s = sensitivity("userGroup=SOMATIC&from=-2&to=3");
        assertEquals(3, s.getInt("groupRecipients"));
        assertEquals("MEDIAN", s.getString("annualCostBasis"));
        assertEquals(new BigDecimal("1500000.00"), s.get("annualCost"));
        assertEquals(new BigDecimal("392000.00"), s.get("annualGrant"));
        assertEquals(new BigDecimal("1108000.00"), s.get("marginalNetCost"));
        assertEquals(6, s.getList("steps").size());
        assertEquals(-2, s.getInt("steps[0].change"));
        assertEquals(2, s.getInt("steps[0].recipients"));
        assertEquals(new BigDecimal("3200000.00"), s.get("steps[0].costs"));
        assertEquals(new BigDecimal("1352000.00"), s.get("steps[0].grant"));
        assertEquals(new BigDecimal("1848000.00"), s.get("steps[0].netCost"));
        assertEquals(new BigDecimal("6200000.00"), s.get("steps[2].costs"));
        assertEquals(new BigDecimal("4064000.00"), s.get("steps[2].netCost"));
        assertEquals(new BigDecimal("10700000.00"), s.get("steps[5].costs"));
        assertEquals(new BigDecimal("3312000.00"), s.get("steps[5].grant"));
        assertEquals(new BigDecimal("7388000.00"), s.get("steps[5].netCost"));

        JsonPath given = sensitivity("userGroup=SOMATIC&from=0&to=1&annualCost=1000000");
        assertEquals("GIVEN", given.getString("annualCostBasis"));
        assertEquals(new BigDecimal("0.00"), given.get("annualGrant"));
        assertEquals(new BigDecimal("1000000.00"), given.get("marginalNetCost"));
        assertEquals(new BigDecimal("5064000.00"), given.get("steps[1].netCost"));

        // Fewer than the group has, and a group without recipients and no cost given.
        given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .get("/api/v1/municipalities/{code}/planning/sensitivity/2013?userGroup=SOMATIC&from=-4", HOLMESTRAND)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .get(
                        "/api/v1/municipalities/{code}/planning/sensitivity/2013?userGroup=MENTAL_HEALTH_SUBSTANCE&from=0",
                        HOLMESTRAND)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("annualCost"));

        // Without a from, the steps start where the group runs out: OTHER has one recipient, so -1
        // (not the default -2, which the caller did not send); a from below that names the count.
        JsonPath other = sensitivity("userGroup=OTHER");
        assertEquals(-1, other.getInt("steps[0].change"));
        assertEquals(3, other.getInt("steps[0].recipients"));
        given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .get("/api/v1/municipalities/{code}/planning/sensitivity/2013?userGroup=OTHER&from=-2", HOLMESTRAND)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("at least -1: the group has 1 recipients"));
        // An empty group and a cost given: from 0, and "at least 0" (not "-0") below it.
        assertEquals(
                0,
                sensitivity("userGroup=MENTAL_HEALTH_SUBSTANCE&annualCost=1000000")
                        .getInt("steps[0].change"));
        given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .get(
                        "/api/v1/municipalities/{code}/planning/sensitivity/2013?userGroup=MENTAL_HEALTH_SUBSTANCE"
                                + "&annualCost=1000000&from=-1",
                        HOLMESTRAND)
                .then()
                .spec(problem(400, "validation"))
                .body("errors[0].message", equalTo("at least 0: the group has 0 recipients"));
    }
}
