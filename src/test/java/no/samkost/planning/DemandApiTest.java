package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The demand on Holmestrand's costs of 2011 (no other test writes them), from 2012 for four years
 * at a yearly exit rate of 10 %, worked by hand:
 *
 * <pre>
 * today (costs in 2011), housing on 1 January 2012:
 *   A born 1990, form 4 (from 2010)          B born 1946, form 5 (from 2000)       C born 1995, no form
 * register (ACTIVE):
 *   N1 born 1997, moves out 2013, form 2     N2 born 1998, moved out 2011 (counts from 2012), form 3
 *   N3 born 1999, move-out not known: not counted
 * register (DECLINED): N4 born 1999, 2013, form 1: not counted
 * age limit by the rules of grant year y + 1: 2013 1945, 2014 1946, 2015 1947 (IS-4/2015), 2016 1948
 *   so B counts in 2012 and 2013 and leaves in 2014
 * each counts 0.9^k in its k-th year:
 *        form 1  form 2  form 3  form 4  form 5  unknown  total
 *   2012   0      0       1       1       1       1        4.00
 *   2013   0      1       0.90    0.90    0.90    0.90     4.60
 *   2014   0      0.90    0.81    0.81    0       0.81     3.33
 *   2015   0      0.81    0.73    0.73    0       0.73     3.00   (0.729 rounds to 0.73)
 * </pre>
 */
@QuarkusTest
class DemandApiTest {

    static final String HOLMESTRAND = "0702";

    static String need(int birthYear, String conversation) {
        String ref = Api.uniqueRef("DEM");
        Api.need(HOLMESTRAND, ref);
        String token = Tokens.coordinator(HOLMESTRAND);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"birthYear\":" + birthYear + ",\"userGroup\":\"OTHER\",\"status\":\"ACTIVE\",\"version\":0}")
                .put("/api/v1/municipalities/{code}/needs/{ref}", HOLMESTRAND, ref)
                .then()
                .statusCode(200);
        if (conversation != null) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(conversation)
                    .post("/api/v1/municipalities/{code}/needs/{ref}/conversations", HOLMESTRAND, ref)
                    .then()
                    .statusCode(201);
        }
        return ref;
    }

    static void resident(int birthYear, String housing) {
        String ref = Api.uniqueRef("DEM");
        Api.recipient(HOLMESTRAND, ref, birthYear, false);
        Api.cost(HOLMESTRAND, ref, "2011-06", "DIRECT_WAGES", "100000.00", null);
        if (housing != null) {
            given().auth()
                    .oauth2(Tokens.coordinator(HOLMESTRAND))
                    .contentType("application/json")
                    .body(housing)
                    .post("/api/v1/municipalities/{code}/recipients/{ref}/housing", HOLMESTRAND, ref)
                    .then()
                    .statusCode(201);
        }
    }

    @Test
    void theDemandAsWorkedOutAbove() {
        resident(1990, "{\"validFrom\":\"2010-01-01\",\"housingForm\":4}");
        resident(1946, "{\"validFrom\":\"2000-01-01\",\"housingForm\":5}");
        resident(1995, null);
        need(1997, "{\"heldOn\":\"2011-03-01\",\"expectedMoveOutYear\":2013,\"housingForm\":2}");
        need(1998, "{\"heldOn\":\"2010-03-01\",\"expectedMoveOutYear\":2011,\"housingForm\":3}");
        need(1999, "{\"heldOn\":\"2011-03-01\",\"housingForm\":2}");
        String declined = need(1999, "{\"heldOn\":\"2011-03-01\",\"expectedMoveOutYear\":2013,\"housingForm\":1}");
        given().auth()
                .oauth2(Tokens.coordinator(HOLMESTRAND))
                .contentType("application/json")
                .body("{\"birthYear\":1999,\"userGroup\":\"OTHER\",\"status\":\"DECLINED\",\"version\":2}")
                .put("/api/v1/municipalities/{code}/needs/{ref}", HOLMESTRAND, declined)
                .then()
                .statusCode(200);

        JsonPath demand = given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .queryParam("from", 2012)
                .queryParam("years", 4)
                .queryParam("yearlyExitRate", "0.10")
                .get("/api/v1/municipalities/{code}/planning/demand", HOLMESTRAND)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(3, demand.getInt("recipientsToday"));
        String[][] expected = {
            {"0.00", "0.00", "1.00", "1.00", "1.00", "1.00", "4.00"},
            {"0.00", "1.00", "0.90", "0.90", "0.90", "0.90", "4.60"},
            {"0.00", "0.90", "0.81", "0.81", "0.00", "0.81", "3.33"},
            {"0.00", "0.81", "0.73", "0.73", "0.00", "0.73", "3.00"}
        };
        String[] columns = {"1", "2", "3", "4", "5", "unknown"};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(2012 + i, demand.getInt("rows[" + i + "].year"));
            Map<String, Object> row = demand.getMap("rows[" + i + "].byHousingForm");
            for (int c = 0; c < columns.length; c++) {
                assertEquals(new BigDecimal(expected[i][c]), row.get(columns[c]), (2012 + i) + " form " + columns[c]);
            }
            assertEquals(new BigDecimal(expected[i][6]), demand.get("rows[" + i + "].total"), "" + (2012 + i));
        }
    }

    @Test
    void parametersOutOfRangeAreNamed() {
        for (String[] bad : new String[][] {
            {"years", "16"}, {"years", "0"}, {"from", "1999"}, {"yearlyExitRate", "1.5"}, {"yearlyExitRate", "1e-3"}
        }) {
            given().auth()
                    .oauth2(Tokens.viewer(HOLMESTRAND))
                    .queryParam(bad[0], bad[1])
                    .get("/api/v1/municipalities/{code}/planning/demand", HOLMESTRAND)
                    .then()
                    .spec(problem(400, "validation"))
                    .body("errors[0].field", equalTo(bad[0]));
        }
    }
}
