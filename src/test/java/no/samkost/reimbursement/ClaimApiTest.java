package no.samkost.reimbursement;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Claims through the API. Each test uses its own cost year, so the recipients it finds are its own
 * (tests share one database and do not depend on each other's order).
 */
@QuarkusTest
class ClaimApiTest {

    static final String RE = "0716";
    static final String HOF = "0714";

    static JsonPath claim(String code, int costYear) {
        return given().auth()
                .oauth2(Tokens.viewer(code))
                .get("/api/v1/municipalities/{code}/claims/{year}", code, costYear)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    static Map<String, Object> recipient(JsonPath claim, String ref) {
        return claim.getMap("recipients.find { it.ref == '" + ref + "' }");
    }

    @Test
    void domainMdsWorkedExampleThroughTheApi() {
        // Costs of 2023 under IS-4/2024. Born 1990 with an intellectual disability: direct wage costs
        // 3 200 000 (over twelve months plus a purchased service), user payments 40 000.
        String ref = Api.uniqueRef("WX");
        Api.recipient(RE, ref, 1990, true);
        for (int month = 1; month <= 12; month++) {
            Api.cost(RE, ref, "2023-%02d".formatted(month), "DIRECT_WAGES", "250000.00", null);
        }
        Api.cost(RE, ref, "2023-06", "PURCHASED_SERVICES", "200000.00", null);
        Api.cost(RE, ref, "2023-12", "USER_PAYMENT", "40000.00", null);
        Api.cost(RE, ref, "2023-12", "INDIRECT", "99999.00", null); // recorded, never counted
        Api.cost(RE, ref, "2022-12", "DIRECT_WAGES", "777777.00", null); // another cost year
        Api.cost(RE, ref, "2024-01", "DIRECT_WAGES", "777777.00", null); // another cost year

        String json = given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/municipalities/0716/claims/2023")
                .then()
                .statusCode(200)
                .body("municipality", equalTo(RE))
                .body("costYear", equalTo(2023))
                .body("grantYear", equalTo(2024))
                .body("rules.grantYear", equalTo(2024))
                .body("rules.verified", equalTo(true))
                .body("rules.status", equalTo("VERIFIED"))
                // An intellectual disability, born before the cut-off, above the threshold: every value counts.
                .body("rulesReliedOn.threshold", equalTo("VERIFIED"))
                .body("rulesReliedOn.compensationRate", equalTo("VERIFIED"))
                .body("rulesReliedOn.intellectualDisabilityDeduction", equalTo("VERIFIED"))
                .body("rulesReliedOn.intellectualDisabilityBornOnOrBefore", equalTo("VERIFIED"))
                .body("rulesReliedOn.eligibleBornOnOrAfter", equalTo("VERIFIED"))
                .extract()
                .asString();
        String line = json.substring(json.indexOf("{\"ref\":\"" + ref + "\""));
        line = line.substring(0, line.indexOf("\"grant\":") + 30);
        assertTrue(line.contains("\"eligible\":true,\"reason\":null,\"costs\":3200000.00"), line);
        assertTrue(
                line.contains("\"deductions\":{\"earmarkedGrants\":0.00,\"hostMunicipalityGrant\":0.00,"
                        + "\"userPayments\":40000.00,\"intellectualDisability\":832000.00}"),
                line);
        assertTrue(line.contains("\"basis\":720000.00,\"grant\":576000.00"), line);
    }

    @Test
    void everyRecipientWithAnyLineAppearsWithItsReasonAndTheTotalsAdd() {
        int year = 2020; // grant year 2021
        String rich = Api.uniqueRef("T");
        String poor = Api.uniqueRef("T");
        String old = Api.uniqueRef("T");
        String onlyIndirect = Api.uniqueRef("T");
        Api.recipient(HOF, rich, 1990, false);
        Api.recipient(HOF, poor, 1990, false);
        Api.recipient(HOF, old, 1940, false);
        Api.recipient(HOF, onlyIndirect, 1990, false);
        Api.cost(HOF, rich, year + "-05", "DIRECT_WAGES", "2430000.00", null);
        Api.cost(HOF, poor, year + "-05", "DIRECT_WAGES", "900000.00", null);
        Api.cost(HOF, old, year + "-05", "DIRECT_WAGES", "5000000.00", null);
        Api.cost(HOF, onlyIndirect, year + "-05", "INDIRECT", "10.00", null);
        JsonPath claim = claim(HOF, year);
        // (2 430 000 - 1 430 000) x 0.80 = 800 000
        assertEquals(new BigDecimal("800000.00"), recipient(claim, rich).get("grant"));
        assertEquals("BELOW_THRESHOLD", recipient(claim, poor).get("reason"));
        assertEquals("AGE_LIMIT", recipient(claim, old).get("reason"));
        assertEquals(false, recipient(claim, old).get("eligible"));
        assertEquals("BELOW_THRESHOLD", recipient(claim, onlyIndirect).get("reason"));
        assertEquals(new BigDecimal("0.00"), recipient(claim, onlyIndirect).get("costs"));
        // Grant year 2021's age limit is inferred, not verified: the claim says so.
        assertEquals(false, claim.getBoolean("rules.verified"));
        assertTrue(claim.getList("rules.unverifiedParameters").contains("eligibleBornOnOrAfter"));
        // ... and which values the grants relied on, each with its status: the age limit from the pattern.
        assertEquals("PATTERN", claim.getString("rules.status"));
        assertEquals("PATTERN", claim.getString("rulesReliedOn.eligibleBornOnOrAfter"));
        assertEquals("VERIFIED", claim.getString("rulesReliedOn.threshold"));
        assertEquals("VERIFIED", claim.getString("rulesReliedOn.compensationRate"));
        List<BigDecimal> grants = claim.getList("recipients.grant", BigDecimal.class);
        BigDecimal sum = new BigDecimal("0.00");
        for (BigDecimal g : grants) {
            sum = sum.add(g);
        }
        assertEquals(sum, claim.get("totals.grant"));
        assertEquals(grants.size(), claim.getInt("totals.recipients"));
    }

    /**
     * Grant year 2015 has the circular's rate and cut-offs but no deduction from any source, and no
     * earlier year has one to project: threshold 1 010 000 x 1.04 = 1 050 400 -> 1 050 000
     * (projected from 2014). Born 1990 with an intellectual disability is past the cut-off 1996, so
     * the unknown deduction decides: RULES_INCOMPLETE above the threshold, still BELOW_THRESHOLD under
     * it. Born 2000 it does not apply: (2 000 000 - 1 050 000) x 0.80 = 760 000.00.
     */
    @Test
    void aYearWithoutTheDeductionMarksRecipientsItDecidesInsteadOfGuessing() {
        int year = 2014;
        String above = Api.uniqueRef("G");
        String below = Api.uniqueRef("G");
        String young = Api.uniqueRef("G");
        Api.recipient(RE, above, 1990, true);
        Api.recipient(RE, below, 1990, true);
        Api.recipient(RE, young, 2000, true);
        Api.cost(RE, above, year + "-03", "DIRECT_WAGES", "2000000.00", null);
        Api.cost(RE, below, year + "-03", "DIRECT_WAGES", "500000.00", null);
        Api.cost(RE, young, year + "-03", "DIRECT_WAGES", "2000000.00", null);
        JsonPath claim = claim(RE, year);
        assertEquals(new BigDecimal("1050000.00"), claim.get("rules.threshold"));
        assertEquals("RULES_INCOMPLETE", recipient(claim, above).get("reason"));
        assertEquals(null, recipient(claim, above).get("grant"));
        assertEquals(true, recipient(claim, above).get("eligible"));
        assertEquals("BELOW_THRESHOLD", recipient(claim, below).get("reason"));
        assertEquals(new BigDecimal("760000.00"), recipient(claim, young).get("grant"));
        assertTrue(claim.getInt("totals.incompleteRecipients") >= 1);
        assertEquals(List.of("intellectualDisabilityDeduction"), claim.getList("rules.missingParameters"));
    }

    @Test
    void aCostYearWithoutRulesIsA404NamingBothYears() {
        // Before the rule book's first grant year (2008), and past the projection's reach (2041).
        for (int costYear : new int[] {2006, 2040}) {
            given().auth()
                    .oauth2(Tokens.viewer(RE))
                    .get("/api/v1/municipalities/0716/claims/" + costYear)
                    .then()
                    .spec(problem(404, "not-found"))
                    .contentType("application/problem+json")
                    .body("detail", containsString("grant year " + (costYear + 1)))
                    .body("detail", containsString("costs of " + costYear));
        }
    }

    /**
     * The costs of 2025 are claimed in grant year 2026, which has no figures yet: the claim is
     * computed under projected rules and says so. At the default 4.0 %: the threshold from 2025's
     * 1 678 000 x 1.04 = 1 745 120 -> 1 745 000; the deduction from 2024's 832 000 -> 865 280 ->
     * 865 000 -> 899 600 -> 900 000; the rate 2024's 0.80. Two recipients born 1990, direct wages
     * 3 200 000.00 and user payments 40 000.00 each:
     *
     * <pre>
     *   with an intellectual disability: 3 200 000 - (40 000 + 900 000) - 1 745 000 =   515 000 x 0.80 =   412 000.00
     *   without:                         3 200 000 -  40 000             - 1 745 000 = 1 415 000 x 0.80 = 1 132 000.00
     * </pre>
     */
    @Test
    void aClaimUnderProjectedRulesStatesItsAssumptions() {
        int year = 2025;
        String withId = Api.uniqueRef("P");
        String without = Api.uniqueRef("P");
        Api.recipient(HOF, withId, 1990, true);
        Api.recipient(HOF, without, 1990, false);
        for (String ref : List.of(withId, without)) {
            Api.cost(HOF, ref, year + "-03", "DIRECT_WAGES", "1600000.00", null);
            Api.cost(HOF, ref, year + "-09", "DIRECT_WAGES", "1600000.00", null);
            Api.cost(HOF, ref, year + "-12", "USER_PAYMENT", "40000.00", null);
        }
        JsonPath claim = claim(HOF, year);
        assertEquals(2026, claim.getInt("grantYear"));
        assertEquals("PROJECTED", claim.getString("rules.status"));
        assertEquals(2025, claim.getInt("rules.values.threshold.projectedFrom"));
        assertEquals(2024, claim.getInt("rules.values.intellectualDisabilityDeduction.projectedFrom"));
        assertEquals(new BigDecimal("0.040"), claim.get("rules.assumptions.yearlyWageGrowth"));
        assertEquals("default", claim.getString("rules.assumptions.origin"));
        assertEquals(new BigDecimal("1745000.00"), claim.get("rules.threshold"));
        assertEquals("PROJECTED", claim.getString("rulesReliedOn.threshold"));
        assertEquals(new BigDecimal("412000.00"), recipient(claim, withId).get("grant"));
        assertEquals(new BigDecimal("1132000.00"), recipient(claim, without).get("grant"));
    }

    @Test
    void collidingRefsNeverMixMunicipalities() {
        int year = 2015; // grant year 2016
        String shared = Api.uniqueRef("R");
        Api.recipient(RE, shared, 1990, false);
        Api.recipient(HOF, shared, 1990, false);
        Api.cost(RE, shared, year + "-01", "DIRECT_WAGES", "1100000.00", null);
        Api.cost(HOF, shared, year + "-01", "DIRECT_WAGES", "9900000.00", null);
        assertEquals(
                new BigDecimal("1100000.00"), recipient(claim(RE, year), shared).get("costs"));
        assertEquals(
                new BigDecimal("9900000.00"),
                recipient(claim(HOF, year), shared).get("costs"));
        assertEquals(
                1,
                claim(RE, year)
                        .getList("recipients.findAll { it.ref == '" + shared + "' }")
                        .size());
    }

    @Test
    void theClaimAsCsvHasOneRowPerRecipientAndTheJsonFieldNames() {
        int year = 2013; // grant year 2014
        String ref = Api.uniqueRef("CSV");
        Api.recipient(RE, ref, 1990, false);
        Api.cost(RE, ref, year + "-01", "DIRECT_WAGES", "2010000.00", null);
        String csv = given().auth()
                .oauth2(Tokens.viewer(RE))
                .accept("text/csv")
                .get("/api/v1/municipalities/0716/claims/{year}", year)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("claim-0716-costs-2013.csv"))
                .extract()
                .asString();
        String[] rows = csv.split("\r\n");
        assertEquals(ClaimCsv.HEADER, rows[0]);
        assertEquals(claim(RE, year).getList("recipients").size(), rows.length - 1);
        // grant year 2014: (2 010 000 - 1 010 000) = 1 000 000 above the threshold x 0.80 = 800 000.00
        assertTrue(
                List.of(rows)
                        .contains(
                                "0716,2013,2014," + ref + ",true,,2010000.00,0.00,0.00,0.00,0.00,1000000.00,800000.00"),
                csv);
    }

    @Test
    void aProjectGroupMemberCannotReadAClaim() {
        given().auth()
                .oauth2(Tokens.token(RE, "cooperation-member"))
                .get("/api/v1/municipalities/0716/claims/2023")
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/municipalities/0716/claims/2023")
                .then()
                .statusCode(200)
                .body("recipients.ref", not(hasItem(nullValue())));
    }
}
