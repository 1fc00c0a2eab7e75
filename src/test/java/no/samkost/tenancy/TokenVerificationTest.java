package no.samkost.tenancy;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.samkost.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a token can be wrong answers 401 with a problem, on a municipality path and on /me.
 * The tokens are real RS256 JWTs checked against real JWKS over HTTP.
 */
@QuarkusTest
class TokenVerificationTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final String RECIPIENTS = "/api/v1/municipalities/0716/recipients";

    static void assertUnauthenticated(String token) {
        for (String path : List.of(RECIPIENTS, "/api/v1/me")) {
            var request = given();
            if (token != null) {
                request = request.header("Authorization", "Bearer " + token);
            }
            request.get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("urn:samkost:problem:unauthenticated"));
        }
    }

    @Test
    void aValidTokenIsAccepted() {
        given().auth().oauth2(Tokens.coordinator(RE)).get(RECIPIENTS).then().statusCode(200);
    }

    @Test
    void noToken() {
        assertUnauthenticated(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-jwt", "a.b.c", "Basic dXNlcjpwYXNz"})
    void garbage(String token) {
        assertUnauthenticated(token);
    }

    @Test
    void expired() {
        Instant past = Instant.now().minusSeconds(3600);
        assertUnauthenticated(
                Tokens.token(RE, c -> c.issuedAt(past.minusSeconds(300)).expiresAt(past), "coordinator"));
    }

    @Test
    void notYetValid() {
        Instant future = Instant.now().plusSeconds(3600);
        assertUnauthenticated(Tokens.token(
                RE,
                c -> c.claim("nbf", future.getEpochSecond()).issuedAt(future).expiresAt(future.plusSeconds(300)),
                "coordinator"));
    }

    @Test
    void wrongIssuer() {
        assertUnauthenticated(
                Tokens.token(RE, c -> c.issuer("https://evil.example/realms/kommune-0716"), "coordinator"));
    }

    @Test
    void unknownIssuerWithItsOwnValidSignature() {
        // 0999's provider is real and signs correctly, but no tenants/ file trusts it.
        assertUnauthenticated(Tokens.coordinator("0999"));
    }

    @Test
    void wrongAudience() {
        assertUnauthenticated(Tokens.token(RE, c -> c.audience("another-service"), "coordinator"));
    }

    @Test
    void missingAudience() {
        assertUnauthenticated(Tokens.token(RE, c -> c.remove("aud"), "coordinator"));
    }

    @Test
    void unknownKeyIdIsRefusedWithoutAskingTheProvider() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Tokens.signed(
                Tokens.claims(RE, "coordinator"),
                "key-unknown",
                generator.generateKeyPair().getPrivate());
        assertUnauthenticated(token);
        assertEquals("0", introspections(), "no remote introspection may be attempted");
    }

    @Test
    void tamperedPayload() {
        String[] parts = Tokens.viewer(RE).split("\\.");
        String payload = Tokens.decode(parts[1]).replace("\"viewer\"", "\"coordinator\"");
        assertUnauthenticated(parts[0] + "." + Tokens.base64Url(payload) + "." + parts[2]);
    }

    @Test
    void algNone() {
        String[] parts = Tokens.coordinator(RE).split("\\.");
        String header = Tokens.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"key-0716\"}");
        assertUnauthenticated(header + "." + parts[1] + ".");
        assertUnauthenticated(header + "." + parts[1]);
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Tokens.privateKey(RE);
        var publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        String header = Tokens.base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"key-0716\"}");
        String payload = Tokens.coordinator(RE).split("\\.")[1];
        for (byte[] secret : List.of(publicKey.getEncoded(), pem(publicKey.getEncoded()))) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String signature = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            assertUnauthenticated(header + "." + payload + "." + signature);
        }
    }

    @Test
    void signedByReButClaimingHofsIssuer() {
        // Hof's claims and Hof's key id, but Re's key.
        String token = Tokens.signed(Tokens.claims(HOF, "coordinator"), "key-0714", Tokens.privateKey(RE));
        for (String path : List.of("/api/v1/municipalities/0714/recipients", "/api/v1/me")) {
            given().header("Authorization", "Bearer " + token).get(path).then().spec(problem(401, "unauthenticated"));
        }
    }

    @Test
    void aValidTokenOfReOnHofsPathIsForbidden() {
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .get("/api/v1/municipalities/0714/recipients")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:samkost:problem:forbidden"));
    }

    private static byte[] pem(byte[] der) {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                        + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String introspections() throws Exception {
        String base = ConfigProvider.getConfig().getValue("samkost.test.idp-url", String.class);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/stats/introspection"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
