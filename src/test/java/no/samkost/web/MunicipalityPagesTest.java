package no.samkost.web;

import static io.restassured.RestAssured.given;
import static no.samkost.support.Problems.formRefused;
import static no.samkost.support.Problems.problemPage;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.costs.CostImport;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The Min kommune pages (recipients, costs, claim) with real tokens: they show what the API
 * answers, write through the same services, refuse what the API refuses, and never another
 * municipality's pages. Pages accept a bearer token as the API does; a browser uses its session
 * (the browser tests in e2e log in through Keycloak).
 */
@QuarkusTest
class MunicipalityPagesTest {

    static final String RE = "0716";
    static final String HOF = "0714";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The municipality's rows, less the audit trail (every page read is audited, as API reads are). */
    static Map<String, String> rowsOf(String municipality) throws Exception {
        Map<String, String> rows = new TreeMap<>(Database.fingerprintOf(municipality));
        rows.remove("audit_entry");
        return rows;
    }

    static String page(String token, String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static String csrf(String token, String path) {
        Matcher m = CSRF.matcher(page(token, path));
        assertTrue(m.find(), "the page has a form token");
        return m.group(1);
    }

    /** Norwegian money as the issue writes it, formatted here by hand: groups of three, comma, kr. */
    static String nok(BigDecimal amount) {
        String plain = amount.setScale(2).abs().toPlainString();
        String whole = plain.substring(0, plain.indexOf('.'));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('\u00A0');
            }
            grouped.append(whole.charAt(i));
        }
        return (amount.signum() < 0 ? "\u2212" : "") + grouped + "," + plain.substring(plain.indexOf('.') + 1)
                + "\u00A0kr";
    }

    @Test
    void aCoordinatorAddsARecipientThroughTheFormAndTheApiHasIt() {
        String token = Tokens.coordinator(RE);
        String ref = Api.uniqueRef("WEB");
        given().auth()
                .oauth2(token)
                .formParam("_csrf", csrf(token, "/app/0716/mottakere"))
                .formParam("ref", ref)
                .formParam("birthYear", "1991")
                .formParam("intellectualDisability", "ja")
                .formParam("userGroup", "SOMATIC")
                .redirects()
                .follow(false)
                .post("/app/0716/mottakere")
                .then()
                .statusCode(303)
                .header("Location", containsString("/app/0716/mottakere?melding=lagt-til"));
        JsonPath created = given().auth()
                .oauth2(token)
                .get("/api/v1/municipalities/0716/recipients/{ref}", ref)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1991, created.getInt("birthYear"));
        assertEquals(true, created.getBoolean("intellectualDisability"));
        assertEquals("SOMATIC", created.getString("userGroup"));
        assertTrue(page(token, "/app/0716/mottakere?melding=lagt-til").contains("Mottakeren er lagt til."));
    }

    @Test
    void aBadFieldIsNamedInNorwegianAndNothingIsWritten() throws Exception {
        String token = Tokens.coordinator(RE);
        String csrf = csrf(token, "/app/0716/mottakere");
        Map<String, String> before = rowsOf("re");
        given().auth()
                .oauth2(token)
                .formParam("_csrf", csrf)
                .formParam("ref", Api.uniqueRef("WEB"))
                .formParam("birthYear", "nitten nitti")
                .formParam("userGroup", "SOMATIC")
                .post("/app/0716/mottakere")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Fødselsåret må være et årstall fra 1900 til i år."))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"birthYear-feil\""));
        given().auth()
                .oauth2(token)
                .formParam("_csrf", csrf)
                .formParam("ref", "12345678901")
                .formParam("birthYear", "1990")
                .formParam("userGroup", "SOMATIC")
                .post("/app/0716/mottakere")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("aldri et fødselsnummer"));
        assertEquals(before, rowsOf("re"));
    }

    @Test
    void aFormWithoutThisSessionsTokenIsRefusedAndChangesNothing() throws Exception {
        String token = Tokens.coordinator(RE);
        Map<String, String> before = rowsOf("re");
        given().auth()
                .oauth2(token)
                .formParam("ref", Api.uniqueRef("WEB"))
                .formParam("birthYear", "1990")
                .formParam("userGroup", "SOMATIC")
                .post("/app/0716/mottakere")
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
        // another person's token (a different subject) is worth nothing in this session
        String someoneElses = csrf(
                Tokens.token(RE, claims -> claims.subject("another-coordinator-0716"), "coordinator"),
                "/app/0716/mottakere");
        given().auth()
                .oauth2(token)
                .formParam("_csrf", someoneElses)
                .formParam("ref", Api.uniqueRef("WEB"))
                .formParam("birthYear", "1990")
                .formParam("userGroup", "SOMATIC")
                .post("/app/0716/mottakere")
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
        assertEquals(before, rowsOf("re"));
    }

    @Test
    void aViewerReadsButGetsNoFormsAndCannotPost() {
        String viewer = Tokens.viewer(RE);
        String html = page(viewer, "/app/0716/mottakere");
        assertTrue(html.contains("<h1>Mottakere i Re</h1>"));
        assertTrue(!html.contains("Legg til mottaker") && !html.contains("/mottakere/endre"), "no forms for a viewer");
        given().auth()
                .oauth2(viewer)
                .formParam("_csrf", csrf(Tokens.coordinator(RE), "/app/0716/mottakere"))
                .formParam("ref", Api.uniqueRef("WEB"))
                .formParam("birthYear", "1990")
                .formParam("userGroup", "SOMATIC")
                .post("/app/0716/mottakere")
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
    }

    @Test
    void anotherMunicipalitysPagesAreRefused() {
        String hof = Tokens.coordinator(HOF);
        for (String path : List.of("/app/0716/", "/app/0716/mottakere", "/app/0716/kostnader", "/app/0716/krav")) {
            given().auth()
                    .oauth2(hof)
                    .get(path)
                    .then()
                    .spec(problemPage(403, "forbidden", "Ingen tilgang"))
                    .body(not(containsString("DEMO-RE")));
        }
    }

    @Test
    void theMonthlyTableShowsTheLedgersSumsPerMonthAndCategory() {
        String token = Tokens.coordinator(RE);
        String ref = Api.uniqueRef("WEB");
        Api.recipient(RE, ref, 1985, false);
        Api.cost(RE, ref, "2017-03", "DIRECT_WAGES", "120000.50", null);
        Api.cost(RE, ref, "2017-03", "DIRECT_WAGES", "-20000.25", "correction");
        Api.cost(RE, ref, "2017-11", "USER_PAYMENT", "3000.00", null);

        // the expectation: every line of 2017 from the lines API, summed here
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (int pageNo = 0; ; pageNo++) {
            JsonPath lines = given().config(Money.exact())
                    .auth()
                    .oauth2(token)
                    .queryParam("year", 2017)
                    .queryParam("size", 500)
                    .queryParam("page", pageNo)
                    .get("/api/v1/municipalities/0716/costs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .using(Money.exactPaths());
            List<Map<String, Object>> items = lines.getList("items");
            for (Map<String, Object> line : items) {
                expected.merge(
                        line.get("period") + "|" + line.get("category"),
                        new BigDecimal(line.get("amount").toString()),
                        BigDecimal::add);
            }
            if (pageNo + 1 >= lines.getInt("totalPages")) {
                break;
            }
        }
        String html = page(token, "/app/0716/kostnader?aar=2017");
        // columns: the data-serie headers in order; rows: data-etikett with data-verdi cells
        List<String> columns = Pattern.compile("data-serie=\"([^\"]+)\"")
                .matcher(html)
                .results()
                .map(r -> r.group(1))
                .toList();
        Map<String, String> categoryOfColumn = Map.of(
                "Direkte lønn", "DIRECT_WAGES",
                "Brukerbetaling (fradrag)", "USER_PAYMENT",
                "Andel av felles tjeneste", "JOINT_SERVICE",
                "Kjøpte tjenester (lønnsandel)", "PURCHASED_SERVICES",
                "Indirekte kostnader (telles ikke)", "INDIRECT",
                "Øremerkede tilskudd (fradrag)", "EARMARKED_GRANT",
                "Vertskommunetilskudd (fradrag)", "HOST_MUNICIPALITY_GRANT");
        Map<String, BigDecimal> shown = new HashMap<>();
        Matcher row = Pattern.compile("<tr data-etikett=\"(\\d{4}-\\d{2})\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        int rows = 0;
        while (row.find()) {
            rows++;
            List<String> values = Pattern.compile("data-verdi=\"([^\"]*)\"")
                    .matcher(row.group(2))
                    .results()
                    .map(r -> r.group(1))
                    .toList();
            assertEquals(columns.size(), values.size());
            for (int i = 0; i < columns.size(); i++) {
                BigDecimal value = new BigDecimal(values.get(i));
                if (value.signum() != 0) {
                    shown.put(row.group(1) + "|" + categoryOfColumn.get(columns.get(i)), value);
                }
            }
        }
        assertEquals(12, rows, "every month of the year");
        Map<String, BigDecimal> expectedNonZero = new HashMap<>();
        expected.forEach((k, v) -> {
            if (v.signum() != 0) {
                expectedNonZero.put(k, v);
            }
        });
        assertEquals(expectedNonZero, shown);
        assertTrue(html.contains(nok(expected.get("2017-03|DIRECT_WAGES"))), "the amount in Norwegian format");
    }

    @Test
    void anImportWithBadRowsNamesEachRowAndWritesNothing() throws Exception {
        String token = Tokens.coordinator(RE);
        String ref = Api.uniqueRef("WEB");
        Api.recipient(RE, ref, 1985, false);
        StringBuilder csv = new StringBuilder("recipient_ref,period,category,amount,note\n");
        for (int i = 1; i <= 40; i++) {
            String amount = i == 7 ? "12,50" : i == 31 ? "-5.00" : "1000.00";
            String period = i == 19 ? "2017-13" : "2017-0" + (1 + i % 9);
            csv.append(ref)
                    .append(',')
                    .append(period)
                    .append(",DIRECT_WAGES,")
                    .append(amount)
                    .append(",\n");
        }
        Map<String, String> before = rowsOf("re");
        String html = given().auth()
                .oauth2(token)
                .multiPart("_csrf", csrf(token, "/app/0716/kostnader?aar=2017"))
                .multiPart("aar", "2017")
                .multiPart(
                        "fil",
                        "kostnader.csv",
                        csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/csv")
                .post("/app/0716/kostnader/import")
                .then()
                .spec(formRefused(422, "import-rejected"))
                .extract()
                .asString();
        assertTrue(html.contains("3 rader har feil. Ingenting er importert"), html);
        for (int bad : List.of(7, 19, 31)) {
            assertTrue(html.contains("<td class=\"tall\">" + bad + "</td>"), "row " + bad + " is named");
        }
        // ... and what is wrong with it, in Norwegian (the API's problem says it in English).
        assertTrue(
                html.contains("<td class=\"tall\">7</td><td>Skal ha 4 eller 5 kolonner (" + CostImport.HEADER
                        + "), har 6</td>"),
                html); // 12,50 unquoted is two columns
        assertTrue(html.contains("<td class=\"tall\">19</td><td>Måned (period): måneden må være 01–12</td>"), html);
        assertTrue(
                html.contains("<td class=\"tall\">31</td><td>Merknad (note): en korreksjon (negativt beløp) må"
                        + " begrunnes i merknaden</td>"),
                html);
        assertEquals(before, rowsOf("re"));

        String good = "recipient_ref,period,category,amount,note\n" + ref + ",2017-04,DIRECT_WAGES,2500.00,\n";
        given().auth()
                .oauth2(token)
                .multiPart("_csrf", csrf(token, "/app/0716/kostnader?aar=2017"))
                .multiPart("aar", "2017")
                .multiPart("fil", "kostnader.csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .redirects()
                .follow(false)
                .post("/app/0716/kostnader/import")
                .then()
                .statusCode(303)
                .header("Location", containsString("melding=importert&antall=1"));
        given().auth()
                .oauth2(token)
                .queryParam("recipient", ref)
                .get("/api/v1/municipalities/0716/costs")
                .then()
                .statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void theClaimPageShowsTheApisClaimAndItsCsvIsTheApis() {
        String token = Tokens.viewer(RE);
        JsonPath claim = given().config(Money.exact())
                .auth()
                .oauth2(token)
                .get("/api/v1/municipalities/0716/claims/2023")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
        String html = page(token, "/app/0716/krav?aar=2023");
        assertTrue(html.contains(nok(claim.getObject("totals.grant", BigDecimal.class))), "total grant");
        assertTrue(html.contains(nok(claim.getObject("totals.costs", BigDecimal.class))), "total costs");
        assertTrue(html.contains(nok(claim.getObject("rules.threshold", BigDecimal.class))), "threshold");
        for (String ref : claim.<String>getList("recipients.ref")) {
            assertTrue(html.contains("<th scope=\"row\">" + ref + "</th>"), ref);
        }
        if (html.contains("BELOW_THRESHOLD")) {
            assertTrue(html.contains("Kostnadene etter fradrag er ikke over innslagspunktet."));
        }
        String api = given().auth()
                .oauth2(token)
                .accept("text/csv")
                .get("/api/v1/municipalities/0716/claims/2023")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Response download = given().auth().oauth2(token).get("/app/0716/krav/csv?aar=2023");
        assertEquals(200, download.statusCode());
        assertTrue(download.header("Content-Disposition").startsWith("attachment"));
        assertEquals(api, download.asString());
    }

    @Test
    void theCoordinatorSignsAndReopensTheClaimThroughTheForms() {
        // Sandefjord's 2008 costs (grant year 2009): no other test signs that year of Sandefjord
        String sandefjord = "0706";
        // Sandefjord's identity provider names its roles the Entra way (TestIdentityProviders)
        String token = Tokens.token(sandefjord, "Samkost.Coordinator");
        String ref = Api.uniqueRef("WEB");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":1980,\"intellectualDisability\":false,"
                        + "\"userGroup\":\"OTHER\"}")
                .post("/api/v1/municipalities/0706/recipients")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"recipientRef\":\"" + ref + "\",\"period\":\"2008-06\",\"category\":\"DIRECT_WAGES\","
                        + "\"amount\":2500000.00}")
                .post("/api/v1/municipalities/0706/costs")
                .then()
                .statusCode(201);
        String csrf = csrf(token, "/app/0706/krav?aar=2008");
        given().auth()
                .oauth2(token)
                .formParam("_csrf", csrf)
                .formParam("aar", "2008")
                .redirects()
                .follow(false)
                .post("/app/0706/krav/innsending")
                .then()
                .statusCode(303)
                .header("Location", containsString("/app/0706/krav?aar=2008&melding=sendt"));
        assertEquals("SUBMITTED", claimState(token, sandefjord, 2008));
        String html = page(token, "/app/0706/krav?aar=2008");
        assertTrue(html.contains("sendt til revisor") && html.contains("Åpne kravet igjen"), "state and reopening");
        // a second signature of a submitted year is the API's 409, on the page
        given().auth()
                .oauth2(token)
                .formParam("_csrf", csrf)
                .formParam("aar", "2008")
                .post("/app/0706/krav/innsending")
                .then()
                .spec(formRefused(409, "claim-state"))
                .body(containsString("Ingenting ble endret"));
        given().auth()
                .oauth2(token)
                .formParam("_csrf", csrf)
                .formParam("aar", "2008")
                .formParam("reason", "")
                .post("/app/0706/krav/gjenaapning")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Skriv hvorfor kravet åpnes igjen."));
        given().auth()
                .oauth2(token)
                .formParam("_csrf", csrf)
                .formParam("aar", "2008")
                .formParam("reason", "en linje manglet")
                .redirects()
                .follow(false)
                .post("/app/0706/krav/gjenaapning")
                .then()
                .statusCode(303);
        assertEquals("OPEN", claimState(token, sandefjord, 2008));
    }

    static String claimState(String token, String code, int year) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/municipalities/{code}/claims/{year}", code, year)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    /**
     * The costs of 2025 are claimed in grant year 2026, which has no figures yet: the page says the
     * rules are projected and under what assumptions, shows each value's status (the threshold
     * 1 678 000 x 1.04 -> 1 745 000, projected), and offers no sign-off while the claim rests on a
     * projected value (the API would refuse it: rules-projected). Its own recipient, in Hof, whose
     * 2025 claim tests read per recipient only: 2 000 000 of wages is above the threshold, so its
     * grant rests on the projected threshold.
     */
    @Test
    void aClaimUnderProjectedRulesSaysSoAndCannotBeSigned() {
        String ref = Api.uniqueRef("FRA");
        Api.recipient(HOF, ref, 1990, false);
        Api.cost(HOF, ref, "2025-06", "DIRECT_WAGES", "2000000.00", null);
        String html = page(Tokens.coordinator(HOF), "/app/0714/krav?aar=2025");
        assertTrue(html.contains("<div class=\"melding\" role=\"note\" id=\"framskrevet\">"), html);
        assertTrue(html.contains("Det som mangler, er framskrevet fra det siste året før som har verdien"), html);
        assertTrue(html.contains("lønnsvekst på 4\u00a0%"), html);
        // By the values' names: the rate and the threshold here, the deduction too when another test's
        // Hof recipient of 2025 has an intellectual disability.
        assertTrue(html.contains("Kravet bygger på framskrevne verdier (kompensasjonsgrad, "), html);
        assertTrue(html.contains("innslagspunkt) og kan ikke signeres"), html);
        assertFalse(html.contains("/krav/innsending"), "no sign-off form");
        String rules = html.substring(html.indexOf("<table id=\"regelverdier\">"));
        assertTrue(
                rules.contains("<th scope=\"row\">Innslagspunkt</th><td class=\"tall\">"
                        + nok(new BigDecimal("1745000.00")) + "</td><td>framskrevet</td>"),
                rules);
    }
}
