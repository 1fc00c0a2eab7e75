package no.samkost.web;

import static no.samkost.cooperation.CooperationApiTest.HOF;
import static no.samkost.cooperation.CooperationApiTest.RE;
import static no.samkost.support.Problems.formRefused;
import static no.samkost.support.Problems.problemPage;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.HtmlPages;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The estimate's pages on Re's costs of 2025 (grant year 2026, projected: threshold 1 678 000 x 1.04
 * -> 1 745 000).
 * One recipient, born 1990, wages 160 000 a month January to September of 2025, nothing else in
 * Re's 2025 from this class: it continues at 160 000 for October to December, 1 920 000 in all;
 * 1 920 000 - 1 745 000 = 175 000, just outside 10 % of the threshold (174 500): not near; grant
 * 175 000 x 0.80 = 140 000.00.
 */
@QuarkusTest
class EstimatePagesTest {

    static final String PAGE = "/app/0716/anslag";
    static final int YEAR = 2025;

    @Test
    void theEstimateAForecastAndItsVarianceThroughThePages() throws Exception {
        String ref = Api.uniqueRef("ANS");
        Api.recipient(RE, ref, 1990, false);
        for (int month = 1; month <= 9; month++) {
            Api.cost(RE, ref, "%d-%02d".formatted(YEAR, month), "DIRECT_WAGES", "160000.00", null);
        }
        String coordinator = Tokens.coordinator(RE);
        String html = HtmlPages.as(coordinator)
                .get(PAGE + "?aar=" + YEAR)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(html.contains("<h1>Anslag for kostnadsåret 2025</h1>"), html);
        assertTrue(html.contains("id=\"framskrevet\""), "the rules of 2026 are projected");
        String row = html.substring(html.indexOf("<th scope=\"row\">" + ref + "</th>"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("<td>fortsetter</td>"), row);
        assertTrue(row.contains(MunicipalityPagesTest.nok(new BigDecimal("1920000.00"))), row);
        assertTrue(row.contains(MunicipalityPagesTest.nok(new BigDecimal("140000.00"))), row);

        // A bad month is explained at its field; nothing is stored.
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        HtmlPages.as(coordinator)
                .formParam("_csrf", HtmlPages.csrf(html))
                .formParam("aar", "" + YEAR)
                .formParam("ref", ref)
                .formParam("sluttmaaned", "13")
                .formParam("handling", "lagre")
                .post(PAGE + "/forventning")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Siste måned må være en måned 1–12"));
        HtmlPages.as(coordinator)
                .formParam("_csrf", HtmlPages.csrf(html))
                .formParam("aar", "" + YEAR)
                .formParam("ref", "NO-SUCH-REF")
                .formParam("sluttmaaned", "10")
                .formParam("handling", "lagre")
                .post(PAGE + "/forventning")
                .then()
                .spec(formRefused(404, "not-found"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"));

        // The expectation (ends in October) and a forecast through the forms.
        HtmlPages.as(coordinator)
                .formParam("_csrf", HtmlPages.csrf(html))
                .formParam("aar", "" + YEAR)
                .formParam("ref", ref)
                .formParam("sluttmaaned", "10")
                .formParam("handling", "lagre")
                .post(PAGE + "/forventning")
                .then()
                .statusCode(303);
        HtmlPages.as(coordinator)
                .formParam("_csrf", HtmlPages.csrf(html))
                .formParam("aar", "" + YEAR)
                .formParam("navn", "Sidetest")
                .post(PAGE + "/prognose")
                .then()
                .statusCode(303);
        String after = HtmlPages.as(coordinator)
                .get(PAGE + "?aar=" + YEAR)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher link = Pattern.compile("href=\"/app/0716/anslag/avvik\\?aar=2025&amp;prognose=([0-9a-f-]{36})\"")
                .matcher(after.substring(after.indexOf("<th scope=\"row\">Sidetest</th>")));
        assertTrue(link.find(), after);

        String variance = HtmlPages.as(Tokens.viewer(RE))
                .get(PAGE + "/avvik?aar=" + YEAR + "&prognose=" + link.group(1))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(variance.contains("data-fossefall=\"fossefall\""), variance);
        assertTrue(variance.contains("<tr data-etikett=\"Prognosen\" data-sum=\"ja\""), variance);
        assertTrue(variance.contains("<tr data-etikett=\"Kravet\" data-sum=\"ja\""), variance);
        assertTrue(variance.contains("<script src=\"/app/assets/fossefall.js\"></script>"), variance);

        HtmlPages.as(coordinator)
                .get(PAGE + "/avvik?aar=" + YEAR + "&prognose=abc")
                .then()
                .spec(problemPage(400, "validation", "Ugyldig forespørsel"));
    }

    @Test
    void anotherMunicipalityAndTheProjectGroupAreRefused() {
        HtmlPages.as(Tokens.coordinator(HOF))
                .get(PAGE + "?aar=" + YEAR)
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
        HtmlPages.as(Tokens.token(RE, "cooperation-member"))
                .get(PAGE + "?aar=" + YEAR)
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
    }
}
