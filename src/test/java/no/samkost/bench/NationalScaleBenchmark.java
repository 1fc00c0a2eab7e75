package no.samkost.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.samkost.support.Database;
import no.samkost.support.TestIdentityProviders;
import no.samkost.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * National scale, measured in one run against the same embedded PostgreSQL: the service's HTTP
 * paths beside the raw database doing the same work. Prints medians and API/raw ratios; asserts
 * nothing about time (a benchmark, not a timed test). Run with {@code ./mvnw -Pbench test}.
 *
 * <p>Data: 356 municipalities (one large, like Oslo, with 1 300 recipients; the rest share about
 * 9 700), 5 cost years of monthly lines in three categories (about 1.8 million lines).
 */
@QuarkusTest
class NationalScaleBenchmark {

    static final int MUNICIPALITIES = 356;
    static final int LARGE_RECIPIENTS = 1300;
    static final int TOTAL_RECIPIENTS = 11000;
    static final int COST_YEAR = 2023;
    static final int IMPORT_ROWS = 100_000;
    static final int RUNS = 3;
    static final int CLAIM_SAMPLES = 50;
    /** Requests before measuring, so the JIT has compiled the hot paths. */
    static final int WARMUP = 150;

    static final String LARGE = TestIdentityProviders.syntheticCode(1);
    static final String LARGE_ID = "synthetic-" + LARGE;

    final List<String[]> table = new ArrayList<>();

