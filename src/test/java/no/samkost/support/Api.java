package no.samkost.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Setting up a test's own data through the API, as a coordinator of the municipality. */
public final class Api {

    private Api() {}

    public static String uniqueRef(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void recipient(String code, String ref, int birthYear, boolean intellectualDisability) {
        given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType(ContentType.JSON)
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":" + birthYear + ",\"intellectualDisability\":"
                        + intellectualDisability + ",\"userGroup\":\"OTHER\"}")
                .post("/api/v1/municipalities/{code}/recipients", code)
                .then()
                .statusCode(201);
    }

    /** A youth entered in {@code code}'s future-needs register (born 2011), no conversation yet. */
    public static void need(String code, String ref) {
        given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType(ContentType.JSON)
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":2011,\"userGroup\":\"INTELLECTUAL_DISABILITY\"}")
                .post("/api/v1/municipalities/{code}/needs", code)
                .then()
                .statusCode(201);
    }

    /** A valid scenario body: every housing form priced, nothing else assumed. */
    public static String scenarioBody(String name) {
        return """
                {"name":"%s","yearlyWageGrowth":0.04,"yearlyExtraStep":0,"yearlyExitRate":0,
                 "annualCosts":[{"housingForm":1,"annualCost":900000.00},{"housingForm":2,"annualCost":1300000.00},
                  {"housingForm":3,"annualCost":1800000.00},{"housingForm":4,"annualCost":2600000.00},
                  {"housingForm":5,"annualCost":4200000.00},{"annualCost":2000000.00}]}"""
                .formatted(name);
    }

    /** A new scenario of {@code code}'s; its id. */
    public static String scenario(String code, String name) {
        return given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType(ContentType.JSON)
                .body(scenarioBody(name))
                .post("/api/v1/municipalities/{code}/planning/scenarios", code)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static void cost(String code, String ref, String period, String category, String amount, String note) {
        given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType(ContentType.JSON)
                .body("{\"recipientRef\":\"" + ref + "\",\"period\":\"" + period + "\",\"category\":\"" + category
                        + "\",\"amount\":" + amount + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}")
                .post("/api/v1/municipalities/{code}/costs", code)
                .then()
                .statusCode(201);
    }
}
