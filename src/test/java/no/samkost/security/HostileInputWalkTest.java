package no.samkost.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.samkost.support.Database;
import no.samkost.support.OpenApiWalk;
import no.samkost.support.OpenApiWalk.CsvExample;
import no.samkost.support.OpenApiWalk.Operation;
import no.samkost.support.OpenApiWalk.Own;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the served OpenAPI document like the isolation walk and sends every operation hostile input
 * with a valid token of the caller's own municipality: in every path and query parameter, every JSON
 * body field (required or not) and every CSV column, a table of values that are the wrong type,
 * empty, huge, exponent numbers, more than two decimals, negative, NUL and other control characters,
 * lone surrogates, bidi controls, very long; and at the body level keys given twice, deep nesting,
 * unknown fields and a wrong content type. CSV files are built in each import's own format, from the
 * example in its OpenAPI document. Every answer must be a 4xx problem (a 400 or 422 naming
 * the field or row), never a 5xx, and the database must be unchanged. A new endpoint is walked
 * without touching this test.
 */
@QuarkusTest
class HostileInputWalkTest {

    static final String RE = "0716";
    static final String HOF = "0714";

    /** Hostile parameter values, percent-encoded as a client would put them in a URL. */
    static final List<String> PARAMETER_VALUES = List.of(
            "%00",
            "R%0AINFO%20forged",
            "%1B%5B31m",
            "%E2%80%AE",
            "%ED%A0%80",
            "%C3%28",
            "%FF",
            "-1",
            "1e400",
            "99999999999999999999",
            "1.001",
            "A".repeat(2_000));

    /** Hostile JSON values for any field, as JSON literals. */
    static final List<String> FIELD_VALUES = List.of(
            "\"\\u0000\"",
            "\"R-1\\u0000\"",
            "\"a\\u0007b\"",
            "\"a\\nb\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"abc\\u202e\"",
            "\"\\u2066x\"",
            "\"" + "A".repeat(10_000) + "\"",
            "1e400",
            "1e50000000",
            "-1e-400",
            "123456789012345678901234567890",
            "1.001",
            "-1",
            "-0.001",
            "\"12\"",
            "{}",
            "[]",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "true");

    /** Hostile cells for a CSV column (each put into one row among valid ones). */
    static final List<String> CSV_VALUES = List.of(
            "a\u0000b",
            "a\u0007b",
            "\u202eabc",
            "x\u2066",
            "A".repeat(20_000),
            "1e400",
            "123456789012345678901234567890",
            "1.001",
            "=1+1",
            "");

    OpenApiWalk walk;
    Own re;
    Own hof;
    Own holmestrand;

    @BeforeEach
    void data() throws Exception {
        walk = OpenApiWalk.load();
        re = OpenApiWalk.own(RE);
        hof = OpenApiWalk.own(HOF);
        holmestrand = OpenApiWalk.own(OpenApiWalk.HOLMESTRAND);
    }

    /** Who calls an operation on its own path: Hof on {code}, 3k's host in 3k, Re elsewhere. */
    Own caller(Operation operation) {
        if (operation.inCooperation()) {
            return holmestrand;
        }
        return operation.path().contains("{code}") ? hof : re;
    }

    @Test
    void theWalkReachesEveryKindOfInput() {
        List<Operation> operations = walk.operations().stream()
                .filter(o -> o.path().startsWith("/api/"))
                .toList();
        assertThat(operations).hasSizeGreaterThan(15);
        assertThat(operations).anyMatch(Operation::takesCsv);
        assertThat(operations).anyMatch(o -> o.jsonBodySchema() != null);
        assertThat(operations).anyMatch(o -> !o.parameters("query").isEmpty());
    }

    /** Percent-encoded values that decode to text no input may hold (control, bidi, not UTF-8). */
    static boolean forbiddenText(String value) {
        return value.startsWith("%") || value.contains("%0A");
    }

