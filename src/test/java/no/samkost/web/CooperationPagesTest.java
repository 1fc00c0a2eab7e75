package no.samkost.web;

import static io.restassured.RestAssured.given;
import static no.samkost.cooperation.CooperationApiTest.HOF;
import static no.samkost.cooperation.CooperationApiTest.HOST;
import static no.samkost.cooperation.CooperationApiTest.RE;
import static no.samkost.support.Problems.formRefused;
import static no.samkost.support.Problems.problemPage;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.cooperation.CooperationApiTest;
import no.samkost.cooperation.calculation.SmallNumbers;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.HtmlPages;
import no.samkost.support.Money;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Samarbeid pages show each viewer what the API shows it, and nothing more, and the host's
 * forms take the same steps as the API. Each test gets a fresh shared home in the test cooperation
 * 3k (host Holmestrand 0702, Re 0716, Hof 0714), 2 places:
 *
 * <pre>
 *   A  Re's recipient  from 2023-01-01, open, 20 h/week (confirmed)
 *   B  Hof's recipient from 2023-03-01, open, 30 h/week (confirmed): the home is full from March
 *   direct wages 2023-02 100 000.00 (A alone) and 2023-03 200 000.00; shared costs 2023-06 50 000.00
 * </pre>
 *
 * The pooled figures of 3k also hold what other tests placed there, so each figure on a page is
 * compared with the API's answer for the same viewer at the same moment, not with a constant.
 */
@QuarkusTest
class CooperationPagesTest {

    static final String COOPERATION = "3k";
    static final String PAGE = "/app/{code}/samarbeid/3k";
    /** The API's member fields, in the pages' column order. */
    static final List<String> POOLED_FIELDS = SmallNumbers.POOLED_FIELDS;

    static final Map<String, String> TOTAL_OF = Map.of("sharedCostShare", "sharedCosts");
    static final List<String> COMPARISON_FIELDS = SmallNumbers.COMPARISON_FIELDS;

    @Inject
    FormTokens formTokens;

    String service;
    String a;
    String b;

    @BeforeEach
    void aSharedHomeWithTwoPlacements() {
        service = CooperationApiTest.createService(COOPERATION, Api.uniqueRef("Nettsiden"), 2);
        a = Api.uniqueRef("WA");
        b = Api.uniqueRef("WB");
        Api.recipient(RE, a, 1990, true);
        Api.recipient(HOF, b, 1985, false);
        Api.cost(RE, a, "2023-05", "DIRECT_WAGES", "2500000.00", null);
        Api.cost(HOF, b, "2023-05", "DIRECT_WAGES", "1900000.00", null);
        CooperationApiTest.place(COOPERATION, service, RE, a, "2023-01-01", "20");
        CooperationApiTest.place(COOPERATION, service, HOF, b, "2023-03-01", "30");
        CooperationApiTest.jointCost(COOPERATION, service, "2023-02", "DIRECT_WAGES", "100000.00", null);
        CooperationApiTest.jointCost(COOPERATION, service, "2023-03", "DIRECT_WAGES", "200000.00", null);
        CooperationApiTest.jointCost(COOPERATION, service, "2023-06", "SHARED", "50000.00", null);
    }

