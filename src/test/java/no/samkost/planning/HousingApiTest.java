package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/** A recipient's housing as a dated history: added to, never changed, read in the order of its days. */
@QuarkusTest
class HousingApiTest {

    static final String RE = "0716";

    static ValidatableResponse add(String token, String ref, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/municipalities/{code}/recipients/{ref}/housing", RE, ref)
                .then();
    }

    @Test
    void aRecipientsHousingIsAHistory() throws Exception {
        String ref = Api.uniqueRef("H");
        Api.recipient(RE, ref, 1998, true);
        String coordinator = Tokens.coordinator(RE);
        // Recorded out of order: the later move first, then where it lived before.
        add(coordinator, ref, "{\"validFrom\":\"2025-06-01\",\"housingForm\":2,\"baseLevel\":\"BASIS\"}")
                .statusCode(201)
                .body("housingForm", equalTo(2));
        add(coordinator, ref, "{\"validFrom\":\"2023-01-01\",\"housingForm\":4,\"baseLevel\":\"UTVIDET\"}")
                .statusCode(201);
        add(coordinator, ref, "{\"validFrom\":\"2026-01-01\",\"housingForm\":1}")
                .statusCode(201);
        var history = given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/municipalities/{code}/recipients/{ref}/housing", RE, ref)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("2023-01-01", "2025-06-01", "2026-01-01"), history.getList("validFrom"));
        assertEquals(List.of(4, 2, 1), history.getList("housingForm"));
        assertEquals(java.util.Arrays.asList("UTVIDET", "BASIS", null), history.getList("baseLevel"));

        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        add(coordinator, ref, "{\"validFrom\":\"2026-01-01\",\"housingForm\":6}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("housingForm"));
        add(coordinator, ref, "{\"validFrom\":\"1999-12-31\",\"housingForm\":1}")
                .spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("validFrom"));
        add(coordinator, ref, "{\"validFrom\":\"2026-01-01\",\"housingForm\":1,\"baseLevel\":\"GULL\"}")
                .spec(problem(400, "validation"));
        add(coordinator, "NO-SUCH-REF", "{\"validFrom\":\"2026-01-01\",\"housingForm\":1}")
                .spec(problem(404, "not-found"));
        add(Tokens.viewer(RE), ref, "{\"validFrom\":\"2026-01-01\",\"housingForm\":1}")
                .spec(problem(403, "forbidden"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"));
    }
}
