package no.samkost.planning;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The future-needs register's CSV import: every row an entry with its first conversation, all rows
 * or none, bad rows named by row and column. Re's register; every ref starts with "X" so that the
 * entries sort after the ones NeedApiTest looks for on the first page of Re's list.
 */
@QuarkusTest
class NeedImportTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final String HEADER = "ref,birth_year,user_group,status,held_on,expected_move_out_year,housing_form,"
            + "base_level,hours_per_week_min,hours_per_week_max";

    static ValidatableResponse upload(String token, String code, byte[] csv, String key) {
        var request = given().auth()
                .oauth2(token)
                .contentType("text/csv; charset=UTF-8")
                .body(csv);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/municipalities/{code}/needs/import", code).then();
    }

    static ValidatableResponse upload(String csv, String key) {
        return upload(Tokens.coordinator(RE), RE, csv.getBytes(StandardCharsets.UTF_8), key);
    }

    static String ref() {
        return Api.uniqueRef("XIMP");
    }

    /** {@code rows} good rows with fresh refs; the refs in order. */
    static List<String> goodRows(int rows, List<String> refs) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            String ref = ref();
            refs.add(ref);
            lines.add(ref + "," + (2008 + i % 5) + ",INTELLECTUAL_DISABILITY,ACTIVE,2026-0" + (1 + i % 9) + "-15,"
                    + (2027 + i % 5) + "," + (1 + i % 5) + ",BASIS,5.5,12");
        }
        return lines;
    }

    static JsonPath need(String ref) {
        return NeedApiTest.need(ref);
    }

    static long entries(List<String> refs) throws Exception {
        return Database.count("select count(*) from need where ref = any (?::text[])", array(refs));
    }

    static String array(List<String> refs) {
        return "{" + String.join(",", refs) + "}";
    }

    /**
     * Three rows, worked out by hand:
     *
     * <pre>
     * row 1  every answer: move-out 2029, form 3, UTVIDET, 10 to 15.5 hours -> min 10.0, max 15.5
     * row 2  the family did not know: status empty -> ACTIVE; move-out, form, level, hours all null
     * row 3  padded with spaces (a spreadsheet's), DECLINED, one bound only (7.5 as min) -> 7.5 to 7.5
     * </pre>
     *
     * Each entry has exactly one conversation, on its held_on day, with the same answers; version 0.
     */
    /** A register is hundreds of youths: a file past 20 000 rows is refused at the first row past them. */
    @Test
    void aFileOfMoreThanTwentyThousandRowsIsRefusedAndWritesNothing() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        String prefix = "XBIG-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 1; i <= 20_001; i++) {
            csv.append(prefix).append(i).append(",2011,SOMATIC,,2026-03-12,,,,,\n");
        }
        Map<String, String> before = Database.fingerprint();
        upload(Tokens.coordinator(RE), RE, csv.toString().getBytes(StandardCharsets.UTF_8), null)
                .spec(problem(413, "payload-too-large"))
                .body("errors[0].row", equalTo(20_001));
        assertEquals(before, Database.fingerprint());
    }

    /** JSON sent to an import is told to send CSV (it once said "send application/json"). */
    @Test
    void jsonSentToAnImportIsToldToSendCsv() {
        for (String path :
                List.of("/api/v1/municipalities/{code}/needs/import", "/api/v1/municipalities/{code}/costs/import")) {
            given().auth()
                    .oauth2(Tokens.coordinator(RE))
                    .contentType("application/json")
                    .body("{}")
                    .post(path, RE)
                    .then()
                    .spec(problem(415, "unsupported-media-type"))
                    .body("detail", equalTo("send text/csv"));
        }
    }

    @Test
    void aGoodFileEntersEveryYouthWithTheFirstConversation() throws Exception {
        String a = ref();
        String b = ref();
        String c = ref();
        String csv = HEADER + "\n"
                + a + ",2011,INTELLECTUAL_DISABILITY,ACTIVE,2026-03-12,2029,3,UTVIDET,10,15.5\n"
                + b + ",2010,SOMATIC,,2025-11-02,,,,,\n"
                + " " + c + " , 2012 ,OTHER, DECLINED ,2024-09-30,2030,1,PLUSS,7.5,\n";
        upload(csv, null).statusCode(200).body("imported", equalTo(3));

        JsonPath first = need(a);
        assertEquals(2011, first.getInt("birthYear"));
        assertEquals("INTELLECTUAL_DISABILITY", first.getString("userGroup"));
        assertEquals("ACTIVE", first.getString("status"));
        assertEquals(2029, first.getInt("expectedMoveOutYear"));
        assertEquals(3, first.getInt("housingForm"));
        assertEquals("UTVIDET", first.getString("baseLevel"));
        assertEquals(new BigDecimal("10.0"), first.get("hoursPerWeekMin"));
        assertEquals(new BigDecimal("15.5"), first.get("hoursPerWeekMax"));
        assertEquals("2026-03-12", first.getString("lastConversationOn"));
        assertEquals(0, first.getInt("version"));

        JsonPath second = need(b);
        assertEquals("ACTIVE", second.getString("status"));
        assertNull(second.get("expectedMoveOutYear"));
        assertNull(second.get("housingForm"));
        assertNull(second.get("baseLevel"));
        assertNull(second.get("hoursPerWeekMin"));
        assertNull(second.get("hoursPerWeekMax"));
        assertEquals("2025-11-02", second.getString("lastConversationOn"));

        JsonPath third = need(c);
        assertEquals(2012, third.getInt("birthYear"));
        assertEquals("DECLINED", third.getString("status"));
        assertEquals(new BigDecimal("7.5"), third.get("hoursPerWeekMin"));
        assertEquals(new BigDecimal("7.5"), third.get("hoursPerWeekMax"));

        JsonPath talks = given().auth()
                .oauth2(Tokens.viewer(RE))
                .get("/api/v1/municipalities/{code}/needs/{ref}/conversations", RE, a)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(List.of("2026-03-12"), talks.getList("heldOn"));
        assertEquals(new BigDecimal("10.0"), talks.get("[0].hoursPerWeekMin"));
        assertEquals("UTVIDET", talks.getString("[0].baseLevel"));
    }

    @Test
    void twoThousandGoodRowsMakeTwoThousandEntriesAndOneAuditEntry() throws Exception {
        List<String> refs = new ArrayList<>();
        String csv = HEADER + "\n" + String.join("\n", goodRows(2_000, refs)) + "\n";
        String importId = upload(csv, null)
                .statusCode(200)
                .body("imported", equalTo(2000))
                .extract()
                .path("importId");
        assertEquals(2000, entries(refs));
        assertEquals(
                2000,
                Database.count(
                        "select count(*) from need_conversation c join need n on n.id = c.need_id"
                                + " where n.ref = any (?::text[])",
                        array(refs)),
                "each entry with its one conversation");
        assertEquals(
                1,
                Database.count(
                        "select count(*) from audit_entry where municipality_id = 're' and action = 'need.import'"
                                + " and resource = ?",
                        "2000 entries, import " + importId));
    }

    /**
     * 10 000 rows, three bad: row 17 housing form 6 (1-5), row 5000 a ref already in the register,
     * row 9999 a day that does not exist. One problem names the three by row and column.
     */
    @Test
    void tenThousandRowsWithThreeBadAreRejectedWholeNamingEachRowAndColumn() throws Exception {
        String existing = ref();
        Api.need(RE, existing);
        List<String> lines = goodRows(10_000, new ArrayList<>());
        // lines.get(n - 1) is data row n
        lines.set(16, ref() + ",2011,SOMATIC,ACTIVE,2026-03-12,2029,6,UTVIDET,10,15.5");
        lines.set(4999, existing + ",2011,SOMATIC,ACTIVE,2026-03-12,2029,3,UTVIDET,10,15.5");
        lines.set(9998, ref() + ",2011,SOMATIC,ACTIVE,2026-02-30,2029,3,UTVIDET,10,15.5");
        Map<String, String> before = Database.fingerprint();
        upload(HEADER + "\n" + String.join("\n", lines) + "\n", null)
                .spec(problem(422, "import-rejected"))
                .body("errors", hasSize(3))
                .body("errors.row", equalTo(List.of(17, 5000, 9999)))
                .body("errors.field", equalTo(List.of("housing_form", "ref", "held_on")))
                .body("errors[0].message", containsString("housing_form: must be less than or equal to 5"))
                .body("errors[1].message", containsString("already in the register"))
                .body("errors[2].message", containsString("YYYY-MM-DD"))
                .body("detail", containsString("3 of 10000 rows"));
        assertEquals(before, Database.fingerprint(), "nothing may be written");
    }

    @Test
    void aRefTwiceInTheFileNamesTheLaterRow() throws Exception {
        String twice = ref();
        String csv = HEADER + "\n"
                + twice + ",2011,SOMATIC,,2026-03-12,,,,,\n"
                + ref() + ",2011,SOMATIC,,2026-03-12,,,,,\n"
                + twice + ",2012,OTHER,,2026-03-13,,,,,\n";
        Map<String, String> before = Database.fingerprint();
        upload(csv, null)
                .spec(problem(422, "import-rejected"))
                .body("errors.row", equalTo(List.of(3)))
                .body("errors[0].field", equalTo("ref"))
                .body("errors[0].message", equalTo("ref: '" + twice + "' is also in row 1"));
        assertEquals(before, Database.fingerprint());
    }

    /** The rules of the JSON API, row by row: a future day, hours the wrong way round, a linked status. */
    @Test
    void aRowIsRefusedAsTheApiWouldRefuseItsEntryOrConversation() throws Exception {
        String csv = HEADER + "\n"
                + ref() + ",2011,SOMATIC,,2099-01-01,,,,,\n"
                + ref() + ",2011,SOMATIC,,2026-03-12,,,,20,10\n"
                + ref() + ",2011,SOMATIC,BECAME_RECIPIENT,2026-03-12,,,,,\n"
                + "12345678901,2011,SOMATIC,,2026-03-12,,,,,\n"
                + ref() + ",1899,SOMATIC,,2026-03-12,1999,0,,,168.1\n";
        Map<String, String> before = Database.fingerprint();
        upload(csv, null)
                .spec(problem(422, "import-rejected"))
                .body("errors.row", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("errors[0].message", equalTo("held_on: a conversation cannot be held in the future"))
                .body("errors[1].message", equalTo("hours_per_week_min: must not be above hours_per_week_max"))
                .body("errors[2].field", equalTo("status"))
                .body("errors[3].message", containsString("national identity number"))
                // several bad columns: no one field, the message names each in the header's order
                .body("errors[4].field", equalTo(null))
                .body(
                        "errors[4].message",
                        containsString("birth_year: must be a year from 1900 to the current year; "
                                + "expected_move_out_year:"))
                .body("errors[4].message", containsString("housing_form:"))
                .body("errors[4].message", containsString("hours_per_week_max:"));
        assertEquals(before, Database.fingerprint());
    }

    @Test
    void aHeaderWithAnUnknownOrMissingColumnIsRefused() throws Exception {
        Map<String, String> before = Database.fingerprint();
        for (String header : List.of(HEADER + ",note", HEADER.replace("status,", ""), HEADER.replace("ref,", "id,"))) {
            upload(header + "\n" + ref() + ",2011,SOMATIC,,2026-03-12,,,,,\n", null)
                    .spec(problem(422, "import-rejected"))
                    .body("errors[0].field", equalTo("header"))
                    .body("errors[0].message", equalTo("expected " + HEADER));
        }
        // A row with a column too many under the right header is that row's error.
        upload(HEADER + "\n" + ref() + ",2011,SOMATIC,,2026-03-12,,,,,,note\n", null)
                .spec(problem(422, "import-rejected"))
                .body("errors.row", equalTo(List.of(1)))
                .body("errors[0].message", containsString("expected 10 columns"));
        assertEquals(before, Database.fingerprint());
    }

    /** A spreadsheet's export: a byte order mark, CRLF line ends, a quoted cell; as plain a file. */
    @Test
    void aByteOrderMarkAndCrlfAreRead() {
        String a = ref();
        String b = ref();
        String csv = "\uFEFF" + HEADER + "\r\n"
                + a + ",2011,SOMATIC,ACTIVE,2026-03-12,2029,2,BASIS,4,\"6.5\"\r\n"
                + b + ",2010,OTHER,,2025-11-02,,,,,\r\n";
        upload(csv, null).statusCode(200).body("imported", equalTo(2));
        JsonPath first = need(a);
        assertEquals(new BigDecimal("4.0"), first.get("hoursPerWeekMin"));
        assertEquals(new BigDecimal("6.5"), first.get("hoursPerWeekMax"));
        assertNull(need(b).get("hoursPerWeekMax"));
    }

    @Test
    void anEmptyFileIsRefusedAndAHeaderAloneImportsNothing() throws Exception {
        Map<String, String> before = Database.fingerprint();
        upload("", null).spec(problem(422, "import-rejected")).body("errors[0].field", equalTo("header"));
        assertEquals(before, Database.fingerprint());
        upload(HEADER + "\n", null).statusCode(200).body("imported", equalTo(0));
    }

    @Test
    void theSameFileTwiceWithOneKeyEntersItOnce() throws Exception {
        List<String> refs = new ArrayList<>();
        String csv = HEADER + "\n" + String.join("\n", goodRows(20, refs)) + "\n";
        String key = UUID.randomUUID().toString();
        String first = upload(csv, key).statusCode(200).extract().path("importId");
        upload(csv, key).statusCode(200).body("imported", equalTo(20)).body("importId", equalTo(first));
        assertEquals(20, entries(refs));
        upload(csv.replace("BASIS", "PLUSS"), key).spec(problem(422, "idempotency-key-reused"));
        assertEquals(20, entries(refs));
        // Without the key, the same file again is 20 refs already in the register.
        upload(csv, null).spec(problem(422, "import-rejected")).body("errors", hasSize(20));
    }

    @Test
    void aViewerOrAnAuditorMayNotImport() throws Exception {
        String csv = HEADER + "\n" + ref() + ",2011,SOMATIC,,2026-03-12,,,,,\n";
        Map<String, String> before = Database.fingerprint();
        for (String token : List.of(Tokens.viewer(RE), Tokens.auditor(RE))) {
            upload(token, RE, csv.getBytes(StandardCharsets.UTF_8), null).spec(problem(403, "forbidden"));
        }
        assertEquals(before, Database.fingerprint());
    }

    /** Hof's coordinator on Re's path: refused before the body is read, nothing written in either. */
    @Test
    void anotherMunicipalitysCoordinatorCannotImportIntoRe() throws Exception {
        String ref = ref();
        String csv = HEADER + "\n" + ref + ",2011,SOMATIC,,2026-03-12,,,,,\n";
        Map<String, String> before = Database.fingerprint();
        upload(Tokens.coordinator(HOF), RE, csv.getBytes(StandardCharsets.UTF_8), null)
                .spec(problem(403, "forbidden"));
        assertEquals(before, Database.fingerprint());
        assertEquals(0, Database.count("select count(*) from need where ref = ?", ref));
    }
}
