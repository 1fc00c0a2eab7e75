package no.samkost.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Each finding of the attack on the running demo (issue 8, findings 1-11), as the attacker sent it.
 * The walk over every operation (HostileInputWalkTest) covers the same classes of input everywhere;
 * these pin the exact requests that once got through.
 */
@QuarkusTest
class HostileInputFindingsTest {

    static final String RE = "0716";
    static final String RECIPIENTS = "/api/v1/municipalities/0716/recipients";
    static final String COSTS = "/api/v1/municipalities/0716/costs";

    static String costLine(String ref, String amount) {
        return "{\"recipientRef\":\"" + ref + "\",\"period\":\"2023-01\",\"category\":\"DIRECT_WAGES\",\"amount\":"
                + amount + "}";
    }

    static ValidatableResponse postCost(String body, String idempotencyKey) {
        var request = given().auth().oauth2(Tokens.coordinator(RE)).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).post(COSTS).then();
    }

    @Test
    void finding1_aHugeExponentIsRefusedAtOnceAndNamesTheField() throws Exception {
        String ref = Api.uniqueRef("EXP");
        Api.recipient(RE, ref, 1990, false);
        Map<String, String> before = Database.fingerprint();
        long started = System.nanoTime();
        postCost(costLine(ref, "1e50000000"), null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("amount"));
        postCost(costLine(ref, "1e999999999"), null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("amount"));
        postCost(costLine(ref, "1E-50000000"), null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("amount"));
        // Not a timing assertion on the service; a guard that it did not expand 50 million digits.
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(Database.fingerprint()).isEqualTo(before);
    }

    @Test
    void finding2_aJsonBodyWithoutLengthOverHttp2IsRefusedBeforeItIsRead() throws Exception {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            byte[] chunk = ("{\"padding\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
            var answer = client.request(new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setHost(uri.getHost())
                            .setPort(uri.getPort())
                            .setURI(RECIPIENTS)
                            .putHeader("Authorization", "Bearer " + Tokens.coordinator(RE))
                            .putHeader("Content-Type", "application/json"))
                    .compose(request -> {
                        request.setChunked(true);
                        for (int i = 0; i < 40; i++) {
                            request.write(Buffer.buffer(chunk));
                        }
                        request.end();
                        return request.response();
                    })
                    .compose(response -> response.body()
                            .map(body -> response.version() + " " + response.statusCode() + " "
                                    + body.toString(StandardCharsets.UTF_8)))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            assertThat(answer).startsWith("HTTP_2 411").contains("urn:samkost:problem:length-required");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void finding3_controlAndBidiCharactersAreRefusedNotTrimmed() throws Exception {
        String ref = Api.uniqueRef("NUL");
        Api.recipient(RE, ref, 1990, false);
        Map<String, String> before = Database.fingerprint();
        // A NUL at the end of a ref was trimmed away and the line booked to R-1.
        postCost(costLine(ref + "\\u0000", "100.00"), null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("recipientRef"));
        // A lone surrogate was stored as '?'.
        postCost(
                        "{\"recipientRef\":\"" + ref + "\",\"period\":\"2023-01\",\"category\":\"DIRECT_WAGES\","
                                + "\"amount\":100.00,\"note\":\"a\\ud800b\"}",
                        null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("note"));
        // A bidi override makes a name read backwards.
        postCost(
                        "{\"recipientRef\":\"" + ref + "\",\"period\":\"2023-01\",\"category\":\"DIRECT_WAGES\","
                                + "\"amount\":100.00,\"note\":\"cost \\u202Eevil\"}",
                        null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("note"));
        // A NUL in a path parameter and in a query parameter gave 500 (PostgreSQL 22021).
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .urlEncodingEnabled(false)
                .get(RECIPIENTS + "/R-1%00")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("ref"));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .urlEncodingEnabled(false)
                .get(COSTS + "?recipient=R-1%00")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("recipient"));
        // And in a CSV field.
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("text/csv")
                .body("recipient_ref,period,category,amount,note\n" + ref + ",2023-01,DIRECT_WAGES,100.00,a\u0000b\n")
                .post(COSTS + "/import")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:samkost:problem:import-rejected"))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].message", containsString("note"));
        assertThat(Database.fingerprint()).isEqualTo(before);
    }

    @Test
    void finding4_aKeyGivenTwiceIsRefusedWhereverItIs() throws Exception {
        String ref = Api.uniqueRef("DUP");
        Api.recipient(RE, ref, 1990, false);
        Map<String, String> before = Database.fingerprint();
        postCost(costLine(ref, "100.00").replace("}", ",\"amount\":200.00}"), null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:malformed-json"))
                .body("errors.field", hasItem("amount"));
        postCost(
                        "{\"amount\":100.00,\"recipientRef\":\"" + ref + "\",\"amount\":900.00,\"period\":\"2023-01\","
                                + "\"category\":\"DIRECT_WAGES\"}",
                        null)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:malformed-json"))
                .body("errors.field", hasItem("amount"));
        assertThat(Database.fingerprint()).isEqualTo(before);
    }

    @Test
    void aBodyInAnotherEncodingOrACsvLineOfAMillionCommasIsAClientError() throws Exception {
        Map<String, String> before = Database.fingerprint();
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType(ContentType.JSON)
                .body(new byte[] {0, 0, 0, 0x7B, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})
                .post(RECIPIENTS)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:malformed-json"));
        String ref = Api.uniqueRef("COMMA");
        Api.recipient(RE, ref, 1990, false);
        before = Database.fingerprint();
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("text/csv")
                .body("recipient_ref,period,category,amount,note\n" + ",".repeat(5_000_000) + "\n" + ref
                        + ",2023-01,DIRECT_WAGES,1.00,\n")
                .post(COSTS + "/import")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:samkost:problem:import-rejected"))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].message", containsString("columns"));
        assertThat(Database.fingerprint()).isEqualTo(before);
    }

    @Test
    void finding5_anIdempotentRetryWithABigExponentIsAClientError() throws Exception {
        String ref = Api.uniqueRef("IDEM");
        Api.recipient(RE, ref, 1990, false);
        String key = "retry-" + ref;
        postCost(costLine(ref, "100.00"), key).statusCode(201);
        postCost(costLine(ref, "1e10000"), key)
                .statusCode(400)
                .body("type", equalTo("urn:samkost:problem:validation"))
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void finding7_anIdTokenIsNotAnAccessToken() {
        String idToken = Tokens.token(RE, claims -> claims.claim("typ", "ID"), "coordinator");
        given().auth()
                .oauth2(idToken)
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:samkost:problem:unauthenticated"));
        String entraStyleIdToken =
                Tokens.token(RE, claims -> claims.claim("at_hash", "x5ZvJVzYnqoUbSb3yDhGoQ"), "coordinator");
        given().auth()
                .oauth2(entraStyleIdToken)
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:samkost:problem:unauthenticated"));
        String accessToken = Tokens.token(RE, claims -> claims.claim("typ", "Bearer"), "coordinator");
        given().auth().oauth2(accessToken).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void finding8_metricsNeverCarryARawPath() throws Exception {
        String secret = "SECRETREF" + Long.toHexString(System.nanoTime());
        // Refused by the HTTP layer before JAX-RS matched a route: no Content-Length over HTTP/1.1.
        assertThat(chunked("PUT", RECIPIENTS + "/" + secret))
                .startsWith("HTTP/1.1 411")
                .contains("urn:samkost:problem:length-required");
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/no-such/" + secret)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:samkost:problem:not-found"));
        // A path that cannot even be decoded is refused by the HTTP server itself, before any
        // handler of ours (a bare 400 without a body: see the README's design notes).
        assertThat(raw("GET " + RECIPIENTS + "/" + secret + "%ZZ HTTP/1.1\r\nConnection: close\r\n"))
                .startsWith("HTTP/1.1 400");
        String metrics;
        given().auth().oauth2(Tokens.viewer(RE)).get(RECIPIENTS).then().statusCode(200);
        metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("uri=\"/api/v1/municipalities/{code}/recipients\"")
                .doesNotContain(secret);
    }

    @Test
    void finding9_anInvalidUtf8ByteIsReportedInItsOwnRow() throws Exception {
        String ref = Api.uniqueRef("UTF");
        Api.recipient(RE, ref, 1990, false);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("recipient_ref,period,category,amount,note\n".getBytes(StandardCharsets.UTF_8));
        for (int row = 1; row <= 10_000; row++) {
            String line = ref + ",2023-01,DIRECT_WAGES,1.00," + (row == 7001 ? "bad " : "row " + row);
            csv.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            if (row == 7001) {
                csv.write(0xC3); // the first byte of a two-byte sequence, then a comma: not UTF-8
                csv.write(0x28);
            }
            csv.write('\n');
        }
        Map<String, String> before = Database.fingerprint();
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("text/csv")
                .body(csv.toByteArray())
                .post(COSTS + "/import")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:samkost:problem:import-rejected"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(7001))
                .body("errors[0].message", containsString("UTF-8"));
        assertThat(Database.fingerprint()).isEqualTo(before);
    }

    @Test
    void finding10_aCsvCellNeverStartsAFormula() {
        String ref = "-2-3+" + Long.toHexString(System.nanoTime()).substring(0, 6);
        String safeRef = ref.replace("+", "_");
        Api.recipient(RE, safeRef, 1990, false);
        Api.cost(RE, safeRef, "2023-02", "DIRECT_WAGES", "100.00", null);
        String csv = given().auth()
                .oauth2(Tokens.viewer(RE))
                .accept("text/csv")
                .get("/api/v1/municipalities/0716/claims/2023")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String row = csv.lines().filter(l -> l.contains(safeRef)).findFirst().orElseThrow();
        assertThat(row).contains(",'" + safeRef + ",").doesNotContain("," + safeRef + ",");
    }

    @Test
    void finding11_locationComesFromTheConfiguredBaseAndAnswersCarrySecurityHeaders() throws Exception {
        String ref = Api.uniqueRef("LOC");
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType(ContentType.JSON)
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":1990,\"intellectualDisability\":false,"
                        + "\"userGroup\":\"OTHER\"}")
                .post(RECIPIENTS)
                .then()
                .statusCode(201)
                .header("Location", equalTo("http://127.0.0.1:8080" + RECIPIENTS + "/" + ref))
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get(RECIPIENTS + "/" + ref)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        // Errors too, including those answered before JAX-RS.
        given().get(RECIPIENTS)
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:samkost:problem:unauthenticated"))
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        assertThat(chunked("POST", RECIPIENTS).toLowerCase(java.util.Locale.ROOT))
                .startsWith("http/1.1 411")
                .contains("content-type: application/problem+json")
                .contains("cache-control: no-store")
                .contains("x-content-type-options: nosniff");
    }

    /** A JSON write sent chunked over HTTP/1.1 from a raw socket (a client library would add a length). */
    static String chunked(String method, String path) throws Exception {
        return raw(
                method + " " + path + " HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n",
                "2\r\n{}\r\n0\r\n\r\n");
    }

    /** A request line and headers as a client that no library guards would send them, with Re's token. */
    /**
     * Third outside attack of issue 12 (4 December 2026): Integer.parseInt reads any script's
     * digits, so "٢٠٢٣" (Arabic-Indic) and fullwidth "５" passed as 2023 and 5. A number in a path or
     * a query is ASCII; anything else is the caller's error, naming the parameter.
     */
    @Test
    void finding12_aNumberIsWrittenInAsciiDigits() {
        String coordinator = Tokens.coordinator(RE);
        for (String[] probe : new String[][] {
            {"/api/v1/cooperations/3k/key-figures?from=\u0662\u0660\u0662\u0663&to=2023", "from"},
            {"/api/v1/municipalities/0716/planning/demand?years=\uFF15", "years"},
            {"/api/v1/municipalities/0716/claims/\u0662\u0660\u0662\u0663", "costYear"}
        }) {
            given().auth()
                    .oauth2(coordinator)
                    .get(probe[0])
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:samkost:problem:validation"))
                    .body("errors.field", hasItem(probe[1]));
        }
    }

    /** Final attack of issue 12: a refused cooperation id with a NUL came back in the 403's detail. */
    @Test
    void finding13_aRefusedCooperationIdIsEchoedOnlyAsPlainText() {
        String detail = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.coordinator(RE))
                .get("/api/v1/cooperations/3k%00x/pooled/2023")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:samkost:problem:forbidden"))
                .extract()
                .path("detail");
        assertThat(detail).doesNotContain("\u0000").doesNotContain("3k");
    }

    static String raw(String head) throws Exception {
        return raw(head, "");
    }

    static String raw(String head, String body) throws Exception {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String request = head + "Host: " + uri.getHost() + "\r\nAuthorization: Bearer " + Tokens.coordinator(RE)
                    + "\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