    @Test
    void thePooledPageShowsTheApisFiguresForTheSameViewerAsNorwegianAmounts() {
        for (String viewer : List.of(group(RE), Tokens.coordinator(HOST), Tokens.viewer(HOF))) {
            String code = codeOf(viewer);
            JsonPath api = api(viewer, "/api/v1/cooperations/3k/pooled/2023");
            String page = page(viewer, PAGE + "?aar=2023", code);
            String table = element(page, "table", "samlet");
            List<Map<String, Object>> members = api.getList("members");
            assertEquals(3, members.size());
            for (Map<String, Object> member : members) {
                String municipality = (String) member.get("municipality");
                String row = row(table, municipality);
                for (String field : POOLED_FIELDS) {
                    assertCell(row, field, member.get(field), code + " sees " + municipality + " " + field);
                }
                assertTrue(
                        page.contains("data-tabell=\"samlet\" data-rad=\"" + municipality + "\""),
                        "a chart for " + municipality);
            }
            String total = section(table, "<tfoot>", "</tfoot>");
            Map<String, Object> totals = api.getMap("totals");
            for (String field : POOLED_FIELDS) {
                assertCell(
                        total,
                        field,
                        totals.get(TOTAL_OF.getOrDefault(field, field)),
                        code + " sees the total " + field);
            }

            JsonPath comparison = api(viewer, "/api/v1/cooperations/3k/comparison/2023");
            String compared = element(page, "table", "sammenligning");
            for (Map<String, Object> member : comparison.<Map<String, Object>>getList("members")) {
                String row = row(compared, (String) member.get("municipality"));
                for (String field : COMPARISON_FIELDS) {
                    assertCell(row, field, member.get(field), code + " compares " + member.get("municipality"));
                }
            }
            // The chart is drawn in the browser from the table, by a script file (strict CSP).
            assertTrue(page.contains("<script src=\"/app/assets/samarbeid.js\"></script>"));
            assertFalse(page.contains("<script>") || page.contains("style=\""), "no inline script or style");
        }
        // The script and the chart library the page loads are served, without a login.
        for (String script : List.of("/app/assets/samarbeid.js", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            given().get(script).then().statusCode(200);
        }
        // The viewer's own row: the fixture's recipient is among Re's placed recipients, in full.
        String re = row(element(page(group(RE), PAGE + "?aar=2023", RE), "table", "samlet"), RE);
        assertTrue(re.contains("(din kommune)"), re);
        assertFalse(re.contains("–"), "a member always sees its own row: " + re);
    }

    @Test
    void aSuppressedCellIsADashWithItsReasonInTheTitleAndInText() {
        String viewer = group(RE);
        JsonPath api = api(viewer, "/api/v1/cooperations/3k/pooled/2023");
        String page = page(viewer, PAGE + "?aar=2023", RE);
        String table = element(page, "table", "samlet");
        List<Map<String, Object>> suppressed = api.getList("suppressed");
        // A home never reads the year's attributed costs in total (the host's alone), so there is
        // always something hidden for Re; the other members' rows are hidden when they rest on < 3.
        assertTrue(suppressed.size() >= 2, suppressed.toString());
        for (Map<String, Object> hidden : suppressed) {
            String field = (String) hidden.get("field");
            String row = hidden.get("municipality") == null
                    ? section(table, "<tfoot>", "</tfoot>")
                    : row(table, (String) hidden.get("municipality"));
            Matcher cell = cell(row, field.replaceFirst("^totals\\.", "").replace("sharedCosts", "sharedCostShare"));
            assertEquals("", cell.group(1), field);
            String title = cell.group(2);
            assertNotNull(title, "the reason is in the cell's title: " + field);
            assertTrue(cell.group(3).startsWith("–"), cell.group(3));
            assertTrue(title.startsWith(NORWEGIAN.get(reasonKind((String) hidden.get("reason")))), title);
            // ... and in text: a footnote below the table says the same and names the cell.
            String notes = section(page, "<ol class=\"fotnoter\">", "</ol>");
            assertTrue(notes.contains("<p>" + title + "</p>"), notes);
            assertFalse(page.contains((String) hidden.get("reason")), "no English reason on the page");
        }
        String notes = section(page, "<ol class=\"fotnoter\">", "</ol>");
        assertTrue(notes.matches("(?s).*Sum: [^;<]*fordelte kostnader.*"), notes);
    }

    /**
     * The calculation's notes are worded in Norwegian, one for each of the API's (English) notes.
     * The host's 3k of 2023 has shared costs (this class's 50 000.00 in June, split by the test
     * agreement's key) and months with nobody placed.
     */
    @Test
    void theCalculationsNotesAreNorwegianOneForEachOfTheApis() {
        String host = Tokens.coordinator(HOST);
        List<String> english = api(host, "/api/v1/cooperations/3k/pooled/2023").getList("notes");
        String page = page(host, PAGE + "?aar=2023", HOST);
        String notes = section(page, "<h3>Merknader fra beregningen</h3>", "</ul>");
        assertEquals(english.size(), notes.split("<li>", -1).length - 1, notes);
        for (String note : english) {
            assertFalse(page.contains(note), "no English note on the page: " + note);
            Matcher shared = Pattern.compile("shared costs of SHARED_HOME services, ([0-9.]+), split by .*")
                    .matcher(note);
            if (shared.matches()) {
                assertTrue(
                        notes.contains("Felleskostnadene for tjenester av typen «Bofellesskap med base», "
                                + MunicipalityPagesTest.nok(new BigDecimal(shared.group(1))) + ", er fordelt etter "),
                        notes);
            }
        }
        assertTrue(english.stream().anyMatch(n -> n.startsWith("shared costs of SHARED_HOME")), english.toString());
    }

    /** The service's three reasons (English) and how the page must begin to say each. */
    static final Map<String, String> NORWEGIAN = Map.of(
            "rests on fewer than", "Bygger på færre enn 3 plasserte mottakere",
            "the hidden members' figures", "De skjulte medlemmenes tall bygger til sammen på færre enn 3",
            "the host's alone", "Bare vertskommunen ser denne summen",
            "another member's open year", "Et annet medlems åpne år");

    static String reasonKind(String reason) {
        return NORWEGIAN.keySet().stream()
                .filter(reason::startsWith)
                .findFirst()
                .orElseThrow(() -> new AssertionError("a reason the pages do not know: " + reason));
    }

    @Test
    void aHomeSeesItsOwnPlacementsOnlyAndNoOccupancyTheHostSeesAll() {
        String path = PAGE + "/tjenester/" + service + "?aar=2023";
        String re = page(Tokens.coordinator(RE), path, RE);
        assertTrue(re.contains(">" + a + "<"), "Re's own placement");
        assertFalse(re.contains(b), "no other home's placement");
        for (String hostOnly : List.of("id=\"belegg\"", "Belegg i", "Fordeling av direkte lønn", "Forespørsler til")) {
            assertFalse(re.contains(hostOnly), hostOnly);
        }
        String hof = page(Tokens.viewer(HOF), path, HOF);
        assertTrue(hof.contains(">" + b + "<") && !hof.contains(a), "Hof's own only");
        // A user with the group role only reads what listJointServices gives it: no placement at all.
        String group = page(group(RE), path, RE);
        assertFalse(group.contains(a) || group.contains(b), "listPlacements is not the group's");
        assertTrue(group.contains("<dd>2</dd>"), "the capacity is every member's");

        String host = page(Tokens.viewer(HOST), path, HOST);
        assertTrue(host.contains(">" + a + "<") && host.contains(">" + b + "<"), "the host sees every placement");
        String occupancy = element(host, "table", "belegg");
        assertTrue(row(occupancy, "2023-02").contains("data-felt=\"plasseringer\" data-verdi=\"1\">1<"), occupancy);
        assertTrue(row(occupancy, "2023-03").contains("data-felt=\"plasseringer\" data-verdi=\"2\">2<"), occupancy);
        assertTrue(host.contains("data-tabell=\"belegg\""), "and its chart");
        // ... and the chart's figures as CSV: the API's occupancy, with the capacity on each line.
        String csvPath = "/app/0702/samarbeid/3k/tjenester/" + service + "/belegg.csv?aar=2023";
        assertTrue(host.contains("href=\"" + csvPath.replace("&", "&amp;") + "\""), "the page links its CSV");
        String csv = HtmlPages.as(Tokens.viewer(HOST))
                .get(csvPath)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        JsonPath api = api(Tokens.viewer(HOST), "/api/v1/cooperations/3k/services/" + service + "/occupancy/2023");
        StringBuilder expected = new StringBuilder("month,peakPlacements,capacity\n");
        for (Map<String, Object> month : api.<Map<String, Object>>getList("months")) {
            expected.append(month.get("month"))
                    .append(',')
                    .append(month.get("peakPlacements"))
                    .append(",2\n");
        }
        assertEquals(expected.toString(), csv);
        HtmlPages.as(Tokens.viewer(RE))
                .get(csvPath.replace("/app/0702/", "/app/0716/"))
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
        // The attribution, month by month: February's wages are A's alone (28 days x 20 h/week).
        assertTrue(
                host.contains("<th scope=\"row\">februar 2023</th><td class=\"tall\">"
                        + kroner(new BigDecimal("100000.00")) + "</td>"),
                host);
        assertTrue(host.contains("<td class=\"tall\">28</td><td class=\"tall\">20</td><td class=\"tall\">560</td>"));
        assertFalse(host.contains("Bekreft plassen"), "a viewer takes no step");
    }

    @Test
    void theHostConfirmsARequestThroughTheForm() {
        String c = hofRecipient();
        String placement = CooperationApiTest.request(COOPERATION, service, HOF, c, "2022-01-01", "2022-12-31");
        String host = Tokens.coordinator(HOST);
        String path = "/app/0702/samarbeid/3k/tjenester/" + service;
        String page = page(host, path + "?aar=2023", HOST);
        assertTrue(page.contains("id=\"timer-" + placement + "\""), "a form for the request");
        Response done = form(host)
                .formParam("_csrf", csrf(page))
                .formParam("timer", "12,5")
                .formParam("versjon", "0")
                .formParam("aar", "2023")
                .post(path + "/plasseringer/" + placement + "/bekreftelse");
        done.then().statusCode(303);
        String location = done.header("Location");
        assertTrue(location.endsWith(path + "?aar=2023&melding=bekreftet"), location);
        assertFalse(location.contains(c), "no ref in the URL");
        placementAsHost(placement)
                .body("status", equalTo("CONFIRMED"))
                .body("usageHoursPerWeek", equalTo(new BigDecimal("12.50")))
                .body("version", equalTo(1));
        String after = page(host, path + "?aar=2023&melding=bekreftet", HOST);
        assertTrue(after.contains("Forespørselen er bekreftet."), "the confirmation is said");
        assertFalse(after.contains("id=\"timer-" + placement + "\""), "and the request is no longer open");
    }

    @Test
    void theHostDeclinesARequestThroughTheForm() {
        String d = hofRecipient();
        String placement = CooperationApiTest.request(COOPERATION, service, HOF, d, "2022-01-01", null);
        String host = Tokens.coordinator(HOST);
        String path = "/app/0702/samarbeid/3k/tjenester/" + service;
        String reason = "Ingen ledig plass med bemanningen personen trenger før høsten";
        form(host)
                .formParam("_csrf", csrf(page(host, path, HOST)))
                .formParam("begrunnelse", reason)
                .formParam("versjon", "0")
                .post(path + "/plasseringer/" + placement + "/avslag")
                .then()
                .statusCode(303)
                .header("Location", containsString("melding=avslatt"));
        placementAsHost(placement).body("status", equalTo("DECLINED")).body("declineReason", equalTo(reason));
        String hof = page(Tokens.coordinator(HOF), "/app/0714/samarbeid/3k/tjenester/" + service, HOF);
        assertTrue(hof.contains("<span class=\"status\">Avslått</span>") && hof.contains(reason), "Hof reads why");
    }

    @Test
    void aRefusedStepIsExplainedInNorwegianAndChangesNothing() throws Exception {
        // From March both places are taken: a request from April cannot be confirmed.
        String e = hofRecipient();
        String placement = CooperationApiTest.request(COOPERATION, service, HOF, e, "2023-04-01", null);
        String host = Tokens.coordinator(HOST);
        String path = "/app/0702/samarbeid/3k/tjenester/" + service;
        String token = csrf(page(host, path, HOST));
        String confirm = path + "/plasseringer/" + placement + "/bekreftelse";
        Map<String, String> before = Database.fingerprintExcept("audit_entry");

        String full = form(host)
                .formParam("_csrf", token)
                .formParam("timer", "10")
                .formParam("versjon", "0")
                .post(confirm)
                .then()
                .spec(refusedStep(409, "capacity-exceeded", "Bekreftelsen ble ikke lagret"))
                .extract()
                .asString();
        assertTrue(full.contains("Tjenesten har ikke ledig plass hver dag i perioden"), full);
        assertTrue(full.contains("Ingenting er endret."));

        form(host)
                .formParam("_csrf", token)
                .formParam("timer", "10")
                .formParam("versjon", "5")
                .post(confirm)
                .then()
                .spec(refusedStep(409, "stale-version", "Bekreftelsen ble ikke lagret"))
                .body(containsString("endret av noen andre etter at du åpnet siden"));

        for (String hours : List.of("200", "0", "abc", "1,234")) {
            String page = form(host)
                    .formParam("_csrf", token)
                    .formParam("timer", hours)
                    .formParam("versjon", "0")
                    .post(confirm)
                    .then()
                    .spec(refusedStep(400, "validation", "Bekreftelsen ble ikke lagret"))
                    .extract()
                    .asString();
            // The field says what is wrong, linked to it, and keeps what was typed.
            assertTrue(
                    page.contains("value=\"" + hours + "\" required aria-invalid=\"true\" aria-describedby=\"timer-"
                            + placement + "-feil\""),
                    hours + ": " + page);
            assertTrue(page.contains("<p class=\"feiltekst\" id=\"timer-" + placement + "-feil\">Oppgi timer"));
            assertTrue(page.contains("href=\"#timer-" + placement + "\""), "the summary links to the field");
        }
        form(host)
                .formParam("_csrf", token)
                .formParam("begrunnelse", "   ")
                .formParam("versjon", "0")
                .post(path + "/plasseringer/" + placement + "/avslag")
                .then()
                .spec(refusedStep(400, "validation", "Avslaget ble ikke lagret"))
                .body(containsString("aria-describedby=\"begrunnelse-" + placement + "-feil\""));

        assertEquals(before, Database.fingerprintExcept("audit_entry"), "refused steps changed nothing");
        placementAsHost(placement).body("status", equalTo("REQUESTED")).body("version", equalTo(0));
    }

    @Test
    void aFormWithoutItsTokenOrFromAHomeIsRefusedAndChangesNothing() throws Exception {
        String f = hofRecipient();
        String placement = CooperationApiTest.request(COOPERATION, service, HOF, f, "2022-01-01", "2022-06-30");
        String host = Tokens.coordinator(HOST);
        String confirm = "/app/0702/samarbeid/3k/tjenester/" + service + "/plasseringer/" + placement + "/bekreftelse";
        String someoneElse = Tokens.token(HOST, claims -> claims.subject("another-person"), "coordinator");
        String theirs = csrf(page(someoneElse, "/app/0702/samarbeid/3k/tjenester/" + service, HOST));
        String reHome = Tokens.coordinator(RE);
        // A home's pages have no form, so its session's form token is made as the service makes it:
        // from the bearer tenant, the subject and no session id.
        String reToken = formTokens.token("municipality-re\nuser-0716\n");
        Map<String, String> before = Database.fingerprint();

        form(host)
                .formParam("timer", "10")
                .formParam("versjon", "0")
                .post(confirm)
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
        for (String wrong : List.of("", "forged", theirs)) {
            form(host)
                    .formParam("_csrf", wrong)
                    .formParam("timer", "10")
                    .formParam("versjon", "0")
                    .post(confirm)
                    .then()
                    .spec(problemPage(403, "forbidden", "Ingen tilgang"));
        }
        // A home's coordinator, with its own valid token on its own path: the step is the host's.
        form(reHome)
                .formParam("_csrf", reToken)
                .formParam("timer", "10")
                .formParam("versjon", "0")
                .post("/app/0716/samarbeid/3k/tjenester/" + service + "/plasseringer/" + placement + "/bekreftelse")
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));

