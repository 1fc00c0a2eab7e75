package no.samkost.web;

import static io.restassured.RestAssured.given;
import static no.samkost.cooperation.CooperationApiTest.HOF;
import static no.samkost.cooperation.CooperationApiTest.RE;
import static no.samkost.support.Problems.formRefused;
import static no.samkost.support.Problems.problemPage;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.HtmlPages;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The planning pages (Planlegging, and Risiko under a cooperation) show what the planning API
 * answers the same person at the same moment, take the coordinator's forms through the same
 * services, and explain refused input at its field with nothing changed. Every municipality's
 * planning figures hold what other tests of the run wrote, so figures are compared with the API's
 * JSON for the same request, not with constants; what the forms store is worked out by hand below.
 */
@QuarkusTest
class PlanningPagesTest {

    static final String BASE = "/app/0716/planlegging";

    static final List<String> PAGES = List.of(
            BASE,
            BASE + "/behov",
            BASE + "/register",
            BASE + "/scenarier",
            BASE + "/sammenligning",
            BASE + "/folsomhet",
            "/app/0716/samarbeid/3k/risiko?aar=2&kjoringer=100",
            "/app/0716/samarbeid/3k/nokkeltall?fra=2018&til=2019",
            "/app/0716/samarbeid/3k/folsomhet?aar=2019");

    static String page(String token, String path) {
        return HtmlPages.as(token).get(path).then().statusCode(200).extract().asString();
    }

    static JsonPath api(String token, String path, Object... query) {
        var request = given().auth().oauth2(token);
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath().using(Money.exactPaths());
    }

    static String nok(Object amount) {
        return amount == null ? "–" : Formats.nok((BigDecimal) amount);
    }

