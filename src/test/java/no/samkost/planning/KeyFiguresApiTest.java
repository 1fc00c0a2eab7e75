package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Key figures of Holmestrand's costs of 2012 (no other test writes them), under grant year 2013:
 * no source gives it, so the threshold is 2010's 865 000 grown at 4 % a year to 973 000 and the
 * rate 2010's 0.80 (RuleBookTest). Three recipients without an intellectual disability:
 *
 * <pre>
 *   K1 born 1980, SOMATIC, form 4 from March 2012:      costs 1 473 000  grant (500 000 x 0.80)   400 000  net 1 073 000
 *   K2 born 1985, OTHER, form 2, form 3 from 2013:      costs   900 000  grant (below)                  0  net   900 000
 *   K3 born 1990, INTELLECTUAL_DISABILITY, no form:     costs 2 973 000  grant (2 000 000 x 0.80) 1 600 000  net 1 373 000
 *   costs 5 346 000.00, grant 2 000 000.00, net 3 346 000.00
 *   mean 3 346 000 / 3 = 1 115 333.33; median 1 073 000.00; the grant's share 2 000 000 / 5 346 000 = 0.3741
 *   no population for 2012 in the tenant file: per inhabitant unknown
 * </pre>
 */
@QuarkusTest
class KeyFiguresApiTest {

    static final String HOLMESTRAND = "0702";

    static String recipient(int birthYear, String group, String costs, String... housing) {
        String ref = Api.uniqueRef("KF");
        String token = Tokens.coordinator(HOLMESTRAND);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":" + birthYear + ",\"intellectualDisability\":false,"
                        + "\"userGroup\":\"" + group + "\"}")
                .post("/api/v1/municipalities/{code}/recipients", HOLMESTRAND)
                .then()
                .statusCode(201);
        Api.cost(HOLMESTRAND, ref, "2012-05", "DIRECT_WAGES", costs, null);
        for (String h : housing) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(h)
                    .post("/api/v1/municipalities/{code}/recipients/{ref}/housing", HOLMESTRAND, ref)
                    .then()
                    .statusCode(201);
        }
        return ref;
    }

    @Test
    void theKeyFiguresAsWorkedOutAbove() {
        recipient(1980, "SOMATIC", "1473000.00", "{\"validFrom\":\"2012-03-01\",\"housingForm\":4}");
        recipient(
                1985,
                "OTHER",
                "900000.00",
                "{\"validFrom\":\"2011-01-01\",\"housingForm\":2}",
                "{\"validFrom\":\"2013-01-01\",\"housingForm\":3}");
        recipient(1990, "INTELLECTUAL_DISABILITY", "2973000.00");

        JsonPath figures = given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .queryParam("from", 2012)
                .queryParam("to", 2012)
                .get("/api/v1/municipalities/{code}/key-figures", HOLMESTRAND)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(3, figures.getInt("years[0].recipients"));
        assertEquals("PROJECTED", figures.getString("years[0].rulesStatus"));
        assertEquals(
                Map.of("INTELLECTUAL_DISABILITY", 1, "MENTAL_HEALTH_SUBSTANCE", 0, "SOMATIC", 1, "OTHER", 1),
                figures.getMap("years[0].byUserGroup"));
        assertEquals(
                Map.of("1", 0, "2", 1, "3", 0, "4", 1, "5", 0, "unknown", 1), figures.getMap("years[0].byHousingForm"));
        assertEquals(new BigDecimal("5346000.00"), figures.get("years[0].costs"));
        assertEquals(new BigDecimal("2000000.00"), figures.get("years[0].grant"));
        assertEquals(new BigDecimal("3346000.00"), figures.get("years[0].netCost"));
        assertEquals(new BigDecimal("1115333.33"), figures.get("years[0].netCostPerRecipientMean"));
        assertEquals(new BigDecimal("1073000.00"), figures.get("years[0].netCostPerRecipientMedian"));
        assertEquals(new BigDecimal("0.3741"), figures.get("years[0].grantShareOfCosts"));
        assertEquals(null, (Object) figures.get("years[0].netCostPerInhabitant"));

        String csv = given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .accept("text/csv")
                .queryParam("from", 2012)
                .queryParam("to", 2012)
                .get("/api/v1/municipalities/{code}/key-figures", HOLMESTRAND)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] rows = csv.split("\r\n");
        assertEquals(KeyFiguresCsv.HEADER, rows[0]);
        assertTrue(
                rows[1].startsWith("0702,2012,2013,PROJECTED,3,1,0,1,1,0,1,0,1,0,1,5346000.00,0,2000000.00,3346000.00,"
                        + "1115333.33,1073000.00,,,0.3741"),
                rows[1]);
    }

    /** Years before the rule book's first grant year have no grant, and say so; the rest still answer. */
    @Test
    void yearsWithoutRulesHaveNoGrantAndNoStatus() {
        JsonPath figures = given().auth()
                .oauth2(Tokens.viewer(HOLMESTRAND))
                .queryParam("from", 2005)
                .queryParam("to", 2008)
                .get("/api/v1/municipalities/{code}/key-figures", HOLMESTRAND)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(4, figures.getList("years").size());
        assertEquals(null, (Object) figures.get("years[0].rulesStatus"), "grant year 2006");
        assertEquals(null, (Object) figures.get("years[1].rulesStatus"), "grant year 2007");
        assertEquals("PATTERN", figures.getString("years[2].rulesStatus"), "grant year 2008");
    }

    @Test
    void yearsOutOfRangeAreNamed() {
        for (String[] bad : new String[][] {{"to", "1999", "to"}, {"from", "2030", "from"}, {"from", "2000", "from"}}) {
            given().auth()
                    .oauth2(Tokens.viewer(HOLMESTRAND))
                    .queryParam(bad[0], bad[1])
                    .queryParam("to", bad[0].equals("to") ? bad[1] : "2020")
                    .get("/api/v1/municipalities/{code}/key-figures", HOLMESTRAND)
                    .then()
                    .spec(problem(400, "validation"))
                    .body("errors[0].field", equalTo(bad[2]));
        }
    }
}
