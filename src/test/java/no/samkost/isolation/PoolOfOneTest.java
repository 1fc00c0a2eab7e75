package no.samkost.isolation;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * With one pooled connection every request reuses the connection the other municipality just
 * had: the per-transaction binding must not bleed from one request into the next.
 */
@QuarkusTest
@TestProfile(PoolOfOneTest.OneConnection.class)
class PoolOfOneTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "1", "quarkus.datasource.jdbc.min-size", "1");
        }
    }

    static final String RECIPIENTS = "/api/v1/municipalities/{code}/recipients";

    @Test
    void alternatingMunicipalitiesNeverSeeEachOthersRows() {
        create("0716", "POOL-RE");
        create("0714", "POOL-HOF");
        for (int round = 0; round < 5; round++) {
            for (String[] m : new String[][] {{"0716", "POOL-RE"}, {"0714", "POOL-HOF"}}) {
                given().auth()
                        .oauth2(Tokens.coordinator(m[0]))
                        .get(RECIPIENTS, m[0])
                        .then()
                        .statusCode(200)
                        .body("items.ref", hasItem(m[1]))
                        .body("items.ref", everyItem(startsWith(m[1])));
            }
            given().auth()
                    .oauth2(Tokens.coordinator("0716"))
                    .get(RECIPIENTS + "/POOL-HOF", "0716")
                    .then()
                    .spec(problem(404, "not-found"));
            given().auth()
                    .oauth2(Tokens.coordinator("0714"))
                    .get(RECIPIENTS + "/POOL-RE", "0714")
                    .then()
                    .spec(problem(404, "not-found"));
        }
    }

    @Inject
    AgroalDataSource pool;

    /**
     * Over HTTP Hibernate's tenant filter would hide a leaking binding, so look at the database
     * session itself: right after Re's request, the one pooled connection, handed out with no
     * municipality, must be bound to none and show no rows, in a transaction and outside one.
     */
    @Test
    void theConnectionForgetsTheMunicipalityOfThePreviousRequest() throws Exception {
        create("0716", "POOL-RE-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        given().auth()
                .oauth2(Tokens.coordinator("0716"))
                .get(RECIPIENTS, "0716")
                .then()
                .statusCode(200);
        try (Connection c = pool.getConnection()) {
            assertSessionSeesNothing(c);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = pool.getConnection()) {
                assertSessionSeesNothing(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertSessionSeesNothing(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(current_setting('app.municipality', true), ''),"
                        + " (select count(*) from recipient)")) {
            rs.next();
            assertEquals("", rs.getString(1), "the session is still bound to a municipality");
            assertEquals(0, rs.getLong(2), "rows visible to a session bound to no municipality");
        }
    }

    private static void create(String code, String ref) {
        given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"ref\":\"" + ref
                        + "\",\"birthYear\":1990,\"intellectualDisability\":false,\"userGroup\":\"OTHER\"}")
                .post(RECIPIENTS, code)
                .then()
                .statusCode(201);
    }
}
