package no.samkost.web;

import static io.restassured.RestAssured.given;
import static no.samkost.support.HtmlPages.as;
import static no.samkost.support.HtmlPages.refused;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.HtmlPages;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The auditor's pages against the same services as the API: a claim submitted by the coordinator
 * through the API shows on the auditor's pages with its state, signer, date and hash; the auditor
 * attests and returns through the forms; the signer cannot attest; the CSV is the API's, byte for
 * byte; the audit trail page shows the entries and filters them.
 *
 * <p>All in Sandefjord (0706), whose claims no other test touches, each test in its own cost year
 * (2009, 2015, 2020, 2023), opened again at the end. Sandefjord maps Entra-style role names.
 *
 * <p>Rules of grant year 2021 (costs of 2020): threshold 1 430 000, rate 0.80. A recipient born
 * 1990 without intellectual disability, direct wages 2 000 000, user payments 10 000: basis
 * 2 000 000 − 10 000 − 1 430 000 = 560 000.00, grant 448 000.00. With 100 000 more wages: costs
 * 2 100 000.00, basis 660 000.00, grant 528 000.00; the differences +100 000.00, +100 000.00,
 * +80 000.00.
 */
@QuarkusTest
class RevisorPagesTest {

    static final String CODE = "0706";
    static final String PAGES = "/app/" + CODE + "/revisor";
    static final char NBSP = '\u00A0';
    static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    static String coordinator() {
        return Tokens.token(CODE, "Samkost.Coordinator", "Samkost.Viewer");
    }

    static String auditor() {
        return Tokens.token(CODE, claims -> claims.subject("auditor-" + CODE), "Samkost.Auditor");
    }

    /** The coordinator who signs (user-0706), holding the auditor's role too. */
    static String signerWhoIsAlsoAuditor() {
        return Tokens.token(CODE, "Samkost.Coordinator", "Samkost.Auditor");
    }

    static String kr(String amount) {
        return amount.replace(' ', NBSP) + NBSP + "kr";
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/Oslo")).format(NORWEGIAN_DATE);
    }

    static String recipientWithCosts(int year, String wages) {
        String ref = Api.uniqueRef("REV");
        given().auth()
                .oauth2(coordinator())
                .contentType("application/json")
                .body("{\"ref\":\"" + ref
                        + "\",\"birthYear\":1990,\"intellectualDisability\":false,\"userGroup\":\"OTHER\"}")
                .post("/api/v1/municipalities/{code}/recipients", CODE)
                .then()
                .statusCode(201);
        cost(ref, year + "-01", "DIRECT_WAGES", wages);
        cost(ref, year + "-02", "USER_PAYMENT", "10000.00");
        return ref;
    }

    static void cost(String ref, String period, String category, String amount) {
        given().auth()
                .oauth2(coordinator())
                .contentType("application/json")
                .body("{\"recipientRef\":\"" + ref + "\",\"period\":\"" + period + "\",\"category\":\"" + category
                        + "\",\"amount\":" + amount + "}")
                .post("/api/v1/municipalities/{code}/costs", CODE)
                .then()
                .statusCode(201);
    }

    static String submit(int year) {
        return given().auth()
                .oauth2(coordinator())
                .post("/api/v1/municipalities/{code}/claims/{year}/submission", CODE, year)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .extract()
                .path("snapshotSha256");
    }

