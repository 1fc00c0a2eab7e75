package no.samkost.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.ResponseSpecification;

/**
 * An error answer is a problem of a stated status and type, written out in the test (not taken
 * from main's ProblemType), e.g. {@code .then().spec(problem(409, "capacity-exceeded"))}.
 */
public final class Problems {

    private Problems() {}

    /** Status, {@code application/problem+json}, {@code type} {@code urn:samkost:problem:<type>}, same status inside. */
    public static ResponseSpecification problem(int status, String type) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("type", equalTo("urn:samkost:problem:" + type))
                .expectBody("status", equalTo(status))
                .build();
    }

    /**
     * A problem on a page of the web front end: the status, an HTML page whose {@code main} names
     * the problem type ({@code data-problem-type}), and the Norwegian heading a person reads.
     */
    public static ResponseSpecification problemPage(int status, String type, String heading) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("text/html")
                .expectBody(containsString("data-problem-type=\"urn:samkost:problem:" + type + "\""))
                .expectBody(containsString("<h1>" + heading + "</h1>"))
                .build();
    }

    /**
     * A form refused on its page: the status, the page again (HTML) with the form's error block
     * naming the problem type ({@code data-problem-type}), as the API would answer the same request.
     */
    public static ResponseSpecification formRefused(int status, String type) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("text/html")
                .expectBody(containsString("data-problem-type=\"urn:samkost:problem:" + type + "\""))
                .build();
    }

    /** The same for an answer already in hand (a loop over operations, a race). */
    public static void assertProblem(Response response, int status, String type) {
        response.then().spec(problem(status, type));
    }
}
