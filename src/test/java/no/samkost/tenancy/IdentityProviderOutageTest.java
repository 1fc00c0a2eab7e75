package no.samkost.tenancy;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import no.samkost.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Municipality 0711's identity provider is down until this test brings it up. While it is down its
 * users get 503 (retry later) and nobody else is affected; once it is back its users get in, without a restart.
 */
@QuarkusTest
class IdentityProviderOutageTest {

    @Test
    void aProviderThatWasDownWorksOnceItIsBack() {
        String flaky = Tokens.coordinator("0711");
        given().auth()
                .oauth2(flaky)
                .get("/api/v1/me")
                .then()
                .spec(problem(503, "identity-provider-unavailable"))
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.coordinator("0716"))
                .get("/api/v1/me")
                .then()
                .statusCode(200);

        String idp = ConfigProvider.getConfig().getValue("samkost.test.idp-url", String.class);
        given().post(idp + "/control/up/0711").then().statusCode(200);

        given().auth().oauth2(flaky).get("/api/v1/me").then().statusCode(200);
    }
}
