package no.samkost.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages of the web front end in tests: a request as a person with a bearer token (pages accept one,
 * as the API does), the form token of that person's session, and an error answer of a page, which
 * is HTML with a Norwegian heading where the API has a problem type, e.g.
 * {@code .then().spec(HtmlPages.refused(403, "Ingen tilgang"))}.
 */
public final class HtmlPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private HtmlPages() {}

    /** A page request of the person the token names; redirects are the test's to look at, not followed. */
    public static RequestSpecification as(String token) {
        return given().redirects().follow(false).auth().oauth2(token);
    }

    /** The form token on a page (every form carries it). */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form token on the page: " + html);
        }
        return m.group(1);
    }

    /** The form token of the session of {@code token}'s person, read from the page at {@code path}. */
    public static String csrf(String token, String path) {
        return csrf(as(token).get(path).then().statusCode(200).extract().asString());
    }

    /** A page answer of this status, HTML, with this text as its visible main heading. */
    public static ResponseSpecification refused(int status, String heading) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectHeader("Content-Type", startsWith("text/html"))
                .expectBody(containsString("<h1>" + heading))
                .build();
    }
}