        assertEquals(before, Database.fingerprint(), "nothing written, not even a read's audit entry");
        placementAsHost(placement).body("status", equalTo("REQUESTED"));
    }

    @Test
    void aMemberOfAnotherCooperationIsRefused() {
        String sandefjord = Tokens.coordinator("0706");
        for (String path : List.of(
                "/app/0706/samarbeid/3k",
                "/app/0706/samarbeid/3k/samlede-tall.csv?aar=2023",
                "/app/0706/samarbeid/3k/tjenester/" + service)) {
            as(sandefjord).get(path).then().spec(problemPage(403, "forbidden", "Ingen tilgang"));
        }
        // ... and Re, a member of 3k, on Sandefjord's cooperation and on the host's own pages.
        as(Tokens.coordinator(RE))
                .get("/app/0716/samarbeid/sor")
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
        as(Tokens.coordinator(RE))
                .get("/app/0702/samarbeid/3k")
                .then()
                .spec(problemPage(403, "forbidden", "Ingen tilgang"));
    }

    @Test
    void theCsvDownloadIsTheApisCsv() {
        for (String viewer : List.of(group(RE), Tokens.coordinator(HOST))) {
            String api = given().auth()
                    .oauth2(viewer)
                    .accept("text/csv")
                    .get("/api/v1/cooperations/3k/pooled/2023")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String download = as(viewer)
                    .get("/app/" + codeOf(viewer) + "/samarbeid/3k/samlede-tall.csv?aar=2023")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/csv"))
                    .header("Content-Disposition", startsWith("attachment;"))
                    .extract()
                    .asString();
            assertEquals(api, download);
        }
        String page = page(group(RE), PAGE + "?aar=2023", RE);
        assertTrue(page.contains("href=\"/app/0716/samarbeid/3k/samlede-tall.csv?aar=2023\""), "linked from the page");
    }

    @Test
    void withoutAChoiceTheNewestYearWithRulesIsShown() {
        String page = page(group(RE), PAGE, RE);
        assertTrue(
                page.contains("<option value=\"2025\" selected>2025</option>"),
                "2025: last year, whose grant year's missing values are projected");
        assertTrue(page.contains("Samlede tall for kostnadsåret 2025"));
        String none = page(group(RE), PAGE + "?aar=2006", RE);
        assertTrue(none.contains("Det finnes ingen refusjonsregler for tilskuddsåret 2007"), none);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Re's (or another member's) project group member: the role cooperation-member only. */
    static String group(String code) {
        return Tokens.token(code, "cooperation-member");
    }

    static String codeOf(String token) {
        return Tokens.decode(token.split("\\.")[1]).replaceAll("(?s).*kommune-(\\d{4}).*", "$1");
    }

    String hofRecipient() {
        String ref = Api.uniqueRef("WH");
        Api.recipient(HOF, ref, 1992, false);
        return ref;
    }

    static RequestSpecification form(String token) {
        return as(token).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static JsonPath api(String token, String path) {
        return given().config(Money.exact())
                .auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    static String page(String token, String path, String code) {
        return as(token)
                .get(path.replace("{code}", code))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    io.restassured.response.ValidatableResponse placementAsHost(String placement) {
        return given().config(Money.exact())
                .auth()
                .oauth2(Tokens.viewer(HOST))
                .get("/api/v1/cooperations/3k/services/{s}/placements/{p}", service, placement)
                .then()
                .statusCode(200);
    }

    /** The page again after a refused step: the API's status and problem type, the refusal's heading. */
    static ResponseSpecification refusedStep(int status, String type, String heading) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(formRefused(status, type))
                .expectBody(containsString("<h2>" + heading + "</h2>"))
                .build();
    }

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A page request of the person the token names; a redirect is the test's to look at. */
    static RequestSpecification as(String token) {
        return given().redirects().follow(false).auth().oauth2(token);
    }

    /** The form token on a page (every form carries it). */
    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), "a form token on the page: " + html);
        return m.group(1);
    }

    /** A cell's value as the page must show it: a count as is, money as {@code 1 608 000,00 kr}, hidden as "–". */
    static void assertCell(String row, String field, Object value, String what) {
        Matcher cell = cell(row, field);
        if (value == null) {
            assertEquals("", cell.group(1), what);
            assertTrue(cell.group(3).startsWith("–") && cell.group(2) != null, what + ": " + cell.group());
        } else if (value instanceof BigDecimal amount) {
            assertEquals(amount.toPlainString(), cell.group(1), what);
            assertEquals(kroner(amount), cell.group(3), what);
        } else {
            assertEquals(value.toString(), cell.group(1), what);
            assertEquals(value.toString(), cell.group(3), what);
        }
    }

    /** Norwegian money, written out here rather than taken from the page's formatter. */
    static String kroner(BigDecimal amount) {
        String digits = amount.abs().setScale(2).toPlainString();
        StringBuilder whole = new StringBuilder(digits.substring(0, digits.length() - 3));
        for (int at = whole.length() - 3; at > 0; at -= 3) {
            whole.insert(at, '\u00A0');
        }
        return (amount.signum() < 0 ? "\u2212" : "") + whole + "," + digits.substring(digits.length() - 2) + "\u00A0kr";
    }

    /** Groups: 1 the machine value, 2 the title (hidden cells), 3 the visible content. */
    static Matcher cell(String row, String field) {
        Matcher m = Pattern.compile("<td class=\"tall[^\"]*\" data-felt=\"" + field
                        + "\" data-verdi=\"([^\"]*)\"(?: title=\"([^\"]*)\")?>(.*?)</td>")
                .matcher(row);
        assertTrue(m.find(), field + " in " + row);
        return m;
    }

    static String element(String html, String tag, String id) {
        return section(html, "<" + tag + " id=\"" + id + "\"", "</" + tag + ">");
    }

    static String row(String table, String key) {
        return section(table, "<tr data-rad=\"" + key + "\"", "</tr>");
    }

    static String section(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, start + " in " + html);
        int to = html.indexOf(end, from);
        assertTrue(to > from, end + " after " + start);
        return html.substring(from, to + end.length());
    }
}
