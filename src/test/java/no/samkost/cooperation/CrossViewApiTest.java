package no.samkost.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.support.Api;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The outside attack of 4 December 2026 (b) through the API, in 2010 (no other test writes costs
 * of 2010 for the 3K members): Re has four recipients with costs, three of them placed in a joint
 * service for the whole year; Holmestrand three, all placed; Hof one, placed. Hof's project group
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

    static boolean written;

    static void write() {
        if (written) {
            return;
        }
        written = true;
        String service = CooperationApiTest.createService("3k", Api.uniqueRef("Kryss"), 8);
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
        String hof = PlanningViews.recipient(HOF, "SOMATIC", "2010-04", "2500000.00");
        CooperationApiTest.placeUntil("3k", service, HOF, hof, "2010-01-01", "2010-12-31", "10");
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

    @Test
    void reStillSeesItsOwnRow() {
        write();
        JsonPath key = PlanningViews.getAs(Tokens.viewer(RE), "/api/v1/cooperations/3k/key-figures?from=2010&to=2010");
        Map<String, Object> re = PlanningViews.member(key, "years[0].members", RE);
        assertEquals(4, re.get("recipients"));
        assertEquals(new BigDecimal("12000000.00"), re.get("costs"));
    }
}
