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
                .body("status", equalTo("PATTERN"))
                .body("values.threshold.status", equalTo("SECONDARY"))
                .body("values.eligibleBornOnOrAfter.status", equalTo("PATTERN"))
                .body("eligibleBornOnOrAfter", equalTo(1942))
                .body("values.intellectualDisabilityDeduction", nullValue())
                .body("missingParameters", hasItems("intellectualDisabilityDeduction"));
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
        // Before the scheme's first year, before the rule book's (a share per inhabitant, no flat
        // rate), and past the projection's reach.
        for (int grantYear : new int[] {2003, 2007, 2036}) {
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

    /**
     * Grant year 2026 at the default 4.0 %: the threshold from 2025's 1 678 000 x 1.04 = 1 745 120
     * -> 1 745 000; the deduction from 2024's 832 000 -> 865 280 -> 865 000 -> 899 600 -> 900 000.
     * At 5 % and 20 000 above it: 1 678 000 x 1.05 = 1 761 900 + 20 000 = 1 781 900 -> 1 782 000.
     * And 2022, a year no source gives: 2021's 1 430 000 x 1.04 = 1 487 200 -> 1 487 000.
     */
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
                .body("values.threshold.projectedFrom", equalTo(2025))
                .body("values.intellectualDisabilityDeduction.projectedFrom", equalTo(2024))
                .body("values.eligibleBornOnOrAfter.status", equalTo("PATTERN"))
                .body("assumptions.origin", equalTo("default"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"threshold\":1745000.00"), json);
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
        org.junit.jupiter.api.Assertions.assertTrue(asked.contains("\"threshold\":1782000.00"), asked);
        String gap = given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules/2022")
                .then()
                .statusCode(200)
                .body("status", equalTo("PROJECTED"))
                .body("values.threshold.projectedFrom", equalTo(2021))
                .body("values.compensationRate.projectedFrom", equalTo(2021))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(gap.contains("\"threshold\":1487000.00"), gap);
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
