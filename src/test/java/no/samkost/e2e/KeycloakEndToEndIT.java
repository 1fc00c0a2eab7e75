package no.samkost.e2e;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end, as a newcomer would run it: a real Keycloak from the Maven Central zip with the demo
 * realms, and the packaged service started the way {@code deploy/local/run.sh} starts it (its own
 * embedded PostgreSQL, the repository's tenants/ files), shared with the browser tests ({@link
 * DemoStack}). Users log in with the password grant.
 */
@ExtendWith(DemoStack.Extension.class)
class KeycloakEndToEndIT {

    static String keycloakUrl;

    @BeforeAll
    static void useTheSharedDemo(DemoStack demo) {
        keycloakUrl = demo.keycloakUrl();
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = demo.servicePort();
    }

    @AfterAll
    static void resetRestAssured() {
        RestAssured.reset();
    }

    @Test
    void aCoordinatorLogsInCreatesAndReadsARecipientThatAnotherMunicipalityCannotSee() {
        String re = KeycloakTokens.password(keycloakUrl, "0716", "coordinator-0716");
        String hof = KeycloakTokens.password(keycloakUrl, "0714", "coordinator-0714");
        String ref = "E2E-" + UUID.randomUUID().toString().substring(0, 8);

        given().auth()
                .oauth2(re)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("municipality", equalTo("0716"))
                .body("name", equalTo("coordinator-0716"))
                .body("roles", hasItem("coordinator"))
                .body("cooperations", hasItem("3k"));

        given().auth()
                .oauth2(re)
                .contentType("application/json")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":1990,\"intellectualDisability\":true,"
                        + "\"userGroup\":\"INTELLECTUAL_DISABILITY\"}")
                .post("/api/v1/municipalities/0716/recipients")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(re)
                .get("/api/v1/municipalities/0716/recipients/{ref}", ref)
                .then()
                .statusCode(200)
                .body("ref", equalTo(ref));