    @Test
    void nationalScale() throws Exception {
        assertEquals(
                MUNICIPALITIES,
                Integer.getInteger(TestIdentityProviders.SYNTHETIC_COUNT, 0),
                "run with -Pbench, which configures " + MUNICIPALITIES + " municipalities");
        long started = System.nanoTime();
        long lines = generate();
        System.out.printf(
                Locale.ROOT,
                "%ngenerated %d recipients and %d cost lines in %.1f s%n",
                count("select count(*) from recipient where created_by = 'bench'"),
                lines,
                (System.nanoTime() - started) / 1e9);

        importThroughHttpAgainstCopy();
        oneLargeClaimThroughHttpAgainstSql();
        allClaimsThroughHttpAgainstOneSql();

        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, "%n%-46s %14s %14s %8s%n", "measure (median of runs)", "API", "raw SQL", "API/raw"));
        for (String[] row : table) {
            out.append(String.format(Locale.ROOT, "%-46s %14s %14s %8s%n", (Object[]) row));
        }
        System.out.println(out);
        Files.writeString(Path.of("target", "bench-results.txt"), out.toString());
    }

    /** Recipients and five years of lines, written directly as the superuser (setup, not measured). */
    long generate() throws Exception {
        try (Connection c = Database.superuser();
                Statement s = c.createStatement()) {
            s.execute("create temporary table bench_municipality (id text, recipients int)");
            int others = MUNICIPALITIES - 1;
            int rest = TOTAL_RECIPIENTS - LARGE_RECIPIENTS;
            StringBuilder values = new StringBuilder("('" + LARGE_ID + "', " + LARGE_RECIPIENTS + ")");
            for (int n = 2; n <= MUNICIPALITIES; n++) {
                // 5 to about 50 recipients, averaging rest / others
                int size =
                        Math.max(5, (int) Math.round(rest / (double) others * (0.2 + 1.6 * ((n * 37) % 100) / 100.0)));
                values.append(", ('synthetic-")
                        .append(TestIdentityProviders.syntheticCode(n))
                        .append("', ")
                        .append(size)
                        .append(')');
            }
            s.execute("insert into bench_municipality values " + values);
            s.execute(
                    """
                    insert into recipient (municipality_id, id, ref, birth_year, intellectual_disability, user_group,
                                           version, created_at, created_by, updated_at, updated_by)
                    select m.id, gen_random_uuid(), 'B-' || lpad(g::text, 5, '0'), 1958 + (g % 60), g % 3 = 0,
                           'OTHER', 0, now(), 'bench', now(), 'bench'
                    from bench_municipality m, generate_series(1, m.recipients) g""");
            return s.executeUpdate(
                    """
                    insert into cost_line (municipality_id, recipient_id, period, category, amount, created_at, created_by)
                    select r.municipality_id, r.id, p.period, k.category,
                           case k.category when 'USER_PAYMENT' then 3000 + (abs(hashtext(r.ref)) % 1000)
                                           else 90000 + (abs(hashtext(r.ref || p.period)) % 250000) end,
                           now(), 'bench'
                    from recipient r
                    cross join generate_series(date '2019-01-01', date '2023-12-01', interval '1 month') p(period)
                    cross join (values ('DIRECT_WAGES'), ('USER_PAYMENT'), ('PURCHASED_SERVICES')) k(category)
                    where r.created_by = 'bench'
                      and (k.category <> 'PURCHASED_SERVICES' or extract(month from p.period)::int % 3 <> 0)""");
        } finally {
            try (Connection c = Database.superuser();
                    Statement s = c.createStatement()) {
                s.execute("analyze");
            }
        }
    }

    /** The same rows through POST .../costs/import and through COPY into cost_line. */
    void importThroughHttpAgainstCopy() throws Exception {
        Map<String, String> ids = new HashMap<>();
        try (Connection c = Database.superuser();
                PreparedStatement s = c.prepareStatement("select ref, id from recipient where municipality_id = ?")) {
            s.setString(1, LARGE_ID);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<String> refs = new ArrayList<>(ids.keySet());
        StringBuilder csv = new StringBuilder("recipient_ref,period,category,amount,note\n");
        StringBuilder copy = new StringBuilder();
        for (int i = 0; i < IMPORT_ROWS; i++) {
            String ref = refs.get(i % refs.size());
            String period = "2018-" + String.format("%02d", i % 12 + 1);
            String amount = (1000 + i % 90000) + ".50";
            csv.append(ref)
                    .append(',')
                    .append(period)
                    .append(",DIRECT_WAGES,")
                    .append(amount)
                    .append(",\n");
            copy.append(LARGE_ID)
                    .append('\t')
                    .append(ids.get(ref))
                    .append('\t')
                    .append(period)
                    .append("-01\t")
                    .append("DIRECT_WAGES\t")
                    .append(amount)
                    .append("\tbench\t2026-01-01 00:00:00+00\n");
        }
        String token = Tokens.coordinator(LARGE);
        byte[] body = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        double[] api = new double[RUNS];
        double[] raw = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            given().auth()
                    .oauth2(token)
                    .contentType("text/csv")
                    .body(body)
                    .post("/api/v1/municipalities/{code}/costs/import", LARGE)
                    .then()
                    .statusCode(200);
            api[run] = IMPORT_ROWS / ((System.nanoTime() - t0) / 1e9);
            try (Connection c = Database.superuser()) {
                long t1 = System.nanoTime();
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy cost_line (municipality_id, recipient_id, period,"
                                        + " category, amount, created_by, created_at) from stdin",
                                new StringReader(copy.toString()));
                raw[run] = IMPORT_ROWS / ((System.nanoTime() - t1) / 1e9);
            }
        }
        double apiRate = median(api);
        double rawRate = median(raw);
        table.add(new String[] {
            "import " + IMPORT_ROWS + " rows (rows/s; target >= 0.25)",
            String.format(Locale.ROOT, "%.0f", apiRate),
            String.format(Locale.ROOT, "%.0f", rawRate),
            String.format(Locale.ROOT, "%.2f", apiRate / rawRate)
        });
    }

    /** What the service runs for a claim (CostLedger): the yearly totals the database keeps. */
    static final String CLAIM_SQL =
            """
            select r.ref, r.birth_year, r.intellectual_disability, t.direct_wage_costs,
                   t.earmarked_grants, t.host_municipality_grant, t.user_payments
            from cost_year_total t
            join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
            where t.municipality_id = ? and t.year = ?
            order by r.ref""";

    /** The same sums straight from the monthly lines, for comparison. */
    static final String CLAIM_FROM_LINES_SQL =
            """
            select r.ref, r.birth_year, r.intellectual_disability,
                   coalesce(sum(c.amount) filter (where c.category in
                            ('DIRECT_WAGES', 'PURCHASED_SERVICES', 'JOINT_SERVICE')), 0),
                   coalesce(sum(c.amount) filter (where c.category = 'EARMARKED_GRANT'), 0),
                   coalesce(sum(c.amount) filter (where c.category = 'HOST_MUNICIPALITY_GRANT'), 0),
                   coalesce(sum(c.amount) filter (where c.category = 'USER_PAYMENT'), 0)
            from cost_line c
            join recipient r on r.municipality_id = c.municipality_id and r.id = c.recipient_id
            where c.municipality_id = ? and c.period >= ? and c.period < ?
            group by r.ref, r.birth_year, r.intellectual_disability
            order by r.ref""";

    final HttpClient http = HttpClient.newHttpClient();

    String baseUrl() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    /** One GET with a plain JDK client (RestAssured's own overhead would swamp milliseconds). */
    void getClaim(String code, String token) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(baseUrl() + "/api/v1/municipalities/" + code + "/claims/" + COST_YEAR))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET .../claims/2023 for the large municipality against the claim's query run directly. */
    void oneLargeClaimThroughHttpAgainstSql() throws Exception {
        String token = Tokens.viewer(LARGE);
        double[] api = new double[CLAIM_SAMPLES];
        double[] serverBefore = null;
        for (int i = -WARMUP; i < CLAIM_SAMPLES; i++) {
            if (i == 0) {
                serverBefore = serverClaimSeconds(); // measured requests only
            }
            long t0 = System.nanoTime();
            getClaim(LARGE, token);
            if (i >= 0) {
                api[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double[] serverAfter = serverClaimSeconds();
        double serverMean = (serverAfter[0] - serverBefore[0]) * 1000 / (serverAfter[1] - serverBefore[1]);
        double totals = medianQueryMillis(CLAIM_SQL, COST_YEAR);
        double lines = medianQueryMillis(CLAIM_FROM_LINES_SQL, null);
        table.add(new String[] {
            "claim, " + LARGE_RECIPIENTS + " recipients (ms; target <= 10)",
            String.format(Locale.ROOT, "%.2f", median(api)),
            String.format(Locale.ROOT, "%.2f", totals),
            String.format(Locale.ROOT, "%.2f", median(api) / totals)
        });
        table.add(new String[] {
            "  (server-side mean, from http_server_requests, ms)",
            String.format(Locale.ROOT, "%.2f", serverMean),
            "",
            ""
        });
        table.add(new String[] {
            "  (the same sums from the monthly lines, ms)", "", String.format(Locale.ROOT, "%.2f", lines), ""
        });
        // Where the API's time goes: the query as the service's own role under row-level security,
        // and a request that authenticates and answers JSON without touching the database.
        double bound = medianBoundQueryMillis();
        table.add(new String[] {
            "  (the claim query as the runtime role, RLS bound, ms)", "", String.format(Locale.ROOT, "%.2f", bound), ""
        });
        double[] rules = new double[CLAIM_SAMPLES];
        for (int i = -WARMUP; i < CLAIM_SAMPLES; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/rules/2024"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            if (i >= 0) {
                rules[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        table.add(new String[] {
            "  (GET /rules/2024: token check and JSON only, ms)",
            String.format(Locale.ROOT, "%.2f", median(rules)),
            "",
            ""
        });
        // The claim's audit entry makes it a write: how much of its time is the commit's WAL flush?
        try (Connection c = Database.superuser();
                Statement st = c.createStatement()) {
            st.execute("alter system set synchronous_commit = off");
            st.execute("select pg_reload_conf()");
        }
        double[] relaxed = new double[CLAIM_SAMPLES];
        for (int i = -WARMUP; i < CLAIM_SAMPLES; i++) {
            long t0 = System.nanoTime();
            getClaim(LARGE, token);
            if (i >= 0) {
                relaxed[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        try (Connection c = Database.superuser();
                Statement st = c.createStatement()) {
            st.execute("alter system reset synchronous_commit");
            st.execute("select pg_reload_conf()");
        }
        table.add(new String[] {
            "  (the claim with synchronous_commit off, ms)", String.format(Locale.ROOT, "%.2f", median(relaxed)), "", ""
        });
    }

    /** Sum of seconds and count of claim requests so far, as the service's own metrics count them. */
    double[] serverClaimSeconds() throws Exception {
        String metrics = new String(
                http.send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body(),
                StandardCharsets.UTF_8);
        double sum = 0;
        double count = 0;
        for (String line : metrics.split("\n")) {
            if (line.contains("uri=\"/api/v1/municipalities/{code}/claims/{costYear}\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("http_server_requests_seconds_sum")) {
                    sum += value;
                } else if (line.startsWith("http_server_requests_seconds_count")) {
                    count += value;
                }
            }
        }
        return new double[] {sum, count};
    }

    double medianBoundQueryMillis() throws Exception {
        double[] raw = new double[CLAIM_SAMPLES];
        try (Connection c = Database.runtimeRole()) {
            c.setAutoCommit(false);
            try (PreparedStatement bind = c.prepareStatement("select set_config('app.municipality', ?, true)");
                    PreparedStatement s = c.prepareStatement(CLAIM_SQL)) {
                bind.setString(1, LARGE_ID);
                bind.execute();
                for (int i = -WARMUP; i < CLAIM_SAMPLES; i++) {
                    long t0 = System.nanoTime();
                    s.setString(1, LARGE_ID);
                    s.setInt(2, COST_YEAR);
                    int rows = 0;
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    assertEquals(LARGE_RECIPIENTS, rows);
                    if (i >= 0) {
                        raw[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            c.rollback();
        }
        return median(raw);
    }

    double medianQueryMillis(String sql, Integer year) throws Exception {
        double[] raw = new double[CLAIM_SAMPLES];
        try (Connection c = Database.superuser();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = -WARMUP; i < CLAIM_SAMPLES; i++) {
                long t0 = System.nanoTime();
                s.setString(1, LARGE_ID);
                if (year != null) {
                    s.setInt(2, year);
                } else {
                    s.setObject(2, java.time.LocalDate.of(COST_YEAR, 1, 1));
                    s.setObject(3, java.time.LocalDate.of(COST_YEAR + 1, 1, 1));
                }
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                assertEquals(LARGE_RECIPIENTS, rows);
                if (i >= 0) {
                    raw[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        return median(raw);
    }

    /**
     * All 356 claims for 2023 through HTTP against one SQL query for all: once one after another,
     * once as a client would fetch them, four at a time.
     */
    void allClaimsThroughHttpAgainstOneSql() throws Exception {
        List<String[]> callers = new ArrayList<>();
        for (int n = 1; n <= MUNICIPALITIES; n++) {
            String code = TestIdentityProviders.syntheticCode(n);
            callers.add(new String[] {code, Tokens.viewer(code)});
        }
        callers.forEach(caller -> getClaim(caller[0], caller[1])); // first use of each OIDC tenant
        String allSql = CLAIM_SQL
                .replace("where t.municipality_id = ? and", "where t.municipality_id like 'synthetic-%' and")
                .replace("select r.ref,", "select t.municipality_id, r.ref,")
                .replace("order by r.ref", "order by t.municipality_id, r.ref")
                .replace("t.year = ?", "t.year = " + COST_YEAR);
        long expected = count("select count(*) from recipient where created_by = 'bench'");
        double[] sequential = new double[RUNS];
        double[] parallel = new double[RUNS];
        double[] raw = new double[RUNS];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                callers.forEach(caller -> getClaim(caller[0], caller[1]));
                sequential[run] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                callers.forEach(caller -> futures.add(pool.submit(() -> getClaim(caller[0], caller[1]))));
                for (Future<?> f : futures) {
                    f.get();
                }
                parallel[run] = (System.nanoTime() - t1) / 1e6;
                try (Connection c = Database.superuser();
                        Statement s = c.createStatement()) {
                    long t2 = System.nanoTime();
                    int rows = 0;
                    try (ResultSet rs = s.executeQuery(allSql)) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    raw[run] = (System.nanoTime() - t2) / 1e6;
                    assertEquals(expected, rows, "every bench recipient appears once");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        table.add(new String[] {
            "all " + MUNICIPALITIES + " claims, 4 at a time (ms; target <= 2)",
            String.format(Locale.ROOT, "%.0f", median(parallel)),
            String.format(Locale.ROOT, "%.0f", median(raw)),
            String.format(Locale.ROOT, "%.2f", median(parallel) / median(raw))
        });
        table.add(new String[] {
            "all " + MUNICIPALITIES + " claims, one after another (ms)",
            String.format(Locale.ROOT, "%.0f", median(sequential)),
            String.format(Locale.ROOT, "%.0f", median(raw)),
            String.format(Locale.ROOT, "%.2f", median(sequential) / median(raw))
        });
    }

    static long count(String sql) throws Exception {
        return Database.count(sql);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
