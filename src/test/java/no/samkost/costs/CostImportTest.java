package no.samkost.costs;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CostImportTest {

    static final String RE = "0716";
    static final String IMPORT = "/api/v1/municipalities/0716/costs/import";

    static ValidatableResponse upload(String csv, String key) {
        var request = given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("text/csv; charset=UTF-8")
                .body(csv);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(IMPORT).then();
    }

    static long linesOf(String ref) throws Exception {
        return Database.count(
                "select count(*) from cost_line c join recipient r on r.id = c.recipient_id where r.ref = ?", ref);
    }

    /** Every category a client may book, so a line summed into the wrong column shows. */
    static final List<String> CATEGORIES = List.of(
            "DIRECT_WAGES",
            "PURCHASED_SERVICES",
            "INDIRECT",
            "EARMARKED_GRANT",
            "HOST_MUNICIPALITY_GRANT",
            "USER_PAYMENT");

    /**
     * {@code rows} good rows for {@code ref}, 12 months a year, amounts 1.01, 2.02, ..., the
     * categories in turn.
     */
    static StringBuilder goodRows(String ref, int rows) {
        StringBuilder csv = new StringBuilder(CostImport.HEADER).append("\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(ref)
                    .append(',')
                    .append(2000 + (i / 12) % 20)
                    .append('-')
                    .append(String.format("%02d", i % 12 + 1))
                    .append(',')
                    .append(CATEGORIES.get(i % CATEGORIES.size()))
                    .append(',')
                    .append(i)
                    .append('.')
                    .append(String.format("%02d", i % 100))
                    .append(",\n");
        }
        return csv;
    }

    @Test
    void tenThousandGoodRowsAndThreeBadOnesAreRejectedWholeNamingTheRows() throws Exception {
        String ref = Api.uniqueRef("IMP");
        Api.recipient(RE, ref, 1990, false);
        List<String> lines =
                new ArrayList<>(List.of(goodRows(ref, 10_000).toString().split("\n")));
        // data rows are 1-based: lines.get(n) is data row n
        lines.set(17, ref + ",2023-13,DIRECT_WAGES,100.00,");
        lines.set(5000, "NOBODY-" + ref + ",2023-01,DIRECT_WAGES,100.00,");
        lines.set(9999, ref + ",2023-01,DIRECT_WAGES,12.345,");
        Map<String, String> before = Database.fingerprint();
        upload(String.join("\n", lines) + "\n", null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:samkost:problem:import-rejected"))
                .body("errors", hasSize(3))
                .body("errors.row", equalTo(List.of(17, 5000, 9999)))
                .body("errors[0].message", containsString("period"))
                .body("errors[1].message", containsString("no recipient"))
                .body("errors[2].message", containsString("amount"))
                .body("detail", containsString("3 of 10000 rows"));
        assertEquals(before, Database.fingerprint(), "nothing may be written");
    }

    @Test
    void goodRowsAreAllImported() throws Exception {
        String ref = Api.uniqueRef("IMP");
        Api.recipient(RE, ref, 1990, false);
        upload(goodRows(ref, 2_000).toString(), null).statusCode(200).body("imported", equalTo(2000));
        assertEquals(2000, linesOf(ref));
        assertTotalsMatchLines(ref);
        assertEquals(
                1,
                Database.count(
                        "select count(distinct import_id) from cost_line c"
                                + " join recipient r on r.id = c.recipient_id where r.ref = ?",
                        ref),
                "one import id for all");
    }

    @Test
    void theSameImportTwiceWithOneKeyWritesOneSetOfRows() throws Exception {
        String ref = Api.uniqueRef("IMP");
        Api.recipient(RE, ref, 1990, false);
        String csv = goodRows(ref, 50).toString();
        String key = UUID.randomUUID().toString();
        String first = upload(csv, key).statusCode(200).extract().path("importId");
        upload(csv, key).statusCode(200).body("imported", equalTo(50)).body("importId", equalTo(first));
        assertEquals(50, linesOf(ref));
        upload(csv.replace("1.01", "1.02"), key)
                .statusCode(422)
                .body("type", equalTo("urn:samkost:problem:idempotency-key-reused"));
        assertEquals(50, linesOf(ref));
    }

    @Test
    void concurrentImportsIntoOneMunicipalityLoseNothing() throws Exception {
        String ref = Api.uniqueRef("IMP");
        Api.recipient(RE, ref, 1990, false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> imports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                imports.add(pool.submit(() -> upload(goodRows(ref, 500).toString(), null)
                        .statusCode(200)
                        .extract()
                        .<Integer>path("imported")));
            }
            for (Future<Integer> imported : imports) {
                assertEquals(500, imported.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2000, linesOf(ref));
        assertTotalsMatchLines(ref);
    }

    /** Which column of {@code cost_year_total} each category's lines add up in (V3's rule, restated). */
    static final Map<String, String> COLUMN = Map.of(
            "DIRECT_WAGES", "direct_wage_costs",
            "PURCHASED_SERVICES", "direct_wage_costs",
            "JOINT_SERVICE", "direct_wage_costs",
            "EARMARKED_GRANT", "earmarked_grants",
            "HOST_MUNICIPALITY_GRANT", "host_municipality_grant",
            "USER_PAYMENT", "user_payments",
            "INDIRECT", "indirect_costs");

    /**
     * The yearly totals the claim reads must always equal the ledger's lines: per year, column by
     * column (a line added into the wrong column must show), and the line count.
     */
    static void assertTotalsMatchLines(String ref) throws Exception {
        String join =
                " join recipient r on r.municipality_id = x.municipality_id and r.id = x.recipient_id where r.ref = ?";
        Map<String, BigDecimal> fromLines = new TreeMap<>();
        long lines = 0;
        try (Connection c = Database.superuser();
                PreparedStatement q = c.prepareStatement(
                        "select extract(year from x.period)::integer, x.category, sum(x.amount), count(*)"
                                + " from cost_line x" + join + " group by 1, 2")) {
            q.setString(1, ref);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    for (String column : new TreeSet<>(COLUMN.values())) {
                        fromLines.putIfAbsent(rs.getInt(1) + " " + column, new BigDecimal("0.00"));
                    }
                    fromLines.merge(
                            rs.getInt(1) + " " + COLUMN.get(rs.getString(2)), rs.getBigDecimal(3), BigDecimal::add);
                    lines += rs.getLong(4);
                }
            }
        }
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (Connection c = Database.superuser();
                PreparedStatement q = c.prepareStatement("select * from cost_year_total x" + join)) {
            q.setString(1, ref);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    for (String column : new TreeSet<>(COLUMN.values())) {
                        totals.put(rs.getInt("year") + " " + column, rs.getBigDecimal(column));
                    }
                }
            }
        }
        assertTrue(!fromLines.isEmpty(), "no lines for " + ref);
        Map<String, String> differences = new TreeMap<>();
        for (String key : new TreeSet<>(fromLines.keySet())) {
            if (!fromLines.get(key).equals(totals.get(key))) {
                differences.put(key, "lines " + fromLines.get(key) + ", cost_year_total " + totals.get(key));
            }
        }
        totals.keySet().stream()
                .filter(key -> !fromLines.containsKey(key))
                .forEach(key -> differences.put(key, "no lines, cost_year_total " + totals.get(key)));
        assertEquals(Map.of(), differences, "per year and column: the lines against cost_year_total");
        assertEquals(lines, Database.count("select coalesce(sum(lines), 0) from cost_year_total x" + join, ref));
    }

    @Test
    void quotedNotesCorrectionsAndCrlfAreRead() throws Exception {
        String ref = Api.uniqueRef("IMP");
        Api.recipient(RE, ref, 1990, false);
        String csv = "\uFEFF" + CostImport.HEADER + "\r\n"
                + ref + ",2023-01,DIRECT_WAGES,1000.00,\r\n"
                + ref + ",2023-01,DIRECT_WAGES,-100.00,\"wrong rate, fixed \"\"again\"\"\"\r\n"
                + ref + ",2023-02,USER_PAYMENT,50\r\n";
        upload(csv, null).statusCode(200).body("imported", equalTo(3));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .queryParam("recipient", ref)
                .get("/api/v1/municipalities/0716/costs")
                .then()
                .statusCode(200)
                .body("items.note", hasItem("wrong rate, fixed \"again\""));
        assertTotalsMatchLines(ref);
    }

    @Test
    void badRowsOfEveryKindAreNamed() throws Exception {
        String ref = Api.uniqueRef("IMP");
        Api.recipient(RE, ref, 1990, false);
        String csv = CostImport.HEADER + "\n"
                + ref + ",2023-01,JOINT_SERVICE,10.00,\n"
                + ref + ",2023-01,DIRECT_WAGES\n"
                + ref + ",2023-01,DIRECT_WAGES,-10.00,\n"
                + ref + ",2023-01,SALARY,10.00,\n"
                + ref + ",2023-01,DIRECT_WAGES,99999999999,\n"
                + ref + ",2023-01,DIRECT_WAGES,\"10.00\"x,\n";
        Map<String, String> before = Database.fingerprint();
        upload(csv, null)
                .spec(problem(422, "import-rejected"))
                .body("errors.row", equalTo(List.of(1, 2, 3, 4, 5, 6)))
                .body("errors[0].message", containsString("JOINT_SERVICE"))
                .body("errors[1].message", containsString("columns"))
                .body("errors[2].message", containsString("note"))
                .body("errors[3].message", containsString("category"))
                .body("errors[4].message", containsString("amount"));
        assertEquals(before, Database.fingerprint());
    }

    @Test
    void aWrongHeaderIsRefused() {
        upload("ref,month,kind,sum\nR-1,2023-01,DIRECT_WAGES,10\n", null)
                .spec(problem(422, "import-rejected"))
                .body("errors.field", hasItem("header"));
        upload("", null).spec(problem(422, "import-rejected"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        String ref = Api.uniqueRef("IMP");
        Api.recipient(RE, ref, 1990, false);
        byte[] latin1 = (CostImport.HEADER + "\n" + ref + ",2023-01,DIRECT_WAGES,-10.00,lønn rettet\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("text/csv; charset=UTF-8")
                .body(latin1)
                .post(IMPORT)
                .then()
                .spec(problem(422, "import-rejected"))
                .body("detail", containsString("UTF-8"));
        assertEquals(0, linesOf(ref));
    }
}
