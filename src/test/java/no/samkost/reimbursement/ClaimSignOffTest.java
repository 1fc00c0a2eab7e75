package no.samkost.reimbursement;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The claim's sign-off through the API: the coordinator submits (snapshot, hash, the cost year
 * closed), the auditor attests or returns it, the coordinator reopens before attestation; a closed
 * year takes no ledger line by hand, by import or by a cooperation's attribution. Each test uses its
 * own cost year and opens it again at the end, so no other test finds a year closed.
 *
 * <p>Rules of grant year 2021 (costs of 2020): threshold 1 430 000, rate 0.80, no ID deduction for
 * a recipient without an intellectual disability. Recipient born 1990: costs 2 000 000, user
 * payments 10 000: basis 2 000 000 - 10 000 - 1 430 000 = 560 000.00, grant 448 000.00. After
 * 100 000 more direct wages: basis 660 000.00, grant 528 000.00.
 */
@QuarkusTest
class ClaimSignOffTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final String HOST = "0702";
    static final ObjectMapper JSON = new ObjectMapper();

    static String path(String code, int costYear, String rest) {
        return "/api/v1/municipalities/" + code + "/claims/" + costYear + rest;
    }

    static ValidatableResponse step(String token, String code, int costYear, String step, String body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post(path(code, costYear, "/submission" + step)).then();
    }

    static ValidatableResponse submit(String code, int costYear) {
        return step(Tokens.coordinator(code), code, costYear, "", null);
    }

    static JsonPath claim(String token, String code, int costYear, boolean live) {
        return given().auth()
                .oauth2(token)
                .queryParam("live", live)
                .get(path(code, costYear, ""))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    static ValidatableResponse addCost(String code, String ref, String period, String amount) {
        return given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"recipientRef\":\"" + ref + "\",\"period\":\"" + period
                        + "\",\"category\":\"DIRECT_WAGES\",\"amount\":" + amount + "}")
                .post("/api/v1/municipalities/{code}/costs", code)
                .then();
    }

    /** The stored snapshots of a municipality-year, by number: text and hash as the database holds them. */
    static Map<Integer, String[]> storedSnapshots(String municipalityId, int costYear) throws Exception {
        Map<Integer, String[]> snapshots = new java.util.TreeMap<>();
        try (Connection c = Database.superuser();
                PreparedStatement s = c.prepareStatement("select number, snapshot, snapshot_sha256 from"
                        + " claim_submission where municipality_id = ? and cost_year = ?")) {
            s.setString(1, municipalityId);
            s.setInt(2, costYear);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    snapshots.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return snapshots;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Canonical: no whitespace outside strings, every object's keys in sorted order. */
    static void assertCanonical(String text) throws Exception {
        String outsideStrings = text.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        assertTrue(!outsideStrings.matches("(?s).*\\s.*"), "whitespace outside strings");
        assertSorted(JSON.readTree(text));
        assertTrue(!outsideStrings.matches("(?s).*\\d[eE][+-]?\\d.*"), "a number with an exponent");
    }

    static void assertSorted(JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            List<String> sorted = new ArrayList<>(keys);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, keys, "keys in order");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            assertSorted(children.next());
        }
    }

    static long auditEntries(String municipalityId, String actor, String action) throws Exception {
        return Database.count(
                "select count(*) from audit_entry where municipality_id = ? and actor = ? and action = ?",
                municipalityId,
                actor,
                action);
    }

    @Test
    void theWholeLifecycleWithSnapshotHashAndLiveDifferences() throws Exception {
        int year = 2020;
        String ref = Api.uniqueRef("SIGN");
        Api.recipient(RE, ref, 1990, false);
        Api.cost(RE, ref, "2020-01", "DIRECT_WAGES", "2000000.00", null);
        Api.cost(RE, ref, "2020-02", "USER_PAYMENT", "10000.00", null);
        try {
            JsonPath open = claim(Tokens.viewer(RE), RE, year, false);
            assertEquals("OPEN", open.getString("state"));
            assertEquals("LIVE", open.getString("figures"));
            assertTrue(!open.getMap("$").containsKey("submission"), "never submitted: no submission");

            // Wrong roles and wrong steps before anything was submitted.
            given().auth()
                    .oauth2(Tokens.viewer(RE))
                    .post(path(RE, year, "/submission"))
                    .then()
                    .spec(problem(403, "forbidden"));
            given().auth()
                    .oauth2(Tokens.auditor(RE))
                    .post(path(RE, year, "/submission"))
                    .then()
                    .spec(problem(403, "forbidden"));
            step(Tokens.auditor(RE), RE, year, "/attestation", "{}")
                    .spec(problem(409, "claim-state"))
                    .body("detail", containsString("OPEN"));
            step(Tokens.coordinator(RE), RE, year, "/reopening", "{\"reason\":\"x\"}")
                    .spec(problem(409, "claim-state"));

            // Submit, with a retry under the same key: one submission.
            String key = UUID.randomUUID().toString();
            String sha = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                String answered = given().auth()
                        .oauth2(Tokens.coordinator(RE))
                        .header("Idempotency-Key", key)
                        .post(path(RE, year, "/submission"))
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("SUBMITTED"))
                        .body("number", equalTo(1))
                        .body("costYear", equalTo(2020))
                        .body("grantYear", equalTo(2021))
                        .body("submittedBy", equalTo("user-0716"))
                        .body("snapshotSha256", matchesPattern("[0-9a-f]{64}"))
                        .extract()
                        .path("snapshotSha256");
                sha = sha == null ? answered : sha;
                assertEquals(sha, answered, "the retry answers as the first attempt");
            }
            Map<Integer, String[]> stored = storedSnapshots("re", year);
            assertEquals(List.of(1), List.copyOf(stored.keySet()));
            String snapshot = stored.get(1)[0];
            assertEquals(sha, stored.get(1)[1]);
            assertEquals(sha, sha256(snapshot), "sha256 of the stored canonical text is the hash");
            assertCanonical(snapshot);
            JsonNode frozen = JSON.readTree(snapshot);
            // The recipient's line, written out by hand in canonical form: keys sorted, money with 2 places.
            String expectedLine = "{\"basis\":560000.00,\"costs\":2000000.00,\"deductions\":{\"earmarkedGrants\":0.00,"
                    + "\"hostMunicipalityGrant\":0.00,\"intellectualDisability\":0.00,\"userPayments\":10000.00},"
                    + "\"eligible\":true,\"grant\":448000.00,\"reason\":null,\"ref\":\"" + ref + "\"}";
            assertTrue(snapshot.contains(expectedLine), snapshot);
            assertEquals(2021, frozen.get("rules").get("grantYear").asInt());
            assertTrue(frozen.get("rules").has("verified"), "the rules' verification is frozen with them");

            // Closed: a second submission and a line by hand are refused; nothing is written.
            submit(RE, year).spec(problem(409, "claim-state")).body("detail", containsString("SUBMITTED"));
            Map<String, String> before = Database.fingerprint();
            addCost(RE, ref, "2020-03", "100000.00")
                    .spec(problem(409, "year-closed"))
                    .body("detail", containsString("2020"));
            assertEquals(before, Database.fingerprint());

            // The claim is the snapshot now, with who signed when.
            JsonPath submitted = claim(Tokens.auditor(RE), RE, year, false);
            assertEquals("SUBMITTED", submitted.getString("state"));
            assertEquals("SNAPSHOT", submitted.getString("figures"));
            assertEquals(sha, submitted.getString("submission.snapshotSha256"));
            assertEquals("user-0716", submitted.getString("submission.submittedBy"));
            String csv = given().auth()
                    .oauth2(Tokens.auditor(RE))
                    .accept("text/csv")
                    .get(path(RE, year, ""))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String[] csvLines = csv.split("\r\n");
            assertEquals("snapshotSha256," + sha, csvLines[csvLines.length - 1]);
            assertTrue(csv.contains("," + ref + ",true,,2000000.00,"), csv);

            // Only the auditor attests, and not the person who signed; another municipality's auditor is walled out.
            step(Tokens.coordinator(RE), RE, year, "/attestation", "{}").spec(problem(403, "forbidden"));
            step(Tokens.token(RE, "auditor"), RE, year, "/attestation", "{}").spec(problem(403, "forbidden"));
            step(Tokens.auditor(HOF), RE, year, "/attestation", "{}").spec(problem(403, "forbidden"));
            step(Tokens.auditor(RE), RE, year, "/attestation", "{\"remark\":\"" + "x".repeat(2001) + "\"}")
                    .spec(problem(400, "validation"))
                    .body("errors.field", hasItem("remark"));
            step(Tokens.auditor(RE), RE, year, "/attestation", "{\"remark\":\"checked against the payroll\"}")
                    .statusCode(200)
                    .body("state", equalTo("ATTESTED"))
                    .body("attestedBy", equalTo("auditor-0716"))
                    .body("attestationRemark", equalTo("checked against the payroll"));
            JsonPath attested = claim(Tokens.viewer(RE), RE, year, false);
            assertEquals("ATTESTED", attested.getString("state"));
            assertEquals("checked against the payroll", attested.getString("submission.attestationRemark"));
            step(Tokens.auditor(RE), RE, year, "/attestation", "{}").spec(problem(409, "claim-state"));
            step(Tokens.coordinator(RE), RE, year, "/reopening", "{\"reason\":\"late payroll\"}")
                    .spec(problem(409, "claim-state"))
                    .body("detail", containsString("ATTESTED"));
            addCost(RE, ref, "2020-03", "100000.00").spec(problem(409, "year-closed"));

            // The auditor returns it with a reason: the year opens; the change shows line by line.
            step(Tokens.auditor(RE), RE, year, "/return", "{}")
                    .spec(problem(400, "validation"))
                    .body("errors.field", hasItem("reason"));
            step(Tokens.auditor(RE), RE, year, "/return", "{\"reason\":\"March wages are missing\"}")
                    .statusCode(200)
                    .body("state", equalTo("RETURNED"))
                    .body("returnedBy", equalTo("auditor-0716"))
                    .body("returnReason", equalTo("March wages are missing"));
            addCost(RE, ref, "2020-03", "100000.00").statusCode(201);
            JsonPath returned = claim(Tokens.viewer(RE), RE, year, false);
            assertEquals("RETURNED", returned.getString("state"));
            assertEquals("LIVE", returned.getString("figures"));
            assertEquals("March wages are missing", returned.getString("submission.returnReason"));
            assertEquals(null, (Object) returned.get("differences"));
            JsonPath live = claim(Tokens.auditor(RE), RE, year, true);
            assertEquals(1, live.getInt("differences.submissionNumber"));
            assertEquals(sha, live.getString("differences.snapshotSha256"));
            List<Map<String, Object>> mine = live.getList("differences.recipients.findAll { it.ref == '" + ref + "' }");
            Map<String, List<BigDecimal>> byField = new java.util.TreeMap<>();
            for (Map<String, Object> d : mine) {
                byField.put(
                        (String) d.get("field"),
                        List.of((BigDecimal) d.get("snapshot"), (BigDecimal) d.get("live"), (BigDecimal)
                                d.get("difference")));
            }
            assertEquals(
                    Map.of(
                            "costs",
                                    List.of(
                                            new BigDecimal("2000000.00"),
                                            new BigDecimal("2100000.00"),
                                            new BigDecimal("100000.00")),
                            "basis",
                                    List.of(
                                            new BigDecimal("560000.00"),
                                            new BigDecimal("660000.00"),
                                            new BigDecimal("100000.00")),
                            "grant",
                                    List.of(
                                            new BigDecimal("448000.00"),
                                            new BigDecimal("528000.00"),
                                            new BigDecimal("80000.00"))),
                    byField);
            assertEquals(
                    new BigDecimal("80000.00"), live.get("differences.totals.find { it.field == 'grant' }.difference"));
            assertEquals(
                    new BigDecimal("100000.00"),
                    live.get("differences.totals.find { it.field == 'costs' }.difference"));

            // Resubmitted: a new snapshot; the old one stays as it was.
            String second = submit(RE, year)
                    .statusCode(200)
                    .body("number", equalTo(2))
                    .extract()
                    .path("snapshotSha256");
            assertTrue(!second.equals(sha));
            Map<Integer, String[]> both = storedSnapshots("re", year);
            assertEquals(snapshot, both.get(1)[0], "the first snapshot is kept unchanged");
            assertEquals(second, sha256(both.get(2)[0]));
            given().auth()
                    .oauth2(Tokens.auditor(RE))
                    .get(path(RE, year, "/submissions"))
                    .then()
                    .statusCode(200)
                    .body("number", equalTo(List.of(2, 1)))
                    .body("state", equalTo(List.of("SUBMITTED", "RETURNED")))
                    .body("[1].snapshot", equalTo(snapshot))
                    .body("[0].snapshotSha256", equalTo(second));

            // The coordinator reopens before attestation: OPEN, and the year takes lines again.
            step(Tokens.coordinator(RE), RE, year, "/reopening", "{\"reason\":\"\"}")
                    .spec(problem(400, "validation"))
                    .body("errors.field", hasItem("reason"));
            step(Tokens.auditor(RE), RE, year, "/reopening", "{\"reason\":\"x\"}")
                    .spec(problem(403, "forbidden"));
            step(Tokens.coordinator(RE), RE, year, "/reopening", "{\"reason\":\"December payroll booked late\"}")
                    .statusCode(200)
                    .body("state", equalTo("OPEN"))
                    .body("reopenedBy", equalTo("user-0716"))
                    .body("reopenReason", equalTo("December payroll booked late"));
            assertEquals("OPEN", claim(Tokens.viewer(RE), RE, year, false).getString("state"));
            addCost(RE, ref, "2020-04", "1.00").statusCode(201);
            step(Tokens.auditor(RE), RE, year, "/return", "{\"reason\":\"x\"}").spec(problem(409, "claim-state"));

            // Every step is in the audit trail, as the auditor reads it.
            given().auth()
                    .oauth2(Tokens.auditor(RE))
                    .queryParam("size", 500)
                    .get("/api/v1/municipalities/{code}/audit", RE)
                    .then()
                    .statusCode(200)
                    .body("items.action", hasItems("claim.submit", "claim.attest", "claim.return", "claim.reopen"))
                    .body("items.find { it.action == 'claim.attest' }.actor", equalTo("auditor-0716"));
        } finally {
            openAgain(RE, year);
        }
    }

    /** Whatever a failed assertion left, the year is open again for the other tests. */
    static void openAgain(String code, int year) {
        String state = claim(Tokens.viewer(code), code, year, false).getString("state");
        if ("SUBMITTED".equals(state)) {
            step(Tokens.coordinator(code), code, year, "/reopening", "{\"reason\":\"test done\"}")
                    .statusCode(200);
        } else if ("ATTESTED".equals(state)) {
            step(Tokens.auditor(code), code, year, "/return", "{\"reason\":\"test done\"}")
                    .statusCode(200);
        }
    }

    /** live=yes once answered the snapshot as if it were the live claim: only true or false is a value. */
    @Test
    void liveIsTrueOrFalse() {
        for (String value : List.of("yes", "1", "TRUE", "")) {
            given().auth()
                    .oauth2(Tokens.auditor(RE))
                    .queryParam("live", value)
                    .get(path(RE, 2023, ""))
                    .then()
                    .spec(problem(400, "validation"))
                    .body("errors[0].field", equalTo("live"));
        }
    }

    /**
     * A recipient's birth year and intellectual disability decide its grant in every year it has
     * lines: once a year is closed they cannot change (the attack of 3 December 2026 raised an
     * attested claim by 665 600.00 this way); its user group, which no claim reads, still can.
     */
    @Test
    void aSubmittedYearsRecipientKeepsWhatItsGrantRestsOn() throws Exception {
        int year = 2009; // grant year 2010; no other test closes it
        String ref = Api.uniqueRef("SIGN");
        Api.recipient(RE, ref, 1990, true);
        addCost(RE, ref, year + "-02", "100000.00").statusCode(201);
        submit(RE, year).statusCode(200);
        try {
            Map<String, String> before = Database.fingerprint();
            for (String change : List.of(
                    "\"birthYear\":1991,\"intellectualDisability\":true",
                    "\"birthYear\":1990,\"intellectualDisability\":false")) {
                given().auth()
                        .oauth2(Tokens.coordinator(RE))
                        .contentType("application/json")
                        .body("{" + change + ",\"userGroup\":\"OTHER\",\"version\":0}")
                        .put("/api/v1/municipalities/{code}/recipients/{ref}", RE, ref)
                        .then()
                        .spec(problem(409, "year-closed"))
                        .body("detail", containsString("cost year " + year + " is closed"));
            }
            assertEquals(before, Database.fingerprint(), "the recipient is as it was");
            given().auth()
                    .oauth2(Tokens.coordinator(RE))
                    .contentType("application/json")
                    .body(
                            "{\"birthYear\":1990,\"intellectualDisability\":true,\"userGroup\":\"SOMATIC\",\"version\":0}")
                    .put("/api/v1/municipalities/{code}/recipients/{ref}", RE, ref)
                    .then()
                    .statusCode(200);
        } finally {
            openAgain(RE, year);
        }
        // Open again, the change goes through.
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .contentType("application/json")
                .body("{\"birthYear\":1991,\"intellectualDisability\":true,\"userGroup\":\"SOMATIC\",\"version\":1}")
                .put("/api/v1/municipalities/{code}/recipients/{ref}", RE, ref)
                .then()
                .statusCode(200);
    }

    @Test
    void anImportWithARowInAClosedYearWritesNothing() throws Exception {
        int year = 2008;
        String ref = Api.uniqueRef("SIGN");
        Api.recipient(RE, ref, 1990, false);
        submit(RE, year).statusCode(200);
        try {
            Map<String, String> before = Database.fingerprint();
            String csv = "recipient_ref,period,category,amount,note\n" + ref + ",2009-01,DIRECT_WAGES,100.00,\n" + ref
                    + ",2008-05,DIRECT_WAGES,100.00,\n";
            given().auth()
                    .oauth2(Tokens.coordinator(RE))
                    .contentType("text/csv")
                    .body(csv)
                    .post("/api/v1/municipalities/{code}/costs/import", RE)
                    .then()
                    .spec(problem(409, "year-closed"))
                    .body("errors.row", equalTo(List.of(2)))
                    .body("errors[0].message", containsString("cost year 2008 is closed"));
            // With another bad row too: one 422 listing both, the closed row as closed.
            given().auth()
                    .oauth2(Tokens.coordinator(RE))
                    .contentType("text/csv")
                    .body(csv + "NOBODY-" + ref + ",2009-02,DIRECT_WAGES,1.00,\n")
                    .post("/api/v1/municipalities/{code}/costs/import", RE)
                    .then()
                    .spec(problem(422, "import-rejected"))
                    .body("errors.row", equalTo(List.of(2, 3)))
                    .body("errors[0].message", containsString("closed"));
            assertEquals(before, Database.fingerprint());
        } finally {
            openAgain(RE, year);
        }
    }

    /**
     * A joint service's direct wages are attributed into the homes' ledgers; once Re has submitted
     * 2023, the host's wages for a month in which Re's recipient is placed would write into Re's
     * closed year: refused as a whole, with the year named, and nothing changes anywhere.
     */
    @Test
    void theHostsWagesCannotWriteIntoAHomesClosedYear() throws Exception {
        String service = given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"name\":\"" + Api.uniqueRef("SIGN") + "\",\"kind\":\"SHARED_HOME\",\"capacity\":4}")
                .post("/api/v1/cooperations/3k/services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String ref = Api.uniqueRef("SIGN");
        Api.recipient(RE, ref, 1990, true);
        placeInJointService(service, RE, ref, "2023-01-01");
        String hofs = Api.uniqueRef("SIGN");
        Api.recipient(HOF, hofs, 1991, true);
        String hofsPlacement = placeInJointService(service, HOF, hofs, "2023-01-01");
        given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"period\":\"2023-03\",\"category\":\"DIRECT_WAGES\",\"amount\":300000.00}")
                .post("/api/v1/cooperations/3k/services/{s}/costs", service)
                .then()
                .statusCode(201);
        submit(RE, 2023).statusCode(200);
        try {
            Map<String, String> before = Database.fingerprint();
            given().auth()
                    .oauth2(Tokens.coordinator(HOST))
                    .contentType("application/json")
                    .body("{\"period\":\"2023-04\",\"category\":\"DIRECT_WAGES\",\"amount\":310000.00}")
                    .post("/api/v1/cooperations/3k/services/{s}/costs", service)
                    .then()
                    .spec(problem(409, "year-closed"))
                    // The months are named, and to the host the home whose year is closed.
                    .body("detail", containsString("[2023-04]"))
                    .body("detail", containsString("of 0716"))
                    .body("errors[0].field", equalTo("period"));
            assertEquals(before, Database.fingerprint(), "nothing changed in any municipality");

            // Hof's usage changed by the host would re-split March between Hof and Re, whose March is
            // in its submitted claim: refused as a whole too, Hof's open year included.
            given().auth()
                    .oauth2(Tokens.coordinator(HOST))
                    .contentType("application/json")
                    .body("{\"usageHoursPerWeek\":35,\"version\":1}")
                    .put("/api/v1/cooperations/3k/services/{s}/placements/{p}/usage", service, hofsPlacement)
                    .then()
                    .spec(problem(409, "year-closed"))
                    .body("detail", containsString("[2023-03]"));
            assertEquals(before, Database.fingerprint(), "the usage stays, and no line changed");
        } finally {
            openAgain(RE, 2023);
        }
    }

    /**
     * Re's recipient placed in the host's service from {@code startsOn} (confirmed, version 1). The one place that knows how
     * a placement is made: when placements become a request the host confirms, only this changes.
     */
    private static String placeInJointService(String service, String home, String ref, String startsOn) {
        String placement = given().auth()
                .oauth2(Tokens.coordinator(home))
                .contentType("application/json")
                .body("{\"recipientRef\":\"" + ref + "\",\"startsOn\":\"" + startsOn + "\"}")
                .post("/api/v1/cooperations/3k/services/{s}/placements", service)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.coordinator(HOST))
                .contentType("application/json")
                .body("{\"usageHoursPerWeek\":20,\"version\":0}")
                .post("/api/v1/cooperations/3k/services/{s}/placements/{p}/confirmation", service, placement)
                .then()
                .statusCode(200);
        return placement;
    }

    /**
     * No line slips in between a submission's snapshot and the close: a submission holds the cost
     * year's lock from before it reads the claim until it commits (played here by a transaction of
     * the service's own role), a line written meanwhile waits for it, and then finds the year closed.
     */
    @Test
    void aLineWrittenWhileTheYearClosesWaitsAndIsRefused() throws Exception {
        String ref = Api.uniqueRef("SIGN");
        Api.recipient(RE, ref, 1990, false);
        try (Connection submission = Database.runtimeRole();
                java.sql.Statement s = submission.createStatement()) {
            submission.setAutoCommit(false);
            s.execute("select set_config('app.municipality', 're', true)");
            s.execute("select pg_advisory_xact_lock(hashtextextended('cost-year:re:2015', 0))");
            s.executeUpdate("insert into closed_cost_year (municipality_id, year, closed, changed_at, changed_by)"
                    + " values ('re', 2015, true, now(), 'race') on conflict (municipality_id, year)"
                    + " do update set closed = true");
            java.util.concurrent.CompletableFuture<io.restassured.response.Response> line =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth()
                            .oauth2(Tokens.coordinator(RE))
                            .contentType("application/json")
                            .body("{\"recipientRef\":\"" + ref
                                    + "\",\"period\":\"2015-03\",\"category\":\"DIRECT_WAGES\",\"amount\":1.00}")
                            .post("/api/v1/municipalities/{code}/costs", RE));
            Thread.sleep(1_500);
            assertTrue(!line.isDone(), "the line waits for the closing year's lock");
            submission.commit();
            line.get(30, java.util.concurrent.TimeUnit.SECONDS)
                    .then()
                    .spec(problem(409, "year-closed"))
                    .body("detail", containsString("2015"));
            assertEquals(
                    0,
                    Database.count(
                            "select count(*) from cost_line c join recipient r on r.id = c.recipient_id"
                                    + " where r.ref = ?",
                            ref));
        } finally {
            try (Connection c = Database.superuser();
                    java.sql.Statement s = c.createStatement()) {
                s.executeUpdate(
                        "update closed_cost_year set closed = false where municipality_id = 're' and year = 2015");
            }
        }
    }

    @Test
    void theAuditorReadsTheBasisAndTheTrailWritesNothingAndEveryReadIsRecorded() throws Exception {
        String ref = Api.uniqueRef("SIGN");
        Api.recipient(RE, ref, 1990, false);
        Api.cost(RE, ref, "2023-02", "DIRECT_WAGES", "5.00", null);
        String auditor = Tokens.auditor(RE);
        long readsBefore = auditEntries("re", "auditor-0716", "recipient.read")
                + auditEntries("re", "auditor-0716", "cost.list")
                + auditEntries("re", "auditor-0716", "claim.read");
        given().auth()
                .oauth2(auditor)
                .get("/api/v1/municipalities/{code}/recipients/{ref}", RE, ref)
                .then()
                .statusCode(200);
        List<BigDecimal> amounts = given().auth()
                .oauth2(auditor)
                .queryParam("recipient", ref)
                .get("/api/v1/municipalities/{code}/costs", RE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths())
                .getList("items.amount", BigDecimal.class);
        assertEquals(List.of(new BigDecimal("5.00")), amounts);
        claim(auditor, RE, 2023, true);
        assertEquals(
                readsBefore + 3,
                auditEntries("re", "auditor-0716", "recipient.read")
                        + auditEntries("re", "auditor-0716", "cost.list")
                        + auditEntries("re", "auditor-0716", "claim.read"));

        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        given().auth()
                .oauth2(auditor)
                .contentType("application/json")
                .body("{\"recipientRef\":\"" + ref
                        + "\",\"period\":\"2023-03\",\"category\":\"DIRECT_WAGES\",\"amount\":1.00}")
                .post("/api/v1/municipalities/{code}/costs", RE)
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(auditor)
                .contentType("application/json")
                .body("{\"ref\":\"" + Api.uniqueRef("SIGN") + "\",\"birthYear\":1990,\"intellectualDisability\":false,"
                        + "\"userGroup\":\"OTHER\"}")
                .post("/api/v1/municipalities/{code}/recipients", RE)
                .then()
                .spec(problem(403, "forbidden"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"));

        // The trail: filtered by actor exactly, by time, paged, newest first; reading it is recorded.
        JsonPath trail = given().auth()
                .oauth2(auditor)
                .queryParam("actor", "auditor-0716")
                .queryParam("from", "2000-01-01")
                .queryParam("to", "2100-12-31T00:00:00Z")
                .queryParam("size", 2)
                .get("/api/v1/municipalities/{code}/audit", RE)
                .then()
                .statusCode(200)
                .body("size", equalTo(2))
                .extract()
                .jsonPath();
        assertTrue(trail.getList("items.actor").stream().allMatch("auditor-0716"::equals));
        List<String> at = trail.getList("items.at");
        assertTrue(at.get(0).compareTo(at.get(1)) >= 0, "newest first: " + at);
        given().auth()
                .oauth2(auditor)
                .queryParam("actor", "auditor-071")
                .get("/api/v1/municipalities/{code}/audit", RE)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth()
                .oauth2(auditor)
                .queryParam("from", "2100-01-01")
                .get("/api/v1/municipalities/{code}/audit", RE)
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));
        assertTrue(auditEntries("re", "auditor-0716", "audit.read") >= 3);
    }

    @Test
    void theTrailsParametersAreCheckedAndOnlyTheAuditorReadsIt() {
        for (String[] bad : new String[][] {
            {"from", "yesterday"}, {"to", "2024-13-01"}, {"from", "2024-03-01T12:00"}, {"actor", "x".repeat(201)}
        }) {
            given().auth()
                    .oauth2(Tokens.auditor(RE))
                    .queryParam(bad[0], bad[1])
                    .get("/api/v1/municipalities/{code}/audit", RE)
                    .then()
                    .spec(problem(400, "validation"))
                    .body("errors.field", hasItem(bad[0]));
        }
        given().auth()
                .oauth2(Tokens.auditor(RE))
                .queryParam("from", "2024-03-02")
                .queryParam("to", "2024-03-01")
                .get("/api/v1/municipalities/{code}/audit", RE)
                .then()
                .spec(problem(400, "validation"))
                .body("errors.field", hasItem("to"));
        given().auth()
                .oauth2(Tokens.coordinator(RE))
                .get("/api/v1/municipalities/{code}/audit", RE)
                .then()
                .spec(problem(403, "forbidden"));
        given().auth()
                .oauth2(Tokens.auditor(HOF))
                .get("/api/v1/municipalities/{code}/audit", RE)
                .then()
                .spec(problem(403, "forbidden"));
    }

    @Test
    void aYearWithoutRulesOrWithOnlyProjectedOnesCannotBeSubmitted() {
        submit(RE, 2040)
                .spec(problem(404, "not-found"))
                .body("detail", containsString("grant year 2041"))
                .body("detail", containsString("costs of 2040"));
        given().auth().oauth2(Tokens.viewer(RE)).get(path(RE, 2040, "")).then().spec(problem(404, "not-found"));
        // Grant year 2031 has projected rules: the claim can be read. So has 2013, a year no source
        // gives: its claim can be read, not signed.
        given().auth().oauth2(Tokens.viewer(RE)).get(path(RE, 2030, "")).then().statusCode(200);
        String unsourced = Api.uniqueRef("PJ");
        Api.recipient(RE, unsourced, 1990, false);
        Api.cost(RE, unsourced, "2012-02", "DIRECT_WAGES", "3000000.00", null);
        submit(RE, 2012)
                .spec(problem(409, "rules-projected"))
                .body("detail", containsString("IS-4/2013"))
                .body("detail", containsString("threshold"));
        // Grant year 2023 has a sourced threshold and rate; only its deduction is projected (from
        // 2021): a claim is refused only for the values it relies on, here the deduction alone.
        String withId = Api.uniqueRef("PJ");
        Api.recipient(RE, withId, 1990, true);
        Api.cost(RE, withId, "2022-05", "DIRECT_WAGES", "3000000.00", null);
        submit(RE, 2022)
                .spec(problem(409, "rules-projected"))
                .body("detail", containsString("intellectualDisabilityDeduction"))
                .body("detail", org.hamcrest.Matchers.not(containsString("threshold")));
        assertEquals("SECONDARY", claim(Tokens.viewer(RE), RE, 2022, true).getString("rulesReliedOn.threshold"));
        // Grant year 2014 has no deduction from any source: a recipient it applies to has no known
        // grant, and a claim is not signed with it counted as nothing.
        String incomplete = Api.uniqueRef("PJ");
        Api.recipient(RE, incomplete, 1990, true);
        Api.cost(RE, incomplete, "2013-04", "DIRECT_WAGES", "3000000.00", null);
        submit(RE, 2013)
                .spec(problem(409, "rules-incomplete"))
                .body("detail", containsString("intellectualDisabilityDeduction"));
        given().auth()
                .oauth2(Tokens.viewer(RE))
                .get(path(RE, 2023, "/submissions"))
                .then()
                .statusCode(200);
        assertEquals(
                null, (Object) claim(Tokens.viewer(RE), RE, 2013, true).get("differences"), "no snapshot to compare");
    }
}
