package no.samkost.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.samkost.support.Api;
import no.samkost.support.DurableDatabaseProfile;
import no.samkost.support.PostgresResource;
import no.samkost.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The database process dies in the middle of a stream of writes, as it did when an operator killed
 * it: every write that was answered 201 must be there exactly once afterwards, every write that was
 * not must succeed exactly once when retried with its Idempotency-Key, the service must answer 503
 * (never 500) while the database is away, and be ready again within 5 s of the database.
 */
@QuarkusTest
@TestProfile(DurableDatabaseProfile.class)
class DatabaseCrashTest {

    private static final String RE = "0716";
    private static final String COSTS = "/api/v1/municipalities/0716/costs";
    private static final int WRITES = 150;

    @Test
    void theDatabaseRunsDurably() throws Exception {
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void noAnsweredWriteIsLostWhenTheDatabaseProcessDies() throws Exception {
        String ref = Api.uniqueRef("CRASH");
        Api.recipient(RE, ref, 1990, false);
        String token = Tokens.coordinator(RE);
        Map<Integer, String> keys = new HashMap<>();
        Set<Integer> acknowledged = new LinkedHashSet<>();
        List<Integer> unanswered = new ArrayList<>();
        List<String> outageAnswers = new ArrayList<>();
        long killedAt = 0;
        for (int i = 1; i <= WRITES; i++) {
            keys.put(i, ref + "-" + i);
            if (i == WRITES / 3) {
                killDatabaseProcess();
                killedAt = System.nanoTime();
            }
            Response answer = write(token, ref, i, keys.get(i));
            if (answer.statusCode() == 201) {
                acknowledged.add(i);
            } else {
                unanswered.add(i);
                outageAnswers.add(answer.statusCode() + " " + answer.contentType() + " " + answer.path("type")
                        + " retry-after=" + answer.header("Retry-After"));
            }
        }
        assertThat(killedAt).isPositive();
        // While it was away: 503 problems with Retry-After, never a 500.
        assertThat(outageAnswers).isNotEmpty().allSatisfy(a -> assertThat(a)
                .startsWith("503 application/problem+json urn:samkost:problem:database-unavailable")
                .doesNotEndWith("retry-after=null"));

        long databaseBack = awaitDatabase(Duration.ofSeconds(60));
        long ready = awaitReady(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(ready - databaseBack)).isLessThanOrEqualTo(Duration.ofSeconds(5));

        // Retries of everything that was not answered succeed, once.
        for (int i : unanswered) {
            Response retry = write(token, ref, i, keys.get(i));
            assertThat(retry.statusCode()).as("retry of write %d", i).isEqualTo(201);
        }
        // And a retry of an answered write creates nothing new.
        Response again = write(
                token,
                ref,
                acknowledged.iterator().next(),
                keys.get(acknowledged.iterator().next()));
        assertThat(again.statusCode()).isEqualTo(201);

        Map<BigDecimal, Integer> stored = linesByAmount(ref);
        for (int i = 1; i <= WRITES; i++) {
            assertThat(stored.get(amount(i)))
                    .as("write %d stored exactly once", i)
                    .isEqualTo(1);
        }
        assertThat(stored).hasSize(WRITES);
    }

    private static Response write(String token, String ref, int i, String key) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"recipientRef\":\"" + ref + "\",\"period\":\"2023-01\",\"category\":\"DIRECT_WAGES\","
                        + "\"amount\":" + amount(i).toPlainString() + "}")
                .post(COSTS);
    }

    private static BigDecimal amount(int i) {
        return new BigDecimal(i).add(new BigDecimal("0.25"));
    }

    /** SIGKILL to the postmaster and every backend: the crash an operator's kill -9 or the OOM killer gives. */
    private static void killDatabaseProcess() throws Exception {
        Path pidFile = Path.of(config(PostgresResource.DATA_DIR)).resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(10, TimeUnit.SECONDS);
    }

    private static long awaitDatabase(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = superuser();
                    Statement s = c.createStatement()) {
                s.execute("select 1");
                return System.nanoTime();
            } catch (Exception notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the embedded database did not come back within " + limit);
    }

    private static long awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service was not ready within " + limit);
    }

    private static Map<BigDecimal, Integer> linesByAmount(String ref) throws Exception {
        Map<BigDecimal, Integer> counts = new HashMap<>();
        try (Connection c = superuser();
                PreparedStatement q = c.prepareStatement(
                        "select l.amount, count(*) from cost_line l join recipient r on r.id = l.recipient_id"
                                + " where r.ref = ? group by l.amount")) {
            q.setString(1, ref);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getBigDecimal(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection superuser() throws Exception {
        return DriverManager.getConnection(config(PostgresResource.SUPERUSER_URL));
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
