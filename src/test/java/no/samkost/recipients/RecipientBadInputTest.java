package no.samkost.recipients;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a problem that names the field, and nothing is written. */
@QuarkusTest
class RecipientBadInputTest {

    static final String RECIPIENTS = "/api/v1/municipalities/0716/recipients";

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"ref\":\"R-1\",", "malformed-json", null),
                Arguments.of("not an object", "[1,2]", "validation", "body"),
                Arguments.of(
                        "unknown field",
                        "{\"ref\":\"R-BAD\",\"birthYear\":1990,\"intellectualDisability\":true,"
                                + "\"userGroup\":\"SOMATIC\",\"name\":\"Ola Nordmann\"}",
                        "validation",
                        "name"),
                Arguments.of(
                        "typo in a field",
                        "{\"ref\":\"R-BAD\",\"birthyear\":1990,\"intellectualDisability\":true,"
                                + "\"userGroup\":\"SOMATIC\"}",
                        "validation",
                        "birthyear"),
                Arguments.of(
                        "string for a number",
                        body("R-BAD", "\"1990\"", "true", "\"SOMATIC\""),
                        "validation",
                        "birthYear"),
                Arguments.of(
                        "fraction for a year",
                        body("R-BAD", "1990.5", "true", "\"SOMATIC\""),
                        "validation",
                        "birthYear"),
                Arguments.of(
                        "number for a boolean",
                        body("R-BAD", "1990", "1", "\"SOMATIC\""),
                        "validation",
                        "intellectualDisability"),
                Arguments.of(
                        "unknown enum value", body("R-BAD", "1990", "true", "\"ELDERLY\""), "validation", "userGroup"),
                Arguments.of(
                        "number for a ref",
                        body(null, "1990", "true", "\"SOMATIC\"").replace("\"ref\":null", "\"ref\":12"),
                        "validation",
                        "ref"),
                Arguments.of(
                        "missing field",
                        "{\"ref\":\"R-BAD\",\"birthYear\":1990,\"userGroup\":\"SOMATIC\"}",
                        "validation",
                        "intellectualDisability"),
                Arguments.of("empty object", "{}", "validation", "ref"),
                Arguments.of(
                        "birth year too early",
                        body("R-BAD", "1850", "true", "\"SOMATIC\""),
                        "validation",
                        "birthYear"),
                Arguments.of(
                        "birth year in the future",
                        body("R-BAD", "2999", "true", "\"SOMATIC\""),
                        "validation",
                        "birthYear"),
                Arguments.of(
                        "national identity number as ref",
                        body("01019012345", "1990", "true", "\"SOMATIC\""),
                        "validation",
                        "ref"),
                Arguments.of(
                        "ref with spaces", body("Ola Nordmann", "1990", "true", "\"SOMATIC\""), "validation", "ref"),
                Arguments.of("ref too long", body("R".repeat(65), "1990", "true", "\"SOMATIC\""), "validation", "ref"),
                Arguments.of("empty ref", body("", "1990", "true", "\"SOMATIC\""), "validation", "ref"),
                Arguments.of(
                        "trailing garbage",
                        body("R-BAD", "1990", "true", "\"SOMATIC\"") + "{}",
                        "malformed-json",
                        null));
    }

    static String body(String ref, String birthYear, String intellectualDisability, String userGroup) {
        return "{\"ref\":" + (ref == null ? "null" : "\"" + ref + "\"") + ",\"birthYear\":" + birthYear
                + ",\"intellectualDisability\":" + intellectualDisability + ",\"userGroup\":" + userGroup + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void isRefusedWithAProblemNamingTheField(String what, String json, String type, String field) throws Exception {
        Map<String, String> before = Database.fingerprint();
        var response = given().auth()
                .oauth2(Tokens.coordinator("0716"))
                .contentType(ContentType.JSON)
                .body(json)
                .post(RECIPIENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:samkost:problem:" + type))
                .body("status", equalTo(400))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("no.samkost")))
                .body("detail", not(containsString("com.fasterxml")));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        assertEquals(before, Database.fingerprint(), "a refused request must not write anything");
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsRead() throws Exception {
        Map<String, String> before = Database.fingerprint();
        // Announce 10 MB and send none of it: the refusal must come from the headers alone.
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST " + RECIPIENTS + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + Tokens.coordinator("0716") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (10 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("application/problem+json"), response);
            assertTrue(response.contains("urn:samkost:problem:payload-too-large"), response);
        }
        assertEquals(before, Database.fingerprint());
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        given().auth()
                .oauth2(Tokens.coordinator("0716"))
                .contentType(ContentType.XML)
                .body("<recipient/>")
                .post(RECIPIENTS)
                .then()
                .spec(problem(415, "unsupported-media-type"))
                .contentType("application/problem+json");
    }

    @Test
    void badPagingIsAValidationProblem() {
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .queryParam("size", 100000)
                .get(RECIPIENTS)
                .then()
                .spec(problem(400, "validation"))
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        given().auth()
                .oauth2(Tokens.viewer("0716"))
                .queryParam("page", "abc")
                .get(RECIPIENTS)
                .then()
                .spec(problem(400, "validation"))
                .contentType("application/problem+json");
    }

    @Test
    void anUpdateCannotRenameOrSkipTheVersion() {
        String token = Tokens.coordinator("0716");
        String ref = RecipientApiTest.uniqueRef();
        RecipientApiTest.create("0716", token, RecipientApiTest.body(ref, 1990, false, "OTHER"))
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(
                        "{\"ref\":\"OTHER-REF\",\"birthYear\":1990,\"intellectualDisability\":false,\"userGroup\":\"OTHER\",\"version\":0}")
                .put(RECIPIENTS + "/" + ref)
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", hasItem("ref"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"birthYear\":1990,\"intellectualDisability\":false,\"userGroup\":\"OTHER\"}")
                .put(RECIPIENTS + "/" + ref)
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", hasItem("version"));
    }
}
