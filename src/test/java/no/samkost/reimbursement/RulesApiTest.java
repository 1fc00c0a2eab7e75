package no.samkost.reimbursement;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RulesApiTest {

    @Test
    void grantYear2024IsExactlyAsTheContractSays() {
        // API.md: {"grantYear": 2024, "costYear": 2023, "threshold": 1608000.00, "compensationRate": 0.80, ...}
        String json = given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules/2024")
                .then()
                .statusCode(200)
                .body("grantYear", equalTo(2024))
                .body("costYear", equalTo(2023))
                .body("intellectualDisabilityBornOnOrBefore", equalTo(2005))
                .body("eligibleBornOnOrAfter", equalTo(1956))
                .body("verified", equalTo(true))
                .body("status", equalTo("VERIFIED"))
                .body("values.threshold.status", equalTo("VERIFIED"))
                .body("values.threshold.source", equalTo("IS-4/2024 summary"))
                .body("values.eligibleBornOnOrAfter.status", equalTo("VERIFIED"))
                .body("source", equalTo("IS-4/2024 summary"))
                .body("missingParameters", empty())
                .extract()
                .asString();
        // Exact decimals as written, not floating point renderings.
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"threshold\":1608000.00"), json);
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"compensationRate\":0.80"), json);
        org.junit.jupiter.api.Assertions.assertTrue(
                json.contains("\"intellectualDisabilityDeduction\":832000.00"), json);
    }

    @Test
    void aYearWithMissingParametersSaysWhichAndAnInferredOneIsUnverified() {
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules/2010")
                .then()
                .statusCode(200)
                .body("costYear", equalTo(2009))
                .body("status", equalTo("SECONDARY"))
                .body("values.keySet()", hasItems("threshold", "compensationRate"))
                .body("values.intellectualDisabilityDeduction", nullValue())
                .body("missingParameters", hasItems("intellectualDisabilityDeduction", "eligibleBornOnOrAfter"));
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules/2021")
                .then()
                .statusCode(200)
                .body("verified", equalTo(false))
                .body("status", equalTo("PATTERN"))
                .body("values.threshold.status", equalTo("VERIFIED"))
                .body("values.eligibleBornOnOrAfter.status", equalTo("PATTERN"))
                .body("values.eligibleBornOnOrAfter.source", startsWith("grant year - 68"))
                .body("unverifiedParameters", hasItems("eligibleBornOnOrAfter"));
    }

    @Test
    void aYearWithoutRulesIsA404NamingBothYears() {
        // Before the scheme's first year, in a gap between known years, and past the projection's reach.
        for (int grantYear : new int[] {2003, 2022, 2035}) {
            given().auth()
                    .oauth2(Tokens.viewer("0716"))
                    .get("/api/v1/rules/" + grantYear)
                    .then()
                    .spec(problem(404, "not-found"))
                    .contentType("application/problem+json")
                    .body("detail", containsString("grant year " + grantYear))
                    .body("detail", containsString("costs of " + (grantYear - 1)));
        }
    }

    /** The figures are RuleProjectionTest's, worked by hand there: from IS-4/2024 at 4.0 % a year. */
    @Test
    void aYearAfterTheNewestIsProjectedAndSaysUnderWhatAssumptions() {
        String json = given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules/2026")
                .then()
                .statusCode(200)
                .body("status", equalTo("PROJECTED"))
                .body("verified", equalTo(false))
                .body("values.threshold.status", equalTo("PROJECTED"))
                .body("intellectualDisabilityBornOnOrBefore", equalTo(2007))
                .body("eligibleBornOnOrAfter", equalTo(1958))
                .body("assumptions.fromGrantYear", equalTo(2024))
                .body("assumptions.origin", equalTo("default"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"threshold\":1739000.00"), json);
        org.junit.jupiter.api.Assertions.assertTrue(
                json.contains("\"intellectualDisabilityDeduction\":900000.00"), json);
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"yearlyWageGrowth\":0.040"), json);

        // A request's own assumptions: 5 % and 20 000 a year above it.
        String asked = given().auth()
                .oauth2(Tokens.viewer("0716"))
                .queryParam("yearlyWageGrowth", "0.05")
                .queryParam("yearlyExtraStep", "20000")
                .get("/api/v1/rules/2026")
                .then()
                .statusCode(200)
                .body("assumptions.origin", equalTo("request"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(asked.contains("\"threshold\":1813000.00"), asked);
        // A year with figures ignores them: nothing is projected.
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .queryParam("yearlyWageGrowth", "0.05")
                .get("/api/v1/rules/2024")
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("assumptions", nullValue());
        for (String[] bad : new String[][] {
            {"yearlyWageGrowth", "0.9"},
            {"yearlyWageGrowth", "abc"},
            {"yearlyExtraStep", "-1"},
            {"yearlyExtraStep", "1e9"}
        }) {
            given().auth()
                    .oauth2(Tokens.viewer("0716"))
                    .queryParam(bad[0], bad[1])
                    .get("/api/v1/rules/2026")
                    .then()
                    .spec(problem(400, "validation"));
        }
    }

    @Test
    void everyConfiguredYearIsListed() {
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules")
                .then()
                .statusCode(200)
                .body("grantYear", hasItems(2009, 2010, 2014, 2016, 2020, 2021, 2024));
    }
}
