package no.samkost.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The outside attack of 4 December 2026 (b) through the API, in 2010 (no other test writes costs
 * of 2010 for the 3K members): Re has four recipients with costs, three of them placed in a joint
 * service for the whole year; Holmestrand three, all placed; Hof three, all placed. Hof's project group
 * sees Re's and Holmestrand's pooled rows (3 placed each, k = 3). Re's key figures row rests on 4
 * recipients, but less its pooled row it is the grant of the one not placed: 1 700 000 above the
 * projected threshold gave it away to the øre. So Re's key figures row is hidden from Hof, and the
 * key figures' totals too (less Holmestrand's row they would be Re's again); Holmestrand's row,
 * all placed, is shown. Re itself still sees its own row in full.
 */
@QuarkusTest
class CrossViewApiTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final String HOLMESTRAND = "0702";

    static final String OPEN_YEAR = "another member's open year: the host's own entries move its attributed wages,"
            + " so its grants would show the host where each recipient crosses the threshold; shown once the member"
            + " has closed the year";

    static boolean written;

    static void write() {
        if (written) {
            return;
        }
        written = true;
        String service = CooperationApiTest.createService("3k", Api.uniqueRef("Kryss"), 10);
        for (int i = 0; i < 4; i++) {
            String ref = PlanningViews.recipient(RE, "SOMATIC", "2010-04", "3000000.00");
            if (i < 3) {
                CooperationApiTest.placeUntil("3k", service, RE, ref, "2010-01-01", "2010-12-31", "10");
            }
        }
        for (int i = 0; i < 3; i++) {
            String ref = PlanningViews.recipient(HOLMESTRAND, "SOMATIC", "2010-04", "2000000.00");
            CooperationApiTest.placeUntil("3k", service, HOLMESTRAND, ref, "2010-01-01", "2010-12-31", "10");
        }
        for (int i = 0; i < 3; i++) {
            String ref = PlanningViews.recipient(HOF, "SOMATIC", "2010-04", "2500000.00");
            CooperationApiTest.placeUntil("3k", service, HOF, ref, "2010-01-01", "2010-12-31", "10");
        }
    }

    @Test
    void hofSeesRePooledRowButNotItsKeyFiguresRowBesideIt() {
        write();
        String group = Tokens.token(HOF, "cooperation-member");
        JsonPath pooled = PlanningViews.getAs(group, "/api/v1/cooperations/3k/pooled/2010");
        Map<String, Object> rePooled = PlanningViews.member(pooled, "members", RE);
        assertNotNull(rePooled.get("expectedGrant"), "the pooled figures are issue 6's, unchanged");
        assertNotNull(PlanningViews.member(pooled, "members", HOLMESTRAND).get("expectedGrant"));

        JsonPath key = PlanningViews.getAs(group, "/api/v1/cooperations/3k/key-figures?from=2010&to=2010");
        Map<String, Object> re = PlanningViews.member(key, "years[0].members", RE);
        for (String field : List.of("recipients", "costs", "grant", "netCost")) {
            assertNull(re.get(field), field);
            assertEquals(
                    "rests on fewer than 3 recipients, or would let such a figure be worked out from the totals"
                            + " or the pooled figures",
                    PlanningViews.reason(key, "years[0].suppressed", RE, field));
        }
        for (String total : List.of("grant", "costs", "netCost")) {
            assertNull(key.get("years[0].totals." + total), total);
            assertTrue(PlanningViews.suppressed(key, "years[0].suppressed", null, "totals." + total), total);
        }
        Map<String, Object> holmestrand = PlanningViews.member(key, "years[0].members", HOLMESTRAND);
        assertEquals(3, holmestrand.get("recipients"));
        assertEquals(new BigDecimal("6000000.00"), holmestrand.get("costs"));

        // The sensitivity hides what the key figures of the year hide.
        JsonPath sensitivity =
                PlanningViews.getAs(group, "/api/v1/cooperations/3k/planning/sensitivity/2010?userGroup=SOMATIC");
        assertNull(PlanningViews.member(sensitivity, "members", RE).get("grant"));
    }

    /**
     * The outside attack of 4 December 2026 (2): the host stepped its joint service's wages and read
     * the others' grants after each step; a grant's kink at the threshold gave each placed recipient's
     * costs less deductions to the øre. While Re's 2010 is open, the host sees none of Re's grants,
     * in any view, nor a total holding them; once Re has closed 2010 (as its sign-off would: the
     * attribution of a closed year is refused, so the lever is gone) they are shown. Hof's 2010 stays
     * open, so the totals stay hidden.
     */
    @Test
    void theHostSeesAnotherMembersGrantsOnlyOnceItsYearIsClosed() throws Exception {
        write();
        String host = Tokens.coordinator(HOLMESTRAND);
        String pooled = "/api/v1/cooperations/3k/pooled/2010";
        String comparison = "/api/v1/cooperations/3k/comparison/2010";
        String key = "/api/v1/cooperations/3k/key-figures?from=2010&to=2010";
        String sensitivity = "/api/v1/cooperations/3k/planning/sensitivity/2010?userGroup=SOMATIC";
        // Re's and Hof's pooled rows rest on 3 placed recipients each: the small-number rule shows them.
        JsonPath open = PlanningViews.getAs(host, pooled);
        assertNull(PlanningViews.member(open, "members", RE).get("expectedGrant"));
        assertNull(PlanningViews.member(open, "members", RE).get("netCost"));
        assertNotNull(PlanningViews.member(open, "members", RE).get("attributedCosts"), "no grant in it");
        assertEquals(OPEN_YEAR, PlanningViews.reason(open, "suppressed", RE, "expectedGrant"));
        assertNull(open.get("totals.expectedGrant"));
        assertNull(open.get("totals.netCost"));
        assertNotNull(PlanningViews.member(open, "members", HOLMESTRAND).get("expectedGrant"), "its own");
        JsonPath compared = PlanningViews.getAs(host, comparison);
        assertNull(PlanningViews.member(compared, "members", RE).get("pooledNetCost"));
        assertNull(PlanningViews.member(compared, "members", RE).get("savingsFromCooperation"));
        assertNotNull(PlanningViews.member(compared, "members", RE).get("standAloneNetCost"), "moves with no entry");
        // In the key figures Re is hidden beside the pooled figures (its unplaced recipient); Hof, all
        // placed, is shown but for its grants.
        JsonPath keyFigures = PlanningViews.getAs(host, key);
        Map<String, Object> hof = PlanningViews.member(keyFigures, "years[0].members", HOF);
        assertEquals(new BigDecimal("7500000.00"), hof.get("costs"));
        assertNull(hof.get("grant"));
        assertEquals(OPEN_YEAR, PlanningViews.reason(keyFigures, "years[0].suppressed", HOF, "grant"));
        JsonPath sensitive = PlanningViews.getAs(host, sensitivity);
        assertNull(PlanningViews.member(sensitive, "members", HOF).get("grant"));
        assertEquals(OPEN_YEAR, PlanningViews.reason(sensitive, "suppressed", HOF, "steps"));

        try (Connection c = Database.superuser();
                Statement s = c.createStatement()) {
            s.executeUpdate("insert into closed_cost_year (municipality_id, year, closed, changed_at, changed_by)"
                    + " values ('re', 2010, true, now(), 'as its sign-off would')");
        }
        JsonPath closed = PlanningViews.getAs(host, pooled);
        assertEquals(
                PlanningViews.member(PlanningViews.getAs(Tokens.viewer(RE), pooled), "members", RE)
                        .get("expectedGrant"),
                PlanningViews.member(closed, "members", RE).get("expectedGrant"));
        assertNull(closed.get("totals.expectedGrant"), "Hof's 2010 is still open");
        assertNotNull(PlanningViews.member(PlanningViews.getAs(host, comparison), "members", RE)
                .get("pooledNetCost"));
    }

    @Test
    void reStillSeesItsOwnRow() {
        write();
        JsonPath key = PlanningViews.getAs(Tokens.viewer(RE), "/api/v1/cooperations/3k/key-figures?from=2010&to=2010");
        Map<String, Object> re = PlanningViews.member(key, "years[0].members", RE);
        assertEquals(4, re.get("recipients"));
        assertEquals(new BigDecimal("12000000.00"), re.get("costs"));
    }
}
