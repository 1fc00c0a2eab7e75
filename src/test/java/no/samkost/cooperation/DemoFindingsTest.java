package no.samkost.cooperation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's findings 1 and 2 with the demo's figures (demo/DemoData: Re's DEMO-RE-1 and -2, Hof's
 * DEMO-HOF-1 and -2 and Holmestrand's DEMO-HOL-1 placed in a shared home in 2023; direct wages
 * 640 000.00 and shared costs 135 000.00 a month; the demo agreement, k = 3), rebuilt in the test
 * cooperation "demo" (no other test writes there), cost year 2023 under IS-4/2024.
 *
 * <pre>
 * Placement days in 2023 (computed by hand):
 *   Re   DEMO-RE-1  from 01-01, open    365
 *        DEMO-RE-2  from 05-15, open    17 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 231   Re 596
 *   Hof  DEMO-HOF-1 01-01 to 06-30      181
 *        DEMO-HOF-2 from 08-01, open    153                                          Hof 334
 *   Hol  DEMO-HOL-1 from 02-01, open    334                                          Hol 334
 *   in all 1 264 days; every month has somebody placed, so the year's wages 12 x 640 000
 *   = 7 680 000.00 are all attributed; shared costs 12 x 135 000 = 1 620 000.00
 * March 2023's weights: Re-1 31 x 25 = 775, Hof-1 31 x 30 = 930, Hol-1 31 x 35 = 1 085; 2 790
 * </pre>
 *
 * Before issue 9, Re's viewer read Holmestrand's expectedGrant 1 638 128.05 (one recipient: / 0.8
 * + 1 608 000 is that person's costs), and Hof's March line said "31 days x 30 h/week ... of the
 * month's direct wages 640000.00" (so 640 000 / its amount x 930 = 2 790, the others' care).
 */
@QuarkusTest
class DemoFindingsTest {

    static final String HOL = "0702";
    static final String HOF = "0714";
    static final String RE = "0716";
    static final BigDecimal HOLMESTRANDS_GRANT = new BigDecimal("1638128.05");
    static final String OPEN_YEAR = "another member's open year: entries that re-attribute a joint service's wages"
            + " move its grants, so they would show where each recipient crosses the threshold; shown once the"
            + " member has closed the year";

    /** The demo's recipients: home, ref prefix, born, ID, monthly wages, from month, monthly user payment. */
    static final Object[][] RECIPIENTS = {
        {RE, "DEMO-RE-1", 1988, true, "95000.00", 1, "3500.00", "2023-01-01", null, "25"},
        {RE, "DEMO-RE-2", 1995, false, "60000.00", 5, null, "2023-05-15", null, "15"},
        {HOF, "DEMO-HOF-1", 1992, true, "150000.00", 1, null, "2023-01-01", "2023-06-30", "30"},
        {HOF, "DEMO-HOF-2", 2001, true, "80000.00", 8, "2500.00", "2023-08-01", null, "20"},
        {HOL, "DEMO-HOL-1", 1980, false, "90000.00", 2, null, "2023-02-01", null, "35"}
    };

    static String service;
    static String hof1;
    static String re1;

    /** The demo's year, once for the class: every test below only reads it. */
    static synchronized void demo() {
        if (service != null) {
            return;
        }
        String[] refs = new String[RECIPIENTS.length];
        for (int i = 0; i < RECIPIENTS.length; i++) {
            Object[] r = RECIPIENTS[i];
            String code = (String) r[0];
            refs[i] = Api.uniqueRef((String) r[1]);
            Api.recipient(code, refs[i], (Integer) r[2], (Boolean) r[3]);
            for (int month = (Integer) r[5]; month <= 12; month++) {
                String period = String.format("2023-%02d", month);
                Api.cost(code, refs[i], period, "DIRECT_WAGES", (String) r[4], null);
                if (r[6] != null) {
                    Api.cost(code, refs[i], period, "USER_PAYMENT", (String) r[6], null);
                }
            }
        }
        String home = CooperationApiTest.createService("demo", "Bofellesskapet Solsiden (test)", 4);
        for (int i = 0; i < RECIPIENTS.length; i++) {
            Object[] r = RECIPIENTS[i];
            place(home, (String) r[0], refs[i], (String) r[7], (String) r[8], (String) r[9]);
        }
        for (int month = 1; month <= 12; month++) {
            String period = String.format("2023-%02d", month);
            CooperationApiTest.jointCost("demo", home, period, "DIRECT_WAGES", "640000.00", null);
            CooperationApiTest.jointCost("demo", home, period, "SHARED", "135000.00", null);
        }
        re1 = refs[0];
        hof1 = refs[2];
        service = home;
    }

