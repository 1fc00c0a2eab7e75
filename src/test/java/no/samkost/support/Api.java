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
