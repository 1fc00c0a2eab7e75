package no.samkost.web;

import static no.samkost.cooperation.CooperationApiTest.RE;
import static no.samkost.support.Problems.problemPage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.samkost.support.Database;
import no.samkost.support.HtmlPages;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What the outside attack of 3 December 2026 sent the pages: form bodies the framework cannot
 * parse (each was a 500 with the typed value in the error log), a year that is not one (it was
 * quietly replaced by the default year), and a body without a length (problem+json). Each gets the
 * HTML problem page with the right status and changes nothing. (A session cookie that cannot be
 * read needs a browser login, which the tests' tenants do not have: BrowserIT and ProblemPageTest.)
 */
@QuarkusTest
class HostilePageRequestsTest {

    static final String RECIPIENTS = "/app/0716/mottakere";
    static final String IMPORT = "/app/0716/kostnader/import";

    static String coordinator() {
        return Tokens.coordinator(RE);
    }

    @Test
    void aBadPercentEscapeTooManyFieldsOrABrokenMultipartBodyIsA400() throws Exception {
        String token = coordinator();
        String csrf = HtmlPages.csrf(token, RECIPIENTS);
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        for (String body : new String[] {
            "_csrf=" + csrf + "&ref=SECRETREF-98%2&birthYear=1990&userGroup=OTHER",
            "_csrf=" + csrf + "&ref=%ZZ&birthYear=1990",
            "_csrf=" + csrf + "&ref=B" + "&x=1".repeat(1200) + "&birthYear=1990&userGroup=OTHER"
        }) {
            HtmlPages.as(token)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body(body)
                    .post(RECIPIENTS)
                    .then()
                    .spec(problemPage(400, "validation", "Ugyldig forespørsel"));
        }
        for (String body : new String[] {
            "--XX\r\nfoo\r\n--XX--",
            "--XX\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.csv\"\r\n\r\nrecipient_ref"
        }) {
            HtmlPages.as(token)
                    .contentType("multipart/form-data; boundary=XX")
                    .body(body.getBytes(StandardCharsets.US_ASCII))
                    .post(IMPORT)
                    .then()
                    .spec(problemPage(400, "validation", "Ugyldig forespørsel"));
        }
        Assertions.assertEquals(before, Database.fingerprintExcept("audit_entry"));
    }

    /**
     * The estimate's form fields obey the API's rule for text: a NUL, a line break, a bidi override
     * or an escape sequence is explained at its field, nothing stored (a NUL once reached the
     * database as a 500, a bidi override the forecasts' table).
     */
    @Test
    void aFormFieldWithACharacterTheApiRefusesIsA400() throws Exception {
        String token = coordinator();
        String csrf = HtmlPages.csrf(token, "/app/0716/anslag?aar=2025");
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        for (String bad : new String[] {"a\u0000b", "a\nb", "a\u202Eb", "a\u001B[31mb", "\uFFFDx"}) {
            HtmlPages.as(token)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("_csrf", csrf)
                    .formParam("aar", "2025")
                    .formParam("navn", bad)
                    .post("/app/0716/anslag/prognose")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"))
                    .body(org.hamcrest.Matchers.containsString("Teksten har et tegn som ikke kan lagres"));
            HtmlPages.as(token)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("_csrf", csrf)
                    .formParam("aar", "2026")
                    .formParam("ref", bad)
                    .formParam("sluttmaaned", "5")
                    .formParam("handling", "lagre")
                    .post("/app/0716/anslag/forventning")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"))
                    .body(org.hamcrest.Matchers.containsString("Teksten har et tegn som ikke kan lagres"));
        }
        Assertions.assertEquals(before, Database.fingerprintExcept("audit_entry"));
    }

    /**
     * The planning forms' text fields (a scenario's name, a youth's ref, a housing form's name) and
     * their numbers obey the same rule: explained at the field with 400, nothing stored, never a 500.
     */
    @Test
    void thePlanningFormsRefuseHostileTextAndNumbersAtTheirFields() throws Exception {
        String token = coordinator();
        String csrf = HtmlPages.csrf(token, "/app/0716/planlegging/register");
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        for (String bad : new String[] {"a\u0000b", "a\nb", "a\u202Eb", "a\u001B[31mb", "\uFFFDx"}) {
            form(token, csrf)
                    .formParam("navn", bad)
                    .formParam("lonnsvekst", "4")
                    .formParam("ekstrasteg", "0")
                    .formParam("utflytting", "0")
                    .formParam("kostnad", "1", "1", "1", "1", "1")
                    .formParam("kostnadUkjent", "1")
                    .post("/app/0716/planlegging/scenarier")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"))
                    .body(org.hamcrest.Matchers.containsString("Gi scenariet et navn"));
            form(token, csrf)
                    .formParam("ref", bad)
                    .formParam("birthYear", "2011")
                    .formParam("userGroup", "OTHER")
                    .post("/app/0716/planlegging/register")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"));
            form(token, csrf)
                    .formParam("ref", bad)
                    .formParam("heldOn", "2026-01-01")
                    .post("/app/0716/planlegging/register/samtale")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"));
            form(token, csrf)
                    .formParam("boform", bad)
                    .post("/app/0716/planlegging/register/navn")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"))
                    .body(org.hamcrest.Matchers.containsString("Et navn må ha 1 til 80 tegn"));
        }
        // Numbers past what Java's types hold, and lists longer than the form has.
        for (String number : new String[] {"99999999999999999999", "1e9", "-0", "NaN", "\u0661"}) {
            form(token, csrf)
                    .formParam("navn", "Fiendtlig")
                    .formParam("lonnsvekst", number)
                    .formParam("ekstrasteg", number)
                    .formParam("utflytting", "0")
                    .formParam("kostnad", number, number, number, number, number, number, number)
                    .formParam("kostnadUkjent", number)
                    .formParam("sparingAar", number)
                    .formParam("sparingBelop", number)
                    .post("/app/0716/planlegging/scenarier")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"));
            form(token, csrf)
                    .formParam("ref", "FIENDTLIG")
                    .formParam("heldOn", number)
                    .formParam("hoursPerWeekMin", number)
                    .post("/app/0716/planlegging/register/samtale")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"));
            if (!number.equals("-0")) {
                HtmlPages.as(token)
                        .queryParam("fra", number)
                        .get("/app/0716/planlegging/folsomhet")
                        .then()
                        .spec(no.samkost.support.Problems.formRefused(400, "validation"));
            }
            // Hours of care in a joint service, and the cooperation's planning pages' own fields.
            for (String path : new String[] {"/app/0716/planlegging/folsomhet", "/app/0716/samarbeid/3k/folsomhet"}) {
                HtmlPages.as(token)
                        .queryParam("timer", number)
                        .queryParam("tjeneste", number)
                        .get(path)
                        .then()
                        .spec(no.samkost.support.Problems.formRefused(400, "validation"));
            }
            HtmlPages.as(token)
                    .queryParam("fra", number)
                    .get("/app/0716/samarbeid/3k/nokkeltall")
                    .then()
                    .spec(no.samkost.support.Problems.formRefused(400, "validation"));
        }
        Assertions.assertEquals(before, Database.fingerprintExcept("audit_entry"));
    }

    static io.restassured.specification.RequestSpecification form(String token, String csrf) {
        return HtmlPages.as(token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf);
    }

    @Test
    void aYearThatIsNotOneIsRefusedNeverReplacedByAnother() throws Exception {
        String token = coordinator();
        for (String year : new String[] {"20233", "-1", "abc", "1999", "2101"}) {
            HtmlPages.as(token)
                    .queryParam("aar", year)
                    .get("/app/0716/krav")
                    .then()
                    .spec(problemPage(400, "validation", "Ugyldig forespørsel"));
            HtmlPages.as(token)
                    .queryParam("aar", year)
                    .get("/app/0716/kostnader")
                    .then()
                    .spec(problemPage(400, "validation", "Ugyldig forespørsel"));
        }
        String csrf = HtmlPages.csrf(token, "/app/0716/krav?aar=2023");
        Map<String, String> before = Database.fingerprintExcept("audit_entry");
        for (String form : new String[] {"/app/0716/krav/innsending", "/app/0716/krav/gjenaapning"}) {
            for (String year : new String[] {"abc", ""}) {
                HtmlPages.as(token)
                        .formParam("_csrf", csrf)
                        .formParam("aar", year)
                        .formParam("reason", "feil år")
                        .post(form)
                        .then()
                        .spec(problemPage(400, "validation", "Ugyldig forespørsel"));
            }
        }
        Assertions.assertEquals(before, Database.fingerprintExcept("audit_entry"));
    }

    @Test
    void aBodyWithoutALengthGetsTheProblemPage() throws Exception {
        String token = coordinator();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + RECIPIENTS))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                // A chunked body: no length announced, which only a CSV import may do.
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream("ref=A".getBytes())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(411, response.statusCode());
        Assertions.assertTrue(
                response.body().contains("data-problem-type=\"urn:samkost:problem:length-required\""), response.body());
        Assertions.assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }
}
