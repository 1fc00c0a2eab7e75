package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A municipality keeps at most 200 scenarios, also when creates race: the count and the insert
 * are one step under the municipality's lock, so two creates that both see 199 cannot both land.
 * Sandefjord's scenarios, which no other test creates (the walks use Re, Hof and Holmestrand), so
 * filling them up disturbs nobody.
 */
@QuarkusTest
class ScenarioCapTest {

    static final String SANDEFJORD = "0706";
    static final int CAP = 200;
    static final int RACERS = 8;

    @Test
    void racingCreatesNeverPassTheCap() throws Exception {
        // Sandefjord's IdP names its roles its own way (an Entra-style mapping).
        String token = Tokens.token(SANDEFJORD, "Samkost.Coordinator");
        long already = scenarios();
        for (long i = already; i < CAP - 2; i++) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Api.scenarioBody(Api.uniqueRef("CAP")))
                    .post("/api/v1/municipalities/{code}/planning/scenarios", SANDEFJORD)
                    .then()
                    .statusCode(201);
        }
        // Two places left, eight racers released at once: two land, six are refused.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String body = Api.scenarioBody(Api.uniqueRef("RACE"));
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(body)
                            .post("/api/v1/municipalities/{code}/planning/scenarios", SANDEFJORD);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    response.then().spec(problem(409, "conflict"));
                }
            }
            assertEquals(2, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(CAP, scenarios());
        // Full: one more is refused until one is deleted.
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Api.scenarioBody(Api.uniqueRef("FULL")))
                .post("/api/v1/municipalities/{code}/planning/scenarios", SANDEFJORD)
                .then()
                .spec(problem(409, "conflict"));
        assertEquals(CAP, scenarios());
    }

    static long scenarios() throws Exception {
        return Database.count("select count(*) from scenario where municipality_id = ?", "sandefjord");
    }
}