    /**
     * A read with an odd but well-formed filter (recipient=-1) may find nothing and say so with 200;
     * text no input may hold is refused everywhere, and nothing but a read's audit entry is written.
     */
    static void checkParameter(
            SoftAssertions softly, Operation operation, String what, Response response, String name, String value) {
        if (operation.method().equals("get") && !forbiddenText(value) && response.statusCode() < 300) {
            return;
        }
        check(softly, what, response, name);
    }

    static Map<String, String> fingerprint(Operation operation) throws Exception {
        return operation.method().equals("get") ? Database.fingerprintExcept("audit_entry") : Database.fingerprint();
    }

    @Test
    void hostileParametersGetAProblemAndChangeNothing() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : apiOperations()) {
            Map<String, String> before = fingerprint(operation);
            Own caller = caller(operation);
            for (String parameter : operation.parameters("path")) {
                for (String value : PARAMETER_VALUES) {
                    String url = walk.url(
                            new Operation(
                                    operation.method(),
                                    operation.path().replace("{" + parameter + "}", "\u0001"),
                                    operation.spec()),
                            caller.code(),
                            caller);
                    Response response = validRequest(operation, caller)
                            .urlEncodingEnabled(false)
                            .request(operation.method().toUpperCase(), url.replace("\u0001", value));
                    checkParameter(
                            softly,
                            operation,
                            operation + " path " + parameter + "=" + shorten(value),
                            response,
                            parameter,
                            value);
                }
            }
            for (String parameter : operation.parameters("query")) {
                // The other parameters the operation requires, valid, so the answer is about this one.
                StringBuilder others = new StringBuilder();
                OpenApiWalk.requiredQuery(operation, caller).forEach((name, valid) -> {
                    if (!name.equals(parameter)) {
                        others.append('&').append(name).append('=').append(valid);
                    }
                });
                for (String value : PARAMETER_VALUES) {
                    Response response = validRequest(operation, caller)
                            .urlEncodingEnabled(false)
                            .request(
                                    operation.method().toUpperCase(),
                                    walk.url(operation, caller.code(), caller) + "?" + parameter + "=" + value
                                            + others);
                    checkParameter(
                            softly,
                            operation,
                            operation + " query " + parameter + "=" + shorten(value),
                            response,
                            parameter,
                            value);
                }
            }
            softly.assertThat(fingerprint(operation))
                    .as(operation + " wrote data")
                    .isEqualTo(before);
        }
        softly.assertAll();
    }

    @Test
    void hostileJsonFieldsGetAProblemAndChangeNothing() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : apiOperations()) {
            JsonNode schema = operation.jsonBodySchema();
            if (schema == null) {
                continue;
            }
            Map<String, String> before = Database.fingerprint();
            Own caller = caller(operation);
            ObjectNode valid = walk.validBody(schema, walk.bodyRef(operation, caller));
            for (String field : walk.properties(schema)) {
                JsonNode type =
                        walk.resolve(walk.resolve(schema).path("properties").path(field));
                List<String> values = new ArrayList<>(FIELD_VALUES);
                if ("boolean".equals(type.path("type").asText())) {
                    values.remove("true");
                }
                if ("string".equals(type.path("type").asText()) && !type.has("enum") && !type.has("format")) {
                    values.remove("\"12\""); // text that happens to be digits is text
                }
                if ("array".equals(type.path("type").asText()) && !walk.required(schema, field)) {
                    values.remove("[]"); // an optional list may be empty
                }
                if (walk.required(schema, field)) {
                    values.add("null");
                    values.add("\"\"");
                }
                for (String value : values) {
                    ObjectNode others = valid.deepCopy();
                    others.remove(field);
                    String body = withField(others.toString(), field, value);
                    Response response = jsonRequest(operation, caller, body);
                    // A negative number may be refused for what it needs elsewhere (a correction's note).
                    boolean negative = value.startsWith("-");
                    check(
                            softly,
                            operation + " field " + field + "=" + shorten(value),
                            response,
                            negative ? null : field);
                }
            }
            // Body-level: a key given twice (as the last field, and in the middle), an unknown field,
            // nesting deeper than anything valid, a body that is not JSON, and the wrong media type.
            String first = valid.fieldNames().hasNext() ? valid.fieldNames().next() : "x";
            String duplicateLast =
                    withField(valid.toString(), first, valid.path(first).toString());
            check(softly, operation + " duplicate key last", jsonRequest(operation, caller, duplicateLast), first);
            String duplicateFirst = "{\"" + first + "\":" + valid.path(first) + ","
                    + valid.toString().substring(1);
            check(softly, operation + " duplicate key first", jsonRequest(operation, caller, duplicateFirst), first);
            check(
                    softly,
                    operation + " unknown field",
                    jsonRequest(operation, caller, withField(valid.toString(), "surname", "\"Nordmann\"")),
                    "surname");
            ObjectNode withoutFirst = valid.deepCopy();
            withoutFirst.remove(first);
            check(
                    softly,
                    operation + " deep nesting",
                    jsonRequest(operation, caller, withField(withoutFirst.toString(), first, "[".repeat(5_000))),
                    null);
            check(
                    softly,
                    operation + " not JSON",
                    jsonRequest(operation, caller, valid.toString().replace("}", "")),
                    null);
            Response wrongType = validRequest(operation, caller)
                    .contentType("text/plain")
                    .body(valid.toString())
                    .request(operation.method().toUpperCase(), walk.url(operation, caller.code(), caller));
            check(softly, operation + " text/plain", wrongType, null);
            softly.assertThat(Database.fingerprint())
                    .as(operation + " wrote data")
                    .isEqualTo(before);
        }
        softly.assertAll();
    }

    /**
     * Every CSV import, in the format its own OpenAPI example shows ({@link OpenApiWalk.CsvExample}):
     * each column of a valid row in turn holds each hostile cell the column does not take, then rows
     * broken as a whole; each file is three rows, the middle one under test.
     */
    @Test
    void hostileCsvCellsAreRefusedByRowAndChangeNothing() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        List<Operation> imports =
                apiOperations().stream().filter(Operation::takesCsv).toList();
        assertThat(imports).isNotEmpty();
        for (Operation operation : imports) {
            Map<String, String> before = Database.fingerprint();
            Own caller = caller(operation);
            String recipient = walk.bodyRef(operation, caller);
            CsvExample example = operation.csvExample();
            for (int column = 0; column < example.columns().size(); column++) {
                for (String value : CSV_VALUES) {
                    if (example.accepts(column, value)) {
                        continue; // e.g. an empty optional cell, or digits in a note: valid, so it would be written
                    }
                    List<String> cells = example.validRow(recipient);
                    cells.set(column, value);
                    byte[] csv = csv(example, recipient, String.join(",", cells));
                    Response response = csvRequest(operation, caller, csv);
                    checkRow(
                            softly,
                            operation + " column " + example.columns().get(column) + "=" + shorten(value),
                            response);
                }
            }
            // Bytes that are not UTF-8 as the last cell, a row with a column too many, one with two
            // too few, and one whose quote is never closed.
            List<String> valid = example.validRow(recipient);
            String allButLast = String.join(",", valid.subList(0, valid.size() - 1)) + ",";
            String allButTwo = String.join(",", valid.subList(0, valid.size() - 2));
            for (byte[] row : List.of(
                    bytes(allButLast, new byte[] {(byte) 0xC3, 0x28}),
                    bytes(allButLast, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                    (String.join(",", example.validRow(recipient)) + ",extra").getBytes(StandardCharsets.UTF_8),
                    allButTwo.getBytes(StandardCharsets.UTF_8),
                    (allButTwo + ",\"" + valid.get(valid.size() - 2)).getBytes(StandardCharsets.UTF_8))) {
                Response response = csvRequest(operation, caller, csv(example, recipient, row));
                checkRow(softly, operation + " raw row " + shorten(new String(row, StandardCharsets.UTF_8)), response);
            }
            softly.assertThat(Database.fingerprint())
                    .as(operation + " wrote data")
                    .isEqualTo(before);
        }
        softly.assertAll();
    }

    List<Operation> apiOperations() {
        return walk.operations().stream()
                .filter(o -> o.path().startsWith("/api/"))
                .toList();
    }

    RequestSpecification validRequest(Operation operation, Own caller) {
        RequestSpecification request =
                given().redirects().follow(false).auth().oauth2(OpenApiWalk.token(operation, caller.code()));
        if (operation.takesCsv()) {
            request = request.contentType("text/csv")
                    .body(operation.csvExample().validFile(walk.bodyRef(operation, caller)));
        } else if (operation.jsonBodySchema() != null) {
            request = request.contentType("application/json")
                    .body(walk.validBody(operation.jsonBodySchema(), walk.bodyRef(operation, caller))
                            .toString());
        }
        return request;
    }

    Response jsonRequest(Operation operation, Own caller, String body) {
        return given().redirects()
                .follow(false)
                .auth()
                .oauth2(OpenApiWalk.token(operation, caller.code()))
                .contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .request(operation.method().toUpperCase(), walk.url(operation, caller.code(), caller));
    }

    Response csvRequest(Operation operation, Own caller, byte[] csv) {
        return given().redirects()
                .follow(false)
                .auth()
                .oauth2(OpenApiWalk.token(operation, caller.code()))
                .contentType("text/csv")
                .body(csv)
                .request(operation.method().toUpperCase(), walk.url(operation, caller.code(), caller));
    }

    /** Three rows: valid, the one under test (row 2), valid; each valid row with a fresh ref of its own. */
    static byte[] csv(CsvExample example, String recipient, String row) {
        return csv(example, recipient, row.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] csv(CsvExample example, String recipient, byte[] row) {
        return bytes(
                example.header() + "\n" + String.join(",", example.validRow(recipient)) + "\n",
                row,
                ("\n" + String.join(",", example.validRow(recipient)) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(String text, byte[]... more) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        for (byte[] b : more) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static String withField(String json, String field, String literal) {
        String inner = json.substring(1, json.length() - 1);
        return "{" + inner + (inner.isEmpty() ? "" : ",") + "\"" + field + "\":" + literal + "}";
    }

    /** A 4xx problem; a 400 names {@code field} (any field, when null). */
    static void check(SoftAssertions softly, String what, Response response, String field) {
        int status = response.statusCode();
        softly.assertThat(status).as(what + ": status").isBetween(400, 499);
        softly.assertThat(String.valueOf(response.contentType()))
                .as(what + ": content type")
                .startsWith("application/problem+json");
        if (status >= 400 && status < 500) {
            softly.assertThat(String.valueOf((Object) response.path("type")))
                    .as(what + ": problem type")
                    .startsWith("urn:samkost:problem:");
        }
        if (status == 400) {
            List<String> fields = response.path("errors.field");
            softly.assertThat(fields)
                    .as(what + ": the fields named in " + response.asString())
                    .isNotNull();
            if (fields != null) {
                softly.assertThat(fields)
                        .as(what + ": names the field in " + shorten(response.asString()))
                        .anyMatch(f -> f != null && (field == null || f.equals("body") || f.startsWith(field)));
            }
        }
    }

    /** 422 naming data row 2, or another 4xx problem for a body the service cannot read at all. */
    static void checkRow(SoftAssertions softly, String what, Response response) {
        int status = response.statusCode();
        softly.assertThat(status)
                .as(what + ": status " + shorten(response.asString()))
                .isEqualTo(422);
        softly.assertThat(String.valueOf(response.contentType()))
                .as(what + ": content type")
                .startsWith("application/problem+json");
        if (status == 422) {
            softly.assertThat(String.valueOf((Object) response.path("type")))
                    .isEqualTo("urn:samkost:problem:import-rejected");
            List<Integer> rows = response.path("errors.row");
            softly.assertThat(rows)
                    .as(what + ": names row 2 only in " + shorten(response.asString()))
                    .containsExactly(2);
        }
    }

    static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "...(" + value.length() + ")" : value;
    }
}
