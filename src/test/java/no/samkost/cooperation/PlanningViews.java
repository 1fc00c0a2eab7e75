package no.samkost.cooperation;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.samkost.support.Api;
import no.samkost.support.Money;
import no.samkost.support.Tokens;

/** What the cooperation planning views' tests share: their data, one GET, and reading an answer's rows. */
final class PlanningViews {

    private PlanningViews() {}

    /** A recipient of {@code code} born 1980, no intellectual disability, with one line of direct wages (or none). */
    static String recipient(String code, String group, String period, String costs) {
        String ref = Api.uniqueRef("CPL");
        given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"ref\":\"" + ref + "\",\"birthYear\":1980,\"intellectualDisability\":false,\"userGroup\":\""
                        + group + "\"}")
                .post("/api/v1/municipalities/{code}/recipients", code)
                .then()
                .statusCode(201);
        if (costs != null) {
            Api.cost(code, ref, period, "DIRECT_WAGES", costs, null);
        }
        return ref;
    }

    /** A 200 answer read with money as BigDecimal. */
    static JsonPath get(String viewer, String path) {
        return getAs(Tokens.viewer(viewer), path);
    }

    /** A 200 answer to {@code token}, read with money as BigDecimal. */
    static JsonPath getAs(String token, String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(Money.exactPaths());
    }

    /** The member row of {@code code} in the list at {@code members}. */
    static Map<String, Object> member(JsonPath answer, String members, String code) {
        List<Map<String, Object>> rows = answer.getList(members);
        return rows.stream()
                .filter(m -> code.equals(m.get("municipality")))
                .findFirst()
                .orElseThrow();
    }

    /** Whether the list at {@code suppressed} names the cell ({@code code} null: a total). */
    static boolean suppressed(JsonPath answer, String suppressed, String code, String field) {
        List<Map<String, Object>> cells = answer.getList(suppressed);
        return cells.stream()
                .anyMatch(c -> Objects.equals(code, c.get("municipality")) && field.equals(c.get("field")));
    }

    /** The reason the list at {@code suppressed} gives for a cell ({@code code} null: a total). */
    static String reason(JsonPath answer, String suppressed, String code, String field) {
        List<Map<String, Object>> cells = answer.getList(suppressed);
        return cells.stream()
                .filter(c -> Objects.equals(code, c.get("municipality")) && field.equals(c.get("field")))
                .map(c -> (String) c.get("reason"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(field + " not listed"));
    }
}