        given().auth()
                .oauth2(hof)
                .get("/api/v1/municipalities/0716/recipients/{ref}", ref)
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(hof)
                .get("/api/v1/municipalities/0714/recipients/{ref}", ref)
                .then()
                .spec(problem(404, "not-found"));
        given().auth()
                .oauth2(hof)
                .get("/api/v1/municipalities/0714/recipients")
                .then()
                .statusCode(200)
                .body("items.ref", not(hasItem(ref)));
    }

    @Test
    void theDemoDataShowsPooledFiguresToTheProjectGroupAndNoOneElse() {
        // Loaded on the first start of the embedded run, like deploy/local/run.sh's.
        String group = KeycloakTokens.password(keycloakUrl, "0716", "group-0716");
        String pooled = given().auth()
                .oauth2(group)
                .get("/api/v1/cooperations/3k/pooled/2023")
                .then()
                .statusCode(200)
                .body("grantYear", equalTo(2024))
                .body("members.municipality", equalTo(List.of("0702", "0714", "0716")))
                .body("totals.placedRecipients", equalTo(5))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertFalse(pooled.contains("DEMO-"), "no refs in pooled figures: " + pooled);
        given().auth()
                .oauth2(group)
                .get("/api/v1/cooperations/3k/comparison/2023")
                .then()
                .statusCode(200)
                .body("members", org.hamcrest.Matchers.hasSize(3));
        // Sandefjord is in no cooperation; the project group member reads no recipient-level data.
        given().auth()
                .oauth2(KeycloakTokens.password(keycloakUrl, "0706", "group-0706"))
                .get("/api/v1/cooperations/3k/pooled/2023")
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(group)
                .get("/api/v1/municipalities/0716/claims/2023")
                .then()
                .spec(problem(403, "forbidden"));
    }

    /**
     * The claim of the demo's 2024 costs for Re, under grant year 2025 (DemoData.YEARS): threshold
     * 1 678 000 (a municipal budget, SECONDARY), rate 0.80 and deduction 832 000 x 1.04 = 865 280
     * -> 865 000 projected from 2024, cut-offs by the pattern (deduction for those born in or
     * before 2006, eligible from 1957). Own wages are 2023's x 1.04; the shared home's 665 000.00 a
     * month goes to its four placements by hours (25 + 15 + 20 + 35 = 95): 7 000 an hour.
     *
     * <pre>
     * DEMO-RE-1 born 1988, ID: 12 x (98 800 + 175 000) = 3 285 600; user payments 12 x 3 500 = 42 000
     *   3 285 600 - (42 000 + 865 000) - 1 678 000 = 700 600 x 0.80 =   560 480.00
     * DEMO-RE-2 born 1995: 12 x (62 400 + 105 000) = 2 008 800
     *   2 008 800 - 1 678 000 = 330 800 x 0.80 =                          264 640.00
     * DEMO-RE-3 born 1975: 12 x 254 800 = 3 057 600; user payments 12 x 3 000 = 36 000
     *   3 057 600 - 36 000 - 1 678 000 = 1 343 600 x 0.80 =              1 074 880.00
     * costs 8 352 000.00; grant                                         1 900 000.00
     * </pre>
     *
     * It rests on projected values (the rate and the deduction), so it cannot be signed yet.
     */
    @Test
    void theDemoClaimOfTheCostsOf2024UnderGrantYear2025() {
        String coordinator = KeycloakTokens.password(keycloakUrl, "0716", "coordinator-0716");
        io.restassured.path.json.JsonPath claim = given().auth()
                .oauth2(coordinator)
                .get("/api/v1/municipalities/0716/claims/2024")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(no.samkost.support.Money.exactPaths());
        org.junit.jupiter.api.Assertions.assertEquals(2025, claim.getInt("grantYear"));
        org.junit.jupiter.api.Assertions.assertEquals("PROJECTED", claim.getString("rules.status"));
        org.junit.jupiter.api.Assertions.assertEquals("SECONDARY", claim.getString("rulesReliedOn.threshold"));
        org.junit.jupiter.api.Assertions.assertEquals("PROJECTED", claim.getString("rulesReliedOn.compensationRate"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "PROJECTED", claim.getString("rulesReliedOn.intellectualDisabilityDeduction"));
        String[][] expected = {
            {"DEMO-RE-1", "3285600.00", "560480.00"},
            {"DEMO-RE-2", "2008800.00", "264640.00"},
            {"DEMO-RE-3", "3057600.00", "1074880.00"}
        };
        for (String[] line : expected) {
            String at = "recipients.find { it.ref == '" + line[0] + "' }";
            org.junit.jupiter.api.Assertions.assertEquals(
                    new java.math.BigDecimal(line[1]), claim.get(at + ".costs"), line[0]);
            org.junit.jupiter.api.Assertions.assertEquals(
                    new java.math.BigDecimal(line[2]), claim.get(at + ".grant"), line[0]);
        }
        org.junit.jupiter.api.Assertions.assertEquals(
                3, claim.getList("recipients").size());
        org.junit.jupiter.api.Assertions.assertEquals(
                new java.math.BigDecimal("8352000.00"), claim.get("totals.costs"));
        org.junit.jupiter.api.Assertions.assertEquals(
                new java.math.BigDecimal("1900000.00"), claim.get("totals.grant"));
        given().auth()
                .oauth2(coordinator)
                .post("/api/v1/municipalities/0716/claims/2024/submission")
                .then()
                .spec(problem(409, "rules-projected"));
    }

    /**
     * The demo's two scenarios answer from the first start: "Nye måter å jobbe på" (cheaper forms 3
     * and 4, new residents mostly in forms 1-3, savings from next year) costs Re less each year than
     * "Fortsette som nå", and the state carries part of the difference.
     */
    @Test
    void theDemoScenariosCompareFromTheFirstStart() {
        String viewer = KeycloakTokens.password(keycloakUrl, "0716", "viewer-0716");
        io.restassured.path.json.JsonPath list = given().auth()
                .oauth2(viewer)
                .get("/api/v1/municipalities/0716/planning/scenarios")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String asNow = list.getString("find { it.name == 'Fortsette som nå' }.id");
        String newWays = list.getString("find { it.name == 'Nye måter å jobbe på' }.id");
        io.restassured.path.json.JsonPath comparison = given().auth()
                .oauth2(viewer)
                .queryParam("scenarios", asNow + "," + newWays)
                .get("/api/v1/municipalities/0716/planning/comparison")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(no.samkost.support.Money.exactPaths());
        org.junit.jupiter.api.Assertions.assertEquals(
                10, comparison.getList("rows").size());
        for (int i = 0; i < 10; i++) {
            java.math.BigDecimal gross = comparison.get("rows[" + i + "].difference.grossCosts");
            java.math.BigDecimal state = comparison.get("rows[" + i + "].difference.stateShare");
            java.math.BigDecimal net = comparison.get("rows[" + i + "].difference.municipalNet");
            org.junit.jupiter.api.Assertions.assertTrue(gross.signum() < 0, "year " + i + ": " + gross);
            org.junit.jupiter.api.Assertions.assertEquals(gross, state.add(net), "year " + i);
            org.junit.jupiter.api.Assertions.assertTrue(net.signum() < 0, "year " + i + ": " + net);
        }
    }

    @Test
    void aViewerCannotWriteAndAProjectGroupMemberCannotReadRecipients() {
        String viewer = KeycloakTokens.password(keycloakUrl, "0716", "viewer-0716");
        String group = KeycloakTokens.password(keycloakUrl, "0716", "group-0716");
        given().auth()
                .oauth2(viewer)
                .contentType("application/json")
                .body(
                        "{\"ref\":\"E2E-VIEWER\",\"birthYear\":1990,\"intellectualDisability\":false,\"userGroup\":\"OTHER\"}")
                .post("/api/v1/municipalities/0716/recipients")
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(viewer)
                .get("/api/v1/municipalities/0716/recipients")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(group)
                .get("/api/v1/municipalities/0716/recipients")
                .then()
                .spec(problem(403, "forbidden"));
    }

    @Test
    void aReTokenRewrittenToClaimHofsRealmIsRefused() {
        String[] parts =
                KeycloakTokens.password(keycloakUrl, "0716", "coordinator-0716").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("/realms/kommune-0716", "/realms/kommune-0714");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        given().auth()
                .oauth2(forged)
                .get("/api/v1/municipalities/0714/recipients")
                .then()
                .spec(problem(401, "unauthenticated"));
        given().auth().oauth2("not-a-token").get("/api/v1/me").then().spec(problem(401, "unauthenticated"));
    }

    /**
     * The sign-off with real tokens: Re's coordinator signs the demo claim for 2023, Re's auditor
     * reads the snapshot and attests it; Hof's auditor reads nothing of Re's. At the end Re's auditor
     * returns it, so the year is open again for anything else in this run.
     */
    @Test
    void theCoordinatorSignsAndTheAuditorAttestsTheDemoClaim() {
        String coordinator = KeycloakTokens.password(keycloakUrl, "0716", "coordinator-0716");
        String auditor = KeycloakTokens.password(keycloakUrl, "0716", "auditor-0716");
        String hofsAuditor = KeycloakTokens.password(keycloakUrl, "0714", "auditor-0714");
        given().auth()
                .oauth2(auditor)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", hasItem("auditor"))
                .body("roles", not(hasItem("coordinator")));
        String sha = given().auth()
                .oauth2(coordinator)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/municipalities/0716/claims/2023/submission")
                .then()
                .statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .extract()
                .path("snapshotSha256");
        try {
            given().auth()
                    .oauth2(hofsAuditor)
                    .get("/api/v1/municipalities/0716/claims/2023")
                    .then()
                    .spec(problem(403, "forbidden"));
            given().auth()
                    .oauth2(hofsAuditor)
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/v1/municipalities/0716/claims/2023/submission/attestation")
                    .then()
                    .spec(problem(403, "forbidden"));
            given().auth()
                    .oauth2(auditor)
                    .get("/api/v1/municipalities/0716/claims/2023")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("SUBMITTED"))
                    .body("figures", equalTo("SNAPSHOT"))
                    .body("submission.snapshotSha256", equalTo(sha))
                    .body("recipients.ref", hasItem("DEMO-RE-1"));
            String submittedBy = given().auth()
                    .oauth2(auditor)
                    .contentType("application/json")
                    .body("{\"remark\":\"checked against the payroll\"}")
                    .post("/api/v1/municipalities/0716/claims/2023/submission/attestation")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("ATTESTED"))
                    .body("snapshotSha256", equalTo(sha))
                    .extract()
                    .path("submittedBy");
            given().auth()
                    .oauth2(auditor)
                    .get("/api/v1/municipalities/0716/audit")
                    .then()
                    .statusCode(200)
                    .body("items.action", hasItem("claim.attest"))
                    .body("items.actor", hasItem(submittedBy));
            given().auth()
                    .oauth2(hofsAuditor)
                    .get("/api/v1/municipalities/0716/audit")
                    .then()
                    .spec(problem(403, "forbidden"));
        } finally {
            given().auth()
                    .oauth2(auditor)
                    .contentType("application/json")
                    .body("{\"reason\":\"end of the end-to-end test\"}")
                    .post("/api/v1/municipalities/0716/claims/2023/submission/return")
                    .then()
                    .statusCode(200);
        }
    }
}
