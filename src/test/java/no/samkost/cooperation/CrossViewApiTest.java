package no.samkost.cooperation;

import static no.samkost.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
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
import no.samkost.support.ClosedYears;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The outside attack of 4 December 2026 through the API, in 2010: Hof has four recipients with
 * costs, three of them placed in a joint service for the whole year; Holmestrand three and Re three,
 * all placed (no other test writes Hof's or Holmestrand's 2010; the cost import test may add Re
 * recipients of 2010 that are not placed, which only Re's own row and the host's view of Re
 * notice, and the tests below do not rest on them).
 *
 * <p>(b) Re's project group sees Hof's and Holmestrand's pooled rows (3 placed each, k = 3). Hof's
 * key figures row rests on 4 recipients, but less its pooled row it is the grant of the one not
 * placed: 2 500 000 − 1 251 000 above the projected threshold, 80 % of that, to the øre. So Hof's
 * key figures row is hidden from Re, and the key figures' totals too (less Holmestrand's row they
 * would be Hof's again); Holmestrand's row, all placed, is shown. Hof itself sees its own row.
 *
 * <p>(2) The host stepped its joint service's wages and read the others' grants after each step:
 * see {@link #anOpenYearsGrantsAreShownToNoOtherMember()}.
 */
@QuarkusTest
class CrossViewApiTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final String HOLMESTRAND = "0702";

    static final String OPEN_YEAR = "another member's open year: entries that re-attribute a joint service's wages"
            + " move its grants, so they would show where each recipient crosses the threshold; shown once the"
            + " member has closed the year";

    static boolean written;

    static void write() {
        if (written) {
            return;
        }
        written = true;
        String service = CooperationApiTest.createService("3k", Api.uniqueRef("Kryss"), 10);
        for (int i = 0; i < 4; i++) {
            String ref = PlanningViews.recipient(HOF, "SOMATIC", "2010-04", "2500000.00");
            if (i < 3) {
                CooperationApiTest.placeUntil("3k", service, HOF, ref, "2010-01-01", "2010-12-31", "10");
            }
        }
        for (String code : List.of(HOLMESTRAND, RE)) {
            for (int i = 0; i < 3; i++) {
                String ref = PlanningViews.recipient(code, "SOMATIC", "2010-04", "2000000.00");
                CooperationApiTest.placeUntil("3k", service, code, ref, "2010-01-01", "2010-12-31", "10");
            }
        }
    }

    /** Hof and Holmestrand have closed 2010 here (their grants are shown to others only then). */
    @Test
    void reSeesHofsPooledRowButNotItsKeyFiguresRowBesideIt() {
        write();
        ClosedYears.set("hof", 2010, true);
        ClosedYears.set("holmestrand", 2010, true);
        try {
            reReadsClosedYears();
        } finally {
            ClosedYears.set("hof", 2010, false);
            ClosedYears.set("holmestrand", 2010, false);
        }
    }

    private static void reReadsClosedYears() {
        String group = Tokens.token(RE, "cooperation-member");
        JsonPath pooled = PlanningViews.getAs(group, "/api/v1/cooperations/3k/pooled/2010");
        assertNotNull(
                PlanningViews.member(pooled, "members", HOF).get("expectedGrant"),
                "the pooled figures are issue 6's, unchanged");
        assertNotNull(PlanningViews.member(pooled, "members", HOLMESTRAND).get("expectedGrant"));

        JsonPath key = PlanningViews.getAs(group, "/api/v1/cooperations/3k/key-figures?from=2010&to=2010");
        Map<String, Object> hof = PlanningViews.member(key, "years[0].members", HOF);
        for (String field : List.of("recipients", "costs", "grant", "netCost")) {
            assertNull(hof.get(field), field);
            assertEquals(
                    "rests on fewer than 3 recipients, or would let such a figure be worked out from the totals"
                            + " or the pooled figures",
                    PlanningViews.reason(key, "years[0].suppressed", HOF, field));
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
        assertNull(PlanningViews.member(sensitivity, "members", HOF).get("grant"));
    }

    @Test
    void hofStillSeesItsOwnRow() {
        write();
        JsonPath key = PlanningViews.getAs(Tokens.viewer(HOF), "/api/v1/cooperations/3k/key-figures?from=2010&to=2010");
        Map<String, Object> hof = PlanningViews.member(key, "years[0].members", HOF);
        assertEquals(4, hof.get("recipients"));
        assertEquals(new BigDecimal("10000000.00"), hof.get("costs"));
    }

    /**
     * The outside attack's (2): the host stepped its joint service's wages and read the others'
     * grants after each step; a grant's kink at the threshold gave each placed recipient's costs less
     * deductions to the øre. A home can move the same shares by ending its own placement a day at a
     * time, and another cooperation's host by its own services (the review after the attack). So
     * while Re's 2010 is open, no other member sees Re's grants, in any view, nor a total holding
     * them; once Re has closed 2010 (as its sign-off would: the attribution of a closed year is
     * refused, so every lever is gone) they are shown. The others' 2010 stays open, so the totals
     * stay hidden.
     */
    @Test
    void anOpenYearsGrantsAreShownToNoOtherMember() {
        write();
        String pooled = "/api/v1/cooperations/3k/pooled/2010";
        String comparison = "/api/v1/cooperations/3k/comparison/2010";
        for (String viewer : List.of(Tokens.coordinator(HOLMESTRAND), Tokens.token(HOF, "cooperation-member"))) {
            // Re's pooled row rests on 3 or more placed recipients: the small-number rule shows it.
            JsonPath open = PlanningViews.getAs(viewer, pooled);
            Map<String, Object> re = PlanningViews.member(open, "members", RE);
            assertNull(re.get("expectedGrant"));
            assertNull(re.get("netCost"));
            assertNotNull(re.get("attributedCosts"), "no grant in it");
            assertEquals(OPEN_YEAR, PlanningViews.reason(open, "suppressed", RE, "expectedGrant"));
            assertNull(open.get("totals.expectedGrant"));
            assertNull(open.get("totals.netCost"));
            Map<String, Object> reCompared =
                    PlanningViews.member(PlanningViews.getAs(viewer, comparison), "members", RE);
            for (String field : List.of(
                    "pooledNetCost", "standAloneExpectedGrant", "standAloneNetCost", "savingsFromCooperation")) {
                assertNull(reCompared.get(field), field);
            }
            assertNotNull(reCompared.get("standAloneCosts"), "the model's costs hold no grant");
            JsonPath key = PlanningViews.getAs(viewer, "/api/v1/cooperations/3k/key-figures?from=2010&to=2010");
            assertNull(PlanningViews.member(key, "years[0].members", RE).get("grant"));
            assertNull(key.get("years[0].totals.grant"));
            JsonPath sensitivity =
                    PlanningViews.getAs(viewer, "/api/v1/cooperations/3k/planning/sensitivity/2010?userGroup=SOMATIC");
            assertNull(PlanningViews.member(sensitivity, "members", RE).get("grant"));
        }
        assertNotNull(
                PlanningViews.member(
                                PlanningViews.getAs(Tokens.coordinator(HOLMESTRAND), pooled), "members", HOLMESTRAND)
                        .get("expectedGrant"),
                "its own");

        // Re's 2010 closed as its sign-off would close it, and opened again after (the cost import
        // test writes Re's 2010, as a return by the auditor would allow).
        ClosedYears.set("re", 2010, true);
        try {
            Object own = PlanningViews.member(PlanningViews.getAs(Tokens.viewer(RE), pooled), "members", RE)
                    .get("expectedGrant");
            for (String viewer : List.of(Tokens.coordinator(HOLMESTRAND), Tokens.token(HOF, "cooperation-member"))) {
                JsonPath closed = PlanningViews.getAs(viewer, pooled);
                assertEquals(own, PlanningViews.member(closed, "members", RE).get("expectedGrant"));
                assertNull(closed.get("totals.expectedGrant"), "the others' 2010 is still open");
                assertNotNull(PlanningViews.member(PlanningViews.getAs(viewer, comparison), "members", RE)
                        .get("pooledNetCost"));
            }
        } finally {
            ClosedYears.set("re", 2010, false);
        }
    }

    /**
     * The final outside attack of 4 December 2026: in a service without wages a confirmation writes
     * no ledger line, so the attribution's refusal never came; yet it added a recipient of a signed
     * year to the pooled figures, and with it that recipient's whole grant. A confirmation (or an
     * end) that changes a home's placement days in a year the home has closed is refused now,
     * wages or not, and nothing changes.
     */
    @Test
    void aPlacementCannotBeConfirmedIntoAHomesClosedYear() throws Exception {
        write();
        String service = CooperationApiTest.createService("3k", Api.uniqueRef("Uten lonn"), 4);
        String ref = PlanningViews.recipient(RE, "SOMATIC", null, null);
        String requested = CooperationApiTest.request("3k", service, RE, ref, "2010-12-01", "2010-12-31");
        ClosedYears.set("re", 2010, true);
        try {
            Map<String, String> before = Database.fingerprint();
            CooperationApiTest.confirm("3k", service, requested, "10", 0)
                    .then()
                    .spec(problem(409, "year-closed"))
                    .body("detail", containsString("[2010]"));
            assertEquals(before, Database.fingerprint(), "nothing written");
        } finally {
            ClosedYears.set("re", 2010, false);
        }
        // Open again, the same confirmation is taken.
        CooperationApiTest.confirm("3k", service, requested, "10", 0).then().statusCode(200);
    }
}