    /** A home requests a place in a joint service of "demo", the host confirms it (the one way this class places). */
    private static String place(String service, String code, String ref, String from, String to, String usage) {
        return CooperationApiTest.placeUntil("demo", service, code, ref, from, to, usage);
    }

    static JsonPath read(String code, String what) {
        return given().auth()
                .oauth2(Tokens.viewer(code))
                .get("/api/v1/cooperations/demo/" + what + "/2023")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    static Map<String, Object> member(JsonPath answer, String code) {
        return answer.getMap("members.find { it.municipality == '" + code + "' }");
    }

    @Test
    void holmestrandSeesItsOwnGrantAsTheDemoShowedIt() {
        demo();
        // The finding's figure: Holmestrand's one placed recipient's expected grant, in full to itself.
        JsonPath own = read(HOL, "pooled");
        assertEquals(HOLMESTRANDS_GRANT, member(own, HOL).get("expectedGrant"));
        assertEquals(1, member(own, HOL).get("placedRecipients"));
    }

    @Test
    void reNoLongerSeesNorRecomputesHolmestrandsGrant() {
        demo();
        JsonPath pooled = read(RE, "pooled");
        JsonPath comparison = read(RE, "comparison");
        // Holmestrand (1 placed) and Hof (2 placed) rest on fewer than 3: every figure is null.
        for (String other : List.of(HOL, HOF)) {
            assertAllNull(
                    member(pooled, other),
                    "placedRecipients",
                    "placementDays",
                    "attributedCosts",
                    "sharedCostShare",
                    "expectedGrant",
                    "netCost");
            assertAllNull(
                    member(comparison, other),
                    "placedRecipients",
                    "pooledNetCost",
                    "standAloneCosts",
                    "standAloneExpectedGrant",
                    "standAloneNetCost",
                    "savingsFromCooperation");
        }
        // Re's own row in full, and the totals: the hidden rows together rest on 2 + 1 = 3.
        assertEquals(2, member(pooled, RE).get("placedRecipients"));
        assertEquals(596, member(pooled, RE).get("placementDays"));
        assertNotNull(member(pooled, RE).get("expectedGrant"));
        assertNotNull(member(comparison, RE).get("savingsFromCooperation"));
        assertEquals(5, pooled.getInt("totals.placedRecipients"));
        assertEquals(1264, pooled.getInt("totals.placementDays"));
        assertEquals(new BigDecimal("1620000.00"), pooled.get("totals.sharedCosts"));
        // Hof's and Holmestrand's 2023 is open: no total holds their grants (see OpenYears).
        assertNull(pooled.get("totals.netCost"));
        // Re is no host: the year's attributed wages (7 680 000.00 = 12 x 640 000.00) would give it,
        // with its own January line, January's total weight and so Holmestrand's and Hof's care.
        assertNull(pooled.get("totals.attributedCosts"));
        assertNull(pooled.get("totals.expectedGrant"));
        // Every hidden cell is named, for the same members in both answers.
        assertTrue(
                pooled.getList("suppressed")
                        .contains(Map.of(
                                "municipality",
                                HOL,
                                "field",
                                "expectedGrant",
                                "reason",
                                "rests on fewer than 3 placed recipients, or would let such a figure be worked out from the"
                                        + " totals")),
                pooled.getList("suppressed").toString());
        assertEquals(15, pooled.getList("suppressed").size(), "14, and the net cost's total in open years");
        assertTrue(pooled.getList("suppressed.field")
                .containsAll(List.of("totals.attributedCosts", "totals.expectedGrant")));
        assertEquals(
                new HashSet<>(java.util.Arrays.asList(HOL, HOF, null)),
                new HashSet<>(pooled.getList("suppressed.municipality")));
        assertEquals(Set.of(HOL, HOF), new HashSet<>(comparison.getList("suppressed.municipality")));
        assertEquals(12, comparison.getList("suppressed").size());

        // No shown figure, nor a sum or difference of up to three of them, is Holmestrand's grant:
        // the totals less Re's own row are Hof's and Holmestrand's together.
        List<BigDecimal> shown = new ArrayList<>();
        collect(pooled.get("members"), shown);
        collect(pooled.get("totals"), shown);
        collect(comparison.get("members"), shown);
        collect(comparison.get("standAlone"), shown);
        assertFalse(
                combinations(shown).contains(HOLMESTRANDS_GRANT.stripTrailingZeros()),
                "Holmestrand's grant can be worked out from " + shown);
        // The host sees the attributed total, but not the grants' while Re's and Hof's 2023 is open:
        // its own wage entries move their attributed wages, so stepping them and reading the total
        // would show where each of their recipients crosses the threshold (outside attack of 4
        // December 2026).
        JsonPath hosts = read(HOL, "pooled");
        assertNull(hosts.get("totals.expectedGrant"));
        assertNull(hosts.get("totals.netCost"));
        assertTrue(
                hosts.getList("suppressed.reason").contains(OPEN_YEAR),
                hosts.getList("suppressed").toString());
        assertNotNull(member(hosts, HOL).get("expectedGrant"), "its own row");
        assertNull(member(hosts, RE).get("expectedGrant"));
        assertEquals(new BigDecimal("7680000.00"), hosts.get("totals.attributedCosts"));

        // The notes say nothing of the others' figures (nor the unattributed wages: this viewer is no host).
        for (String note : pooled.<String>getList("notes")) {
            assertFalse(note.matches(".*(direct wages of|grants are unknown).*"), note);
        }
    }

    @Test
    void theCsvLeavesHiddenCellsEmptyAndSaysWhy() {
        demo();
        String csv = given().auth()
                .oauth2(Tokens.viewer(RE))
                .accept("text/csv")
                .get("/api/v1/cooperations/demo/pooled/2023")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(
                "cooperation,costYear,grantYear,municipality,placedRecipients,placementDays,attributedCosts,"
                        + "sharedCostShare,expectedGrant,netCost,suppressed",
                lines[0]);
        assertEquals(
                "demo,2023,2024,0702,,,,,,,\"placedRecipients placementDays attributedCosts sharedCostShare"
                        + " expectedGrant netCost: rests on fewer than 3 placed recipients, or would let such a figure"
                        + " be worked out from the totals\"",
                lines[1]);
        assertTrue(lines[3].startsWith("demo,2023,2024,0716,2,596,"), lines[3]);
        assertTrue(lines[3].endsWith(","), "Re's own row hides nothing: " + lines[3]);
        assertTrue(lines[4].startsWith("demo,2023,2024,TOTAL,5,1264,,1620000.00,,"), lines[4]);
        assertFalse(csv.contains(HOLMESTRANDS_GRANT.toPlainString()), csv);
    }

    @Test
    void theHostAndHofSeeTheCountsButNoOtherMembersRow() {
        demo();
        // The host: Re 2 and Hof 2 hidden, together 4; Hof: Re 2 and Holmestrand 1, together 3.
        for (String[] viewer : new String[][] {{HOL, RE, HOF}, {HOF, RE, HOL}}) {
            JsonPath pooled = read(viewer[0], "pooled");
            assertNull(member(pooled, viewer[1]).get("netCost"), viewer[0]);
            assertNull(member(pooled, viewer[2]).get("netCost"), viewer[0]);
            assertNotNull(member(pooled, viewer[0]).get("netCost"), viewer[0]);
            assertEquals(5, pooled.getInt("totals.placedRecipients"), viewer[0]);
            // The others' 2023 is open: neither sees a total that holds their grants (see OpenYears).
            assertNull(pooled.get("totals.netCost"), viewer[0]);
            // The year's attributed wages: the host's alone (Hof would divide by twelve and get
            // each month's wages, and with its own lines each month's total weight).
            assertEquals(viewer[0].equals(HOL), pooled.get("totals.attributedCosts") != null, viewer[0]);
        }
    }

    @Test
    void hofsLedgerSaysOnlyItsOwnPlacementsFacts() {
        demo();
        JsonPath lines = given().auth()
                .oauth2(Tokens.viewer(HOF))
                .queryParam("recipient", hof1)
                .queryParam("year", 2023)
                .queryParam("size", 500)
                .get("/api/v1/municipalities/{code}/costs", HOF)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        List<String> notes = lines.getList("items.findAll { it.category == 'JOINT_SERVICE' }.note");
        assertEquals(6, notes.size(), "January to June: " + notes);
        assertTrue(
                notes.contains("share of joint service 'Bofellesskapet Solsiden (test)' 2023-03 for this placement: 31"
                        + " days x 30 h/week, in proportion to usage x days among the month's placements; attribution"
                        + " reference demo/" + service + "/2023-03 (the host's attribution view)"),
                notes.toString());
        for (String note : notes) {
            // Not the wages, not a total weight (2 790 in March), not another home's usage.
            assertFalse(
                    note.replace(service, "").matches(".*(640000|640 000|2790|25 h/week|15 h/week|35 h/week).*"), note);
        }

        // The members' joint-cost listing: the SHARED lines they share, not the monthly wages.
        JsonPath costs = given().auth()
                .oauth2(Tokens.viewer(HOF))
                .queryParam("year", 2023)
                .get("/api/v1/cooperations/demo/services/{s}/costs", service)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals(
                List.of("SHARED"), costs.getList("category").stream().distinct().toList());
        assertEquals(12, costs.getList("category").size());
        // Without the lines' numbers: one sequence numbers every line, so the gaps between the
        // SHARED lines counted the host's wage entries and corrections (final attack of 4 December).
        assertEquals(Collections.nCopies(12, null), costs.getList("id"));
        given().auth()
                .oauth2(Tokens.viewer(HOL))
                .queryParam("year", 2023)
                .get("/api/v1/cooperations/demo/services/{s}/costs", service)
                .then()
                .statusCode(200)
                .body("findAll { it.category == 'DIRECT_WAGES' }.size()", equalTo(12))
                .body("findAll { it.id == null }.size()", equalTo(0));
    }

    @Test
    void hofsAuditTrailSaysNothingOfTheWagesOrTheOthers() throws SQLException {
        demo();
        read(RE, "pooled"); // writes "claim figures of 2 placed recipients ..." into Hof's trail
        assertTrue(
                Database.count(
                                "select count(*) from audit_entry where municipality_id = 'hof' and resource like ?",
                                "%" + service + "%")
                        > 0,
                "the attribution runs are in Hof's trail");
        assertEquals(
                0,
                Database.count(
                        "select count(*) from audit_entry where municipality_id = 'hof' and regexp_replace(resource,"
                                + " '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '', 'g')"
                                + " ~ '640000|2790|1085|775|25 h|35 h|15 h'"));
    }

    @Test
    void theHostStillSeesTheWholeComputation() {
        demo();
        JsonPath attribution = given().auth()
                .oauth2(Tokens.viewer(HOL))
                .get("/api/v1/cooperations/demo/services/{s}/attribution/2023", service)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        assertEquals("2023-03", attribution.get("months[2].period"));
        assertEquals(new BigDecimal("640000.00"), attribution.get("months[2].directWages"));
        assertEquals(0, new BigDecimal("2790").compareTo(attribution.get("months[2].totalWeight")));
        assertEquals(3, attribution.getList("months[2].parts").size());
    }

    @Test
    void aReattributionsReversalSaysNoWagesEither() throws Exception {
        demo();
        // Another service and year, so the demo's 2023 stays as it is: March 2022, wages corrected.
        String other = CooperationApiTest.createService("demo", Api.uniqueRef("Reversal home"), 2);
        place(other, HOF, hof1, "2022-03-01", "2022-03-31", "30");
        place(other, RE, re1, "2022-03-01", "2022-03-31", "25");
        CooperationApiTest.jointCost("demo", other, "2022-03", "DIRECT_WAGES", "100000.00", null);
        CooperationApiTest.jointCost("demo", other, "2022-03", "DIRECT_WAGES", "-1000.00", "booked twice");
        String reference = "attribution reference demo/" + other + "/2022-03 (the host's attribution view)";
        List<String> notes = new ArrayList<>();
        try (Connection c = Database.superuser();
                PreparedStatement s =
                        c.prepareStatement("select c.note from cost_line c join placement p on p.id = c.placement_id"
                                + " where p.joint_service_id = ? and p.municipality_id = 'hof' order by c.id")) {
            s.setObject(1, java.util.UUID.fromString(other));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    notes.add(rs.getString(1));
                }
            }
        }
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(
                notes.get(1).startsWith("reversal of the earlier share")
                        && notes.get(1).endsWith(reference),
                notes.get(1));
        for (String note : notes) {
            // Not the wages (100 000, 99 000), not the weight (31 x 30 + 31 x 25 = 1 705).
            assertFalse(note.replace(other, "").matches(".*(100000|99000|1705|25 h/week).*"), note);
        }
        // Lines stored before this change are redacted by migration V7 (MigrationUpgradeTest).
    }

    /** Each field is in the row, as null. */
    private static void assertAllNull(Map<String, Object> row, String... fields) {
        for (String field : fields) {
            assertTrue(row.containsKey(field) && row.get(field) == null, field + ": " + row);
        }
    }

    /** Every number in a JSON value (maps and lists walked). */
    @SuppressWarnings("unchecked")
    private static void collect(Object json, List<BigDecimal> out) {
        if (json instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out));
        } else if (json instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        } else if (json instanceof Number n) {
            out.add(new BigDecimal(n.toString()));
        }
    }

    /** a, a + b, a - b, a + b + c, a + b - c, a - b - c over the shown numbers. */
    private static Set<BigDecimal> combinations(List<BigDecimal> numbers) {
        Set<BigDecimal> out = new HashSet<>();
        for (BigDecimal a : numbers) {
            out.add(a.stripTrailingZeros());
            for (BigDecimal b : numbers) {
                for (BigDecimal ab : List.of(a.add(b), a.subtract(b))) {
                    out.add(ab.stripTrailingZeros());
                    for (BigDecimal c : numbers) {
                        out.add(ab.add(c).stripTrailingZeros());
                        out.add(ab.subtract(c).stripTrailingZeros());
                    }
                }
            }
        }
        return out;
    }
}
