package no.samkost.costs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An import that runs past its transaction timeout is rolled back, and the client is told so in a
 * problem it can act on, not a 500 "internal error". The timeout is shortened so that a modest file
 * runs past it.
 */
@QuarkusTest
@TestProfile(ImportTimeoutTest.OneSecondImports.class)
class ImportTimeoutTest {

    public static class OneSecondImports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("samkost.import.transaction-timeout-seconds", "1");
        }
    }

    @Test
    void anImportPastItsTimeoutIsRolledBackAndSaysSo() throws Exception {
        String ref = Api.uniqueRef("SLOW");
        Api.recipient("0716", ref, 1990, false);
        StringBuilder csv = new StringBuilder("recipient_ref,period,category,amount,note\n");
        String line = ref + ",2023-01,DIRECT_WAGES,1.00,\n";
        for (int i = 0; i < 400_000; i++) {
            csv.append(line);
        }
        Map<String, String> before = Database.fingerprint();
        given().auth()
                .oauth2(Tokens.coordinator("0716"))
                .contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/municipalities/0716/costs/import")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:samkost:problem:timed-out"))
                .header("Retry-After", notNullValue());
        assertThat(Database.fingerprint()).isEqualTo(before);
    }
}