    /** The table with this id, from its tag to its end. */
    static String table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\"");
        assertTrue(start >= 0, "no table " + id + " in " + html);
        return html.substring(start, html.indexOf("</table>", start));
    }

    /** The body row whose header cell is {@code label}. */
    static String row(String table, String label) {
        int start = table.indexOf("<th scope=\"row\">" + label);
        assertTrue(start >= 0, "no row " + label + " in " + table);
        return table.substring(start, table.indexOf("</tr>", start));
    }

    static List<String> csvLines(String token, String path) {
        String csv = HtmlPages.as(token)
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Disposition", startsWith("attachment"))
                .contentType("text/csv")
                .extract()
                .asString();
        assertTrue(csv.endsWith("\r\n"), csv);
        return List.of(csv.split("\r\n"));
    }

    @Test
    void everyPlanningPageRendersForBothRolesAndTheViewerSeesNoForms() {
        for (String path : PAGES) {
            String coordinator = page(Tokens.coordinator(RE), path);
            String viewer = page(Tokens.viewer(RE), path);
            for (String html : List.of(coordinator, viewer)) {
                assertTrue(
                        html.contains("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\"></script>")
                                || path.contains("register")
                                || path.contains("scenarier"),
                        path);
                assertFalse(html.contains("<script>"), path + ": no inline script under the CSP");
            }
            assertFalse(viewer.contains("method=\"post\""), path + ": a viewer gets no write form");
        }
        assertTrue(page(Tokens.coordinator(RE), BASE + "/register").contains("method=\"post\""));
        assertTrue(page(Tokens.coordinator(RE), BASE + "/scenarier").contains("method=\"post\""));
        assertTrue(page(Tokens.viewer(RE), "/app/0716/").contains("href=\"/app/0716/planlegging\""), "in the nav");
    }

    @Test
    void anotherMunicipalitysPlanningPathIsRefused() {
        for (String path : PAGES) {
            HtmlPages.as(Tokens.coordinator(HOF)).get(path).then().spec(problemPage(403, "forbidden", "Ingen tilgang"));
        }
        HtmlPages.as(Tokens.auditor(RE)).get(BASE).then().spec(problemPage(403, "forbidden", "Ingen tilgang"));
    }

    @Test
    void theKeyFiguresAreTheApisAndTheirCsvIsTheApisCsv() {
        String viewer = Tokens.viewer(RE);
        JsonPath api = api(viewer, "/api/v1/municipalities/0716/key-figures", "from", 2021, "to", 2024);
        String html = page(viewer, BASE + "?fra=2021&til=2024");
        String table = table(html, "nokkeltall");
        assertTrue(table.contains("data-diagram=\"diagram-nokkeltall\""), "the chart is drawn from this table");
        for (Map<String, Object> year : api.<Map<String, Object>>getList("years")) {
            String row = row(table, year.get("costYear").toString());
            assertTrue(row.contains(nok(year.get("costs"))), row);
            assertTrue(row.contains(nok(year.get("grant"))), row);
            assertTrue(row.contains(nok(year.get("netCost"))), row);
        }
        String csv = HtmlPages.as(viewer)
                .get(BASE + "/nokkeltall.csv?fra=2021&til=2024")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String apiCsv = given().auth()
                .oauth2(viewer)
                .accept("text/csv")
                .queryParam("from", 2021)
                .queryParam("to", 2024)
                .get("/api/v1/municipalities/0716/key-figures")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(apiCsv, csv);
        assertEquals(5, csv.split("\r\n").length, "a header and four years");

        // 2010 to 2030 is 21 years: at most 15, said at the field, and no figures.
        HtmlPages.as(viewer)
                .get(BASE + "?fra=2010&til=2030")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("id=\"fra\" name=\"fra\""))
                .body(containsString("aria-describedby=\"fra-feil\""))
                .body(containsString("høyst 15 år før"));
    }

    @Test
    void theDemandIsTheApisWithTheExitRateTypedInPerCent() {
        String viewer = Tokens.viewer(RE);
        // 2,5 % typed is the API's 0.025.
        JsonPath api = api(
                viewer,
                "/api/v1/municipalities/0716/planning/demand",
                "from",
                2027,
                "years",
                3,
                "yearlyExitRate",
                "0.025");
        String html = page(viewer, BASE + "/behov?fra=2027&aar=3&utflytting=2,5");
        String table = table(html, "behov");
        assertTrue(table.contains("data-stablet=\"ja\""), "a stacked chart");
        for (Map<String, Object> year : api.<Map<String, Object>>getList("rows")) {
            String row = row(table, year.get("year").toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> cells = (Map<String, Object>) year.get("byHousingForm");
            for (Map.Entry<String, Object> cell : cells.entrySet()) {
                assertTrue(row.contains("data-verdi=\"" + ((BigDecimal) cell.getValue()).toPlainString() + "\""), row);
            }
        }
        List<String> csv = csvLines(viewer, BASE + "/behov/behov.csv?fra=2027&aar=3&utflytting=2,5");
        assertEquals(
                "year,housingForm_1,housingForm_2,housingForm_3,housingForm_4,housingForm_5,housingForm_unknown,total",
                csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).startsWith("2027,"), csv.get(1));

        HtmlPages.as(viewer)
                .get(BASE + "/behov?utflytting=101")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("aria-describedby=\"utflytting-feil\""));
    }

    /**
     * A youth through the register's forms. The conversation of 12.03.2026 says: moves out in 2029,
     * form 3, base UTVIDET, 10 to 20,5 hours a week, which the API then gives as the entry's answers
     * (hours with one decimal: 10.0 and 20.5).
     */
    @Test
    void aYouthIsEnteredItsConversationRecordedAndItsStatusChangedThroughTheForms() throws Exception {
        String coordinator = Tokens.coordinator(RE);
        String csrf = HtmlPages.csrf(coordinator, BASE + "/register");
        String ref = Api.uniqueRef("SIDE-U");
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", ref)
                .formParam("birthYear", "2011")
                .formParam("userGroup", "SOMATIC")
                .post(BASE + "/register")
                .then()
                .statusCode(303)
                .header("Location", containsString("/app/0716/planlegging/register?melding=lagt-til"));

        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        // A day in the future, and hours out of range: each explained at its field, nothing stored.
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", ref)
                .formParam("heldOn", "2099-01-01")
                .post(BASE + "/register/samtale")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Oppgi dagen samtalen ble holdt"))
                .body(containsString("aria-invalid=\"true\""));
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", ref)
                .formParam("heldOn", "12.03.2026")
                .formParam("hoursPerWeekMin", "200")
                .post(BASE + "/register/samtale")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Timer per uke må være fra 0 til 168"));
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", "NO-SUCH-YOUTH")
                .formParam("heldOn", "12.03.2026")
                .post(BASE + "/register/samtale")
                .then()
                .spec(formRefused(404, "not-found"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"));

        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", ref)
                .formParam("heldOn", "12.03.2026")
                .formParam("expectedMoveOutYear", "2029")
                .formParam("housingForm", "3")
                .formParam("baseLevel", "UTVIDET")
                .formParam("hoursPerWeekMin", "10")
                .formParam("hoursPerWeekMax", "20,5")
                .post(BASE + "/register/samtale")
                .then()
                .statusCode(303);
        JsonPath need = api(coordinator, "/api/v1/municipalities/0716/needs/" + ref);
        assertEquals(2029, need.getInt("expectedMoveOutYear"));
        assertEquals(3, need.getInt("housingForm"));
        assertEquals("UTVIDET", need.getString("baseLevel"));
        assertEquals(new BigDecimal("10.0"), need.get("hoursPerWeekMin"));
        assertEquals(new BigDecimal("20.5"), need.get("hoursPerWeekMax"));
        assertEquals("2026-03-12", need.getString("lastConversationOn"));

        String version = need.get("version").toString();
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", ref)
                .formParam("birthYear", "2011")
                .formParam("userGroup", "SOMATIC")
                .formParam("status", "BECAME_RECIPIENT")
                .formParam("version", version)
                .post(BASE + "/register/status")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("«Ble tjenestemottaker» trenger referansen"));
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", ref)
                .formParam("birthYear", "2011")
                .formParam("userGroup", "SOMATIC")
                .formParam("status", "DECLINED")
                .formParam("version", version)
                .post(BASE + "/register/status")
                .then()
                .statusCode(303);
        assertEquals(
                "DECLINED",
                api(coordinator, "/api/v1/municipalities/0716/needs/" + ref).getString("status"));
        // The same version again is stale now.
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("ref", ref)
                .formParam("birthYear", "2011")
                .formParam("userGroup", "SOMATIC")
                .formParam("status", "ACTIVE")
                .formParam("version", version)
                .post(BASE + "/register/status")
                .then()
                .spec(formRefused(409, "stale-version"));

        List<String> csv = csvLines(coordinator, BASE + "/register/register.csv");
        assertEquals(
                "ref,birthYear,userGroup,status,recipientRef,expectedMoveOutYear,housingForm,baseLevel,"
                        + "hoursPerWeekMin,hoursPerWeekMax,lastConversationOn",
                csv.get(0));
        assertTrue(csv.contains(ref + ",2011,SOMATIC,DECLINED,,2029,3,UTVIDET,10.0,20.5,2026-03-12"), csv.toString());
    }

    /** Hof's names: form 1 renamed through the form shows in the register, and back to Drammen's. */
    @Test
    void aCoordinatorRenamesAHousingFormAndTheDefaultComesBackWhenBlank() {
        String coordinator = Tokens.coordinator(HOF);
        String path = "/app/0714/planlegging/register";
        String csrf = HtmlPages.csrf(coordinator, path);
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("boform", "Egen leilighet", "", "", "", "")
                .formParam("basenivaa", "", "", "", "")
                .post(path + "/navn")
                .then()
                .statusCode(303);
        assertTrue(page(coordinator, path).contains("value=\"Egen leilighet\""));
        assertEquals(
                "Egen leilighet",
                api(coordinator, "/api/v1/municipalities/0714/planning/housing-names")
                        .getString("housingForms[0].name"));
        HtmlPages.as(coordinator)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf)
                .formParam("boform", "a\u202Eb", "", "", "", "")
                .post(path + "/navn")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Et navn må ha 1 til 80 tegn"));
        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .formParam("boform", "", "", "", "", "")
                .post(path + "/navn")
                .then()
                .statusCode(303);
        assertFalse(api(coordinator, "/api/v1/municipalities/0714/planning/housing-names")
                .getBoolean("housingForms[0].renamed"));
    }

    /**
     * A scenario through the form, as a person types it: 4 % wage growth is 0.04, 2,5 % exits
     * 0.025, "900 000" kroner 900000.00, shares 25/25/50 % of new residents in forms 1-3 are 0.25,
     * 0.25 and 0.5; a cost of form 4 at base EKSTRA, a move into a joint service and a saving.
     */
    @Test
    void aScenarioIsCreatedChangedComparedAndDeletedThroughTheForms() throws Exception {
        String coordinator = Tokens.coordinator(RE);
        String csrf = HtmlPages.csrf(coordinator, BASE + "/scenarier");
        String name = Api.uniqueRef("Sidescenario");
        String location = scenarioForm(coordinator, csrf, name, "4", "25")
                .post(BASE + "/scenarier")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        Matcher id = Pattern.compile("/app/0716/planlegging/scenarier/([0-9a-f-]{36})\\?melding=lagret$")
                .matcher(location);
        assertTrue(id.find(), location);
        String scenario = id.group(1);
        JsonPath stored = api(coordinator, "/api/v1/municipalities/0716/planning/scenarios/" + scenario);
        assertEquals(name, stored.getString("name"));
        // Rates are stored with the columns' scale (0.040000): the same number.
        assertRate("0.04", stored.get("yearlyWageGrowth"));
        assertRate("0.025", stored.get("yearlyExitRate"));
        assertEquals(new BigDecimal("0.00"), stored.get("yearlyExtraStep"));
        assertEquals(new BigDecimal("900000.00"), stored.get("annualCosts.find { it.housingForm == 1 }.annualCost"));
        assertEquals(
                new BigDecimal("3100000.00"),
                stored.get("annualCosts.find { it.housingForm == 4 && it.baseLevel == 'EKSTRA' }.annualCost"));
        assertEquals(
                new BigDecimal("2000000.00"), stored.get("annualCosts.find { it.housingForm == null }.annualCost"));
        List<Object> shares = stored.getList("newResidentForms.share");
        assertEquals(3, shares.size());
        assertRate("0.25", shares.get(0));
        assertRate("0.25", shares.get(1));
        assertRate("0.5", shares.get(2));
        assertEquals(2027, stored.getInt("jointServiceMoves[0].fromYear"));
        assertEquals(new BigDecimal("1500000.00"), stored.get("jointServiceMoves[0].annualCostPerPlace"));
        assertEquals(new BigDecimal("500000.00"), stored.get("savings[0].amount"));

        // The projection on its page is the API's, year by year.
        JsonPath projection = api(
                coordinator,
                "/api/v1/municipalities/0716/planning/scenarios/" + scenario + "/projection",
                "from",
                2026,
                "years",
                3);
        String html = page(Tokens.viewer(RE), BASE + "/scenarier/" + scenario + "?fra=2026&aar=3");
        String costs = table(html, "scenario-tabell");
        String residents = table(html, "beboere-tabell");
        for (Map<String, Object> year : projection.<Map<String, Object>>getList("rows")) {
            String y = year.get("year").toString();
            assertTrue(row(costs, y).contains(nok(year.get("grossCosts"))), row(costs, y));
            assertTrue(row(costs, y).contains(nok(year.get("grant"))), row(costs, y));
            assertTrue(row(costs, y).contains(nok(year.get("netCost"))), row(costs, y));
            assertTrue(
                    row(residents, y).contains(Formats.number((BigDecimal) year.get("residents"))), row(residents, y));
        }
        List<String> csv =
                csvLines(Tokens.viewer(RE), BASE + "/scenarier/" + scenario + "/framskriving.csv?fra=2026&aar=3");
        assertTrue(csv.get(0).startsWith("year,grantYear,rulesStatus,threshold,residents_"), csv.get(0));
        assertEquals(4, csv.size());

        // Refused: a wage growth that is no number, shares summing to 90 %, a name in use.
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        String refused = scenarioForm(coordinator, csrf, Api.uniqueRef("Feil"), "fire", "25")
                .post(BASE + "/scenarier")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("aria-describedby=\"lonnsvekst-feil\""))
                .body(containsString("Lønnsvekst per år i prosent"))
                .extract()
                .asString();
        assertTrue(refused.contains("value=\"fire\""), "what was typed is kept");
        scenarioForm(coordinator, csrf, Api.uniqueRef("Feil"), "4", "15")
                .post(BASE + "/scenarier")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("id=\"andeler-feil\""));
        scenarioForm(coordinator, csrf, name, "4", "25")
                .post(BASE + "/scenarier")
                .then()
                .spec(formRefused(409, "conflict"))
                .body(containsString("Et annet scenario i kommunen har det navnet"));
        assertEquals(before, Database.fingerprintExcept("audit_entry"));

        // Changed from version 0, then the same version again is stale.
        scenarioForm(coordinator, csrf, name + "-2", "3", "25")
                .formParam("versjon", "0")
                .post(BASE + "/scenarier/" + scenario)
                .then()
                .statusCode(303);
        assertRate(
                "0.03",
                api(coordinator, "/api/v1/municipalities/0716/planning/scenarios/" + scenario)
                        .get("yearlyWageGrowth"));
        scenarioForm(coordinator, csrf, name + "-3", "3", "25")
                .formParam("versjon", "0")
                .post(BASE + "/scenarier/" + scenario)
                .then()
                .spec(formRefused(409, "stale-version"))
                .body(containsString("endret av noen andre"));

        // Compared with another: the difference per year is the API's.
        String other = Api.scenario(RE, Api.uniqueRef("Sammenligning"));
        JsonPath compared = api(
                coordinator,
                "/api/v1/municipalities/0716/planning/comparison",
                "scenarios",
                other + "," + scenario,
                "from",
                2026,
                "years",
                2);
        String comparison = page(
                coordinator, BASE + "/sammenligning?grunn=" + other + "&alternativ=" + scenario + "&fra=2026&aar=2");
        String differences = table(comparison, "forskjell-tabell");
        for (Map<String, Object> year : compared.<Map<String, Object>>getList("rows")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> difference = (Map<String, Object>) year.get("difference");
            String row = row(differences, year.get("year").toString());
            assertTrue(row.contains(nok(difference.get("grossCosts"))), row);
            assertTrue(row.contains(nok(difference.get("stateShare"))), row);
            assertTrue(row.contains(nok(difference.get("municipalNet"))), row);
        }
        List<String> comparisonCsv = csvLines(
                coordinator,
                BASE + "/sammenligning/sammenligning.csv?grunn=" + other + "&alternativ=" + scenario
                        + "&fra=2026&aar=2");
        assertEquals(3, comparisonCsv.size());
        HtmlPages.as(coordinator)
                .get(BASE + "/sammenligning?grunn=abc&alternativ=" + scenario)
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Velg scenariet det sammenlignes med"));

        HtmlPages.as(coordinator)
                .formParam("_csrf", csrf)
                .post(BASE + "/scenarier/" + scenario + "/slett")
                .then()
                .statusCode(303);
        HtmlPages.as(coordinator)
                .get(BASE + "/scenarier/" + scenario)
                .then()
                .spec(problemPage(404, "not-found", "Siden finnes ikke"));
    }

    static void assertRate(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), expected + " but was " + actual);
    }

    static io.restassured.specification.RequestSpecification scenarioForm(
            String token, String csrf, String name, String growth, String firstShare) {
        return HtmlPages.as(token)
                .formParam("_csrf", csrf)
                .formParam("navn", name)
                .formParam("lonnsvekst", growth)
                .formParam("ekstrasteg", "0")
                .formParam("utflytting", "2,5")
                .formParam("kostnad", "900 000", "1 300 000", "1 800 000", "2 600 000", "4 200 000")
                .formParam("kostnadUkjent", "2 000 000")
                .formParam("nivaaBoform", "4", "")
                .formParam("nivaa", "EKSTRA", "")
                .formParam("nivaaKostnad", "3 100 000", "")
                .formParam("andel", firstShare, "25", "50", "", "")
                .formParam("flyttAar", "2027", "")
                .formParam("flyttBoform", "4", "")
                .formParam("flyttAntall", "1", "")
                .formParam("flyttKostnad", "1 500 000", "")
                .formParam("sparingAar", "2027", "", "")
                .formParam("sparingBelop", "500 000", "", "");
    }

    @Test
    void theSensitivityIsTheApisWithTheGivenAnnualCost() {
        String viewer = Tokens.viewer(RE);
        String ref = Api.uniqueRef("SENS");
        Api.recipient(RE, ref, 1990, false);
        Api.cost(RE, ref, "2021-06", "DIRECT_WAGES", "2400000.00", null);
        JsonPath api = api(
                viewer,
                "/api/v1/municipalities/0716/planning/sensitivity/2021",
                "from",
                -1,
                "to",
                2,
                "annualCost",
                "1500000");
        String html = page(viewer, BASE + "/folsomhet?aar=2021&fra=-1&til=2&kostnad=1 500 000");
        String table = table(html, "folsomhet");
        for (Map<String, Object> step : api.<Map<String, Object>>getList("steps")) {
            String row = row(table, step.get("change").toString());
            assertTrue(row.contains(nok(step.get("costs"))), row);
            assertTrue(row.contains(nok(step.get("grant"))), row);
            assertTrue(row.contains("data-verdi=\"" + ((BigDecimal) step.get("netCost")).toPlainString() + "\""), row);
        }
        List<String> csv = csvLines(viewer, BASE + "/folsomhet/folsomhet.csv?aar=2021&fra=-1&til=2&kostnad=1500000");
        assertEquals(5, csv.size(), "a header and k = -1 to 2");
        HtmlPages.as(viewer)
                .get(BASE + "/folsomhet?aar=2021&fra=3&til=1")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("aria-describedby=\"til-feil\""));
    }

    /**
     * Re's risk page: every member the API shows Re has its row and fan, every member it hides is
     * named as hidden, and the summary's means are the API's for the same parameters.
     */
    @Test
    void theRiskPageShowsWhatTheApiShowsAMemberAndNamesTheHidden() {
        String viewer = Tokens.viewer(RE);
        JsonPath api = api(viewer, "/api/v1/cooperations/3k/planning/risk", "years", 2, "runs", 100, "from", 2026);
        String html = page(viewer, "/app/0716/samarbeid/3k/risiko?fra=2026&aar=2&kjoringer=100");
        String summary = table(html, "risiko");
        Map<String, String> names = Map.of("0702", "Holmestrand", "0714", "Hof", "0716", "Re");
        for (Map<String, Object> member : api.<Map<String, Object>>getList("members")) {
            String code = (String) member.get("municipality");
            String row = summary.substring(summary.indexOf("data-rad=\"" + code + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) member.get("figures");
            if (figures == null) {
                assertTrue(row.contains("skjult-tall"), row);
                assertTrue(html.contains("Skjult etter regelen om små tall:"), html);
                assertTrue(html.substring(html.indexOf("Skjult etter regelen")).contains(names.get(code)));
                assertFalse(html.contains("id=\"vifte-" + code + "\""));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> alone = (Map<String, Object>) figures.get("standAlone");
                @SuppressWarnings("unchecked")
                Map<String, Object> pooled = (Map<String, Object>) figures.get("pooled");
                assertTrue(row.contains(nok(alone.get("mean"))), row);
                assertTrue(row.contains(nok(pooled.get("mean"))), row);
                assertTrue(html.contains("<table id=\"vifte-" + code + "-tabell\" data-vifte=\"vifte-" + code + "\""));
            }
        }
        if (api.get("total") == null) {
            assertFalse(html.contains("id=\"vifte-sum\""));
        } else {
            assertTrue(html.contains("id=\"vifte-sum\""));
        }
        List<String> csv = csvLines(viewer, "/app/0716/samarbeid/3k/risiko/risiko.csv?fra=2026&aar=2&kjoringer=100");
        assertTrue(csv.get(0).startsWith("member,hidden,costYear,standAlone_mean"), csv.get(0));
        HtmlPages.as(viewer)
                .get("/app/0716/samarbeid/3k/risiko?kjoringer=5")
                .then()
                .spec(formRefused(400, "validation"))
                .body(containsString("Antall kjøringer må være"));
        HtmlPages.as(viewer)
                .get("/app/0716/samarbeid/sor/risiko")
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
    }
}
