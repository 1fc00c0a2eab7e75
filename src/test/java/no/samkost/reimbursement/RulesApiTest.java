package no.samkost.reimbursement;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
                .body("missingParameters", hasItems("intellectualDisabilityDeduction", "eligibleBornOnOrAfter"));
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules/2021")
                .then()
                .statusCode(200)
                .body("verified", equalTo(false))
                .body("unverifiedParameters", hasItems("eligibleBornOnOrAfter"));
    }

    @Test
    void aYearWithoutRulesIsA404NamingBothYears() {
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .get("/api/v1/rules/2025")
                .then()
                .spec(problem(404, "not-found"))
                .contentType("application/problem+json")
                .body("detail", containsString("grant year 2025"))
                .body("detail", containsString("costs of 2024"));
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