    static String state(int year) {
        return given().auth()
                .oauth2(auditor())
                .get("/api/v1/municipalities/{code}/claims/{year}", CODE, year)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    /** Leaves the year open for whatever runs next. */
    static void openAgain(int year) {
        String state = state(year);
        if (state.equals("SUBMITTED") || state.equals("ATTESTED")) {
            given().auth()
                    .oauth2(auditor())
                    .contentType("application/json")
                    .body("{\"reason\":\"the test is over\"}")
                    .post("/api/v1/municipalities/{code}/claims/{year}/submission/return", CODE, year)
                    .then()
                    .statusCode(200);
        }
    }

    static Response post(String token, String path, Map<String, String> fields) {
        return as(token)
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post(path);
    }

    static String page(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void theAuditorSeesTheSubmittedClaimReturnsItSeesTheDifferencesAndAttestsTheNextOne() throws Exception {
        int year = 2020;
        String ref = recipientWithCosts(year, "2000000.00");
        try {
            String sha = submit(year);

            String overview = page(auditor(), PAGES);
            assertTrue(overview.contains("<a href=\"" + PAGES + "/krav/2020\">2020</a>"), overview);
            String row = overview.substring(overview.indexOf(PAGES + "/krav/2020"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertTrue(row.contains("sendt til revisor"), row);
            assertTrue(row.contains("user-0706"), "who signed: " + row);
            assertTrue(row.contains(today()), "when, dd.mm.åååå: " + row);
            assertTrue(row.contains(sha), "the snapshot's SHA-256: " + row);

            String claim = page(auditor(), PAGES + "/krav/2020");
            assertTrue(claim.contains("Totalsummer i øyeblikksbildet"), claim);
            assertTrue(claim.contains(kr("2 000 000,00")), "costs");
            assertTrue(claim.contains(kr("560 000,00")), "basis");
            assertTrue(claim.contains(kr("448 000,00")), "grant");
            assertTrue(claim.contains(sha), "hash");
            assertTrue(claim.contains("Ingen forskjeller"), "nothing changed since the snapshot");
            assertTrue(claim.contains("/krav/2020/attestering") && claim.contains("/krav/2020/retur"), "both forms");

            // Return without a reason: explained at the field, nothing changed.
            String csrf = HtmlPages.csrf(claim);
            Map<String, String> before = Database.fingerprintExcept("audit_entry");
            String noReason = post(auditor(), PAGES + "/krav/2020/retur", Map.of("_csrf", csrf, "begrunnelse", "  "))
                    .then()
                    .spec(refused(422, "Refusjonskrav for kostnadsåret 2020"))
                    .extract()
                    .asString();
            assertTrue(noReason.contains("aria-invalid=\"true\" aria-describedby=\"begrunnelse-feil\""), noReason);
            assertTrue(noReason.contains("Skriv hvorfor kravet sendes tilbake"), noReason);
            assertEquals(before, Database.fingerprintExcept("audit_entry"));
            assertEquals("SUBMITTED", state(year));

            // Return with a reason: 303 back to the claim with a confirmation; the year is open again.
            post(auditor(), PAGES + "/krav/2020/retur", Map.of("_csrf", csrf, "begrunnelse", "lønn i mars mangler"))
                    .then()
                    .statusCode(303)
                    .header("Location", endsWith(PAGES + "/krav/2020?utfort=sendt-tilbake"));
            assertEquals("RETURNED", state(year));
            String returned = page(auditor(), PAGES + "/krav/2020?utfort=sendt-tilbake");
            assertTrue(returned.contains("Kravet er sendt tilbake til koordinatoren"), returned);
            assertTrue(returned.contains("lønn i mars mangler"), "the reason: " + returned);
            assertTrue(returned.contains("auditor-0706"), "who returned it");

            // The coordinator adds the missing wages: the live figures differ from the snapshot, line by line.
            cost(ref, "2020-03", "DIRECT_WAGES", "100000.00");
            String differing = page(auditor(), PAGES + "/krav/2020");
            assertFalse(differing.contains("Ingen forskjeller"), differing);
            String table = differing.substring(differing.indexOf("Forskjeller fra øyeblikksbildet"));
            table = table.substring(0, table.indexOf("</table>"));
            assertTrue(
                    Pattern.compile("<th scope=\"row\">" + ref + "</th>\\s*<td>direkte lønnskostnader</td>\\s*"
                                    + "<td class=\"tall\">" + kr("2 000 000,00") + "</td>\\s*"
                                    + "<td class=\"tall\">" + kr("2 100 000,00") + "</td>\\s*"
                                    + "<td class=\"tall\">" + kr("100 000,00") + "</td>")
                            .matcher(table)
                            .find(),
                    table);
            assertTrue(table.contains(kr("80 000,00")), "the grant's difference: " + table);
            assertTrue(table.contains("<th scope=\"row\">Totalt</th>"), "the totals' differences: " + table);
            assertFalse(differing.contains("/attestering"), "a returned claim cannot be attested");

            // Signed again: snapshot 2; the auditor attests it with a remark through the form.
            String sha2 = submit(year);
            String second = page(auditor(), PAGES + "/krav/2020");
            assertTrue(second.contains(sha2) && second.contains(kr("528 000,00")) && second.contains("nr. 2"), second);
            post(
                            auditor(),
                            PAGES + "/krav/2020/attestering",
                            Map.of("_csrf", HtmlPages.csrf(second), "merknad", "kontrollert mot lønnssystemet"))
                    .then()
                    .statusCode(303)
                    .header("Location", endsWith(PAGES + "/krav/2020?utfort=attestert"));
            assertEquals("ATTESTED", state(year));
            String attested = page(auditor(), PAGES + "/krav/2020?utfort=attestert");
            assertTrue(attested.contains("Kravet er attestert"), attested);
            assertTrue(attested.contains("kontrollert mot lønnssystemet"), "the remark");
            assertTrue(page(auditor(), PAGES).contains("attestert"), "the overview says attestert");
            // The overview's list is the API's: the latest submission of each cost year, no snapshot text.
            given().auth()
                    .oauth2(coordinator())
                    .get("/api/v1/municipalities/{code}/claims", CODE)
                    .then()
                    .statusCode(200)
                    .body("find { it.costYear == 2020 }.state", equalTo("ATTESTED"))
                    .body("find { it.costYear == 2020 }.number", equalTo(2))
                    .body("find { it.costYear == 2020 }.snapshotSha256", equalTo(sha2))
                    .body("find { it.costYear == 2020 }.attestationRemark", equalTo("kontrollert mot lønnssystemet"))
                    .body("find { it.costYear == 2020 }.snapshot", nullValue());

            // The snapshot's CSV is the API's, byte for byte, as an attachment.
            Response api = given().auth()
                    .oauth2(auditor())
                    .accept("text/csv")
                    .get("/api/v1/municipalities/{code}/claims/{year}", CODE, year);
            Response download = as(auditor()).get(PAGES + "/krav/2020/csv");
            assertEquals(200, api.statusCode());
            assertEquals(200, download.statusCode());
            assertTrue(download.contentType().startsWith("text/csv"), download.contentType());
            assertEquals(api.header("Content-Disposition"), download.header("Content-Disposition"));
            assertTrue(download.header("Content-Disposition").startsWith("attachment;"));
            assertArrayEquals(api.asByteArray(), download.asByteArray());
            assertTrue(download.asString().endsWith("snapshotSha256," + sha2 + "\r\n"), download.asString());
        } finally {
            openAgain(year);
        }
    }

    @Test
    void theSignerCannotAttestOrReturnAndNothingChanges() throws Exception {
        int year = 2009;
        recipientWithCosts(year, "1500000.00");
        try {
            submit(year);
            String signer = signerWhoIsAlsoAuditor();
            String claim = page(signer, PAGES + "/krav/2009");
            String csrf = HtmlPages.csrf(claim);
            Map<String, String> before = Database.fingerprintExcept("audit_entry");
            String attest = post(signer, PAGES + "/krav/2009/attestering", Map.of("_csrf", csrf, "merknad", "ok"))
                    .then()
                    .spec(refused(403, "Refusjonskrav for kostnadsåret 2009"))
                    .extract()
                    .asString();
            assertTrue(attest.contains("Du signerte dette kravet selv. En annen person, revisor, må attestere det."));
            assertTrue(attest.contains("role=\"alert\""), attest);
            assertTrue(attest.contains("value=\"ok\""), "the remark is kept in the form");
            String giveBack = post(signer, PAGES + "/krav/2009/retur", Map.of("_csrf", csrf, "begrunnelse", "nei"))
                    .then()
                    .spec(refused(403, "Refusjonskrav for kostnadsåret 2009"))
                    .extract()
                    .asString();
            assertTrue(giveBack.contains("revisor, må sende det tilbake. Ingenting ble endret."), giveBack);
            assertEquals(before, Database.fingerprintExcept("audit_entry"), "nothing changed");
            assertEquals("SUBMITTED", state(year));
        } finally {
            openAgain(year);
        }
    }

    @Test
    void aStepTheClaimsStateDoesNotAllowIsExplainedAndChangesNothing() throws Exception {
        int year = 2015; // never submitted in Sandefjord: OPEN
        String claim = page(auditor(), PAGES + "/krav/2015");
        assertTrue(claim.contains("ikke sendt til revisor"), claim);
        assertFalse(claim.contains("/attestering"), "no form for a step the state does not allow");
        String csrf = HtmlPages.csrf(page(auditor(), PAGES + "/spor"));
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        String attest = post(auditor(), PAGES + "/krav/2015/attestering", Map.of("_csrf", csrf))
                .then()
                .spec(refused(409, "Refusjonskrav for kostnadsåret 2015"))
                .extract()
                .asString();
        assertTrue(attest.contains("kan ikke attesteres nå: bare et krav som er sendt til revisor"), attest);
        post(auditor(), PAGES + "/krav/2015/retur", Map.of("_csrf", csrf, "begrunnelse", "feil"))
                .then()
                .spec(refused(409, "Refusjonskrav for kostnadsåret 2015"))
                .body(containsString("kan ikke sendes tilbake nå"));
        post(auditor(), PAGES + "/krav/2015/retur", Map.of("_csrf", csrf, "begrunnelse", "a\u0007b"))
                .then()
                .spec(refused(422, "Refusjonskrav for kostnadsåret 2015"))
                .body(containsString("et tegn som ikke kan lagres"));
        // A reason of 1 999 characters with æ, as a browser sends it (6 bytes each once encoded), is
        // read whole and meets the claim's state, not a size limit of the form parser.
        post(auditor(), PAGES + "/krav/2015/retur", Map.of("_csrf", csrf, "begrunnelse", "æ".repeat(1999)))
                .then()
                .spec(refused(409, "Refusjonskrav for kostnadsåret 2015"));
        // As a browser sends it: UTF-8, percent-encoded; a bidi control (U+202E) is refused as in the API.
        as(auditor())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("_csrf=" + csrf + "&begrunnelse=a%E2%80%AEb")
                .post(PAGES + "/krav/2015/retur")
                .then()
                .spec(refused(422, "Refusjonskrav for kostnadsåret 2015"))
                .body(containsString("et tegn som ikke kan lagres"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"));
        assertEquals("OPEN", state(year));
    }

    @Test
    void otherRolesAreRefusedTheAuditorsPages() {
        as(coordinator()).get(PAGES).then().spec(refused(403, "Ingen tilgang"));
        as(coordinator()).get(PAGES + "/spor").then().spec(refused(403, "Ingen tilgang"));
        as(coordinator()).get(PAGES + "/krav/2020/csv").then().spec(refused(403, "Ingen tilgang"));
    }

    static final Pattern ACTOR_CELL = Pattern.compile("<tr>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>");

    static List<String> actors(String html) {
        List<String> actors = new ArrayList<>();
        Matcher m = ACTOR_CELL.matcher(html.substring(html.indexOf("<tbody>")));
        while (m.find()) {
            actors.add(m.group(1));
        }
        return actors;
    }

    @Test
    void theAuditTrailPageShowsTheEntriesFiltersThemAndPages() {
        int year = 2023;
        recipientWithCosts(year, "1700000.00");
        try {
            submit(year);
            // 51 reads by the auditor: more than one page of the trail.
            for (int i = 0; i < 51; i++) {
                given().auth()
                        .oauth2(auditor())
                        .get("/api/v1/municipalities/{code}/claims/{year}", CODE, year)
                        .then()
                        .statusCode(200);
            }
            String trail = page(auditor(), PAGES + "/spor");
            assertTrue(trail.contains("side 1 av"), trail);
            assertTrue(trail.contains("<code>claim.read</code> (kravet lest)"), trail);
            assertTrue(trail.contains("<a rel=\"next\" href=\"" + PAGES + "/spor?side=1\">Neste side</a>"), trail);
            String second = page(auditor(), PAGES + "/spor?side=1");
            assertTrue(second.contains("side 2 av"), second);
            assertTrue(second.contains("<a rel=\"prev\" href=\"" + PAGES + "/spor?side=0\">Forrige side</a>"));
            String csrf = HtmlPages.csrf(trail);

            // By actor: in the form's body, never in a URL; its pages are buttons of such forms.
            String signer = post(auditor(), PAGES + "/spor", Map.of("_csrf", csrf, "aktor", "user-0706"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            List<String> signers = actors(signer);
            assertFalse(signers.isEmpty(), signer);
            assertTrue(signers.stream().allMatch("user-0706"::equals), signers.toString());
            assertTrue(signer.contains("<code>claim.submit</code>"), signer);
            String byAuditor = post(auditor(), PAGES + "/spor", Map.of("_csrf", csrf, "aktor", "auditor-0706"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(actors(byAuditor).stream().allMatch("auditor-0706"::equals));
            assertFalse(byAuditor.contains("claim.submit"), "the signer's step is not the auditor's");
            assertTrue(byAuditor.contains("<input type=\"hidden\" name=\"aktor\" value=\"auditor-0706\">"));
            assertTrue(byAuditor.contains("Neste side</button>"), "the next page is a form's button");
            assertFalse(byAuditor.contains("aktor="), "the actor is in no link");

            // By dates, typed as dd.mm.åååå or ISO (days in UTC).
            LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
            String fromToday = page(auditor(), PAGES + "/spor?fra=" + utcToday.format(NORWEGIAN_DATE));
            assertTrue(fromToday.contains("claim.read"), fromToday);
            String isoToday = page(auditor(), PAGES + "/spor?fra=" + utcToday + "&til=" + utcToday);
            assertTrue(isoToday.contains("claim.read"), isoToday);
            String tomorrow = page(auditor(), PAGES + "/spor?fra=" + utcToday.plusDays(1));
            assertTrue(tomorrow.contains("Oppføringer (ingen)"), tomorrow);

            // A date that is none, and an end before the start: explained at the field.
            as(auditor())
                    .get(PAGES + "/spor?fra=31.02.2024")
                    .then()
                    .spec(refused(422, "Revisjonsspor"))
                    .body(containsString("aria-describedby=\"fra-hjelp fra-feil\" aria-invalid=\"true\""))
                    .body(containsString("Skriv datoen som dd.mm.åååå"));
            post(auditor(), PAGES + "/spor", Map.of("_csrf", csrf, "fra", "02.03.2024", "til", "01.03.2024"))
                    .then()
                    .spec(refused(422, "Revisjonsspor"))
                    .body(containsString("Til-datoen må være etter fra-datoen"))
                    .body(not(containsString("<tbody>")));
        } finally {
            openAgain(year);
        }
    }
}
