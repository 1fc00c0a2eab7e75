package no.samkost.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's own OpenAPI document as a list of operations, with the data and the valid requests
 * a walk over them needs, so that an endpoint added later is walked without editing a test. The
 * isolation walk and the hostile-input walk both stand on it.
 */
public final class OpenApiWalk {

    public static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Path parameters the walks know how to fill; a new one must be taught here, on purpose. */
    public static final Set<String> KNOWN_PARAMETERS = Set.of(
            "code",
            "ref",
            "id",
            "costYear",
            "grantYear",
            "serviceId",
            "placementId",
            "forecastId",
            "needRef",
            "scenarioId");

    /**
     * Operations only the auditor may call, by operationId: the walks call them with an auditor's
     * token (the document does not carry roles). Everything else is called as a coordinator.
     */
    public static final Set<String> AUDITOR_OPERATIONS = Set.of("attestClaim", "returnClaim", "getAuditTrail");

    /**
     * The cost year the sign-off endpoints are walked on: one no other test writes, so a walk that
     * submits a claim never closes a year another test needs (and leaves it open again).
     */
    public static final int SIGN_OFF_YEAR = 2019;

    public static final String COOPERATION_PATH = "/api/v1/cooperations/{id}";
    public static final String HOLMESTRAND = "0702";

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }

        public boolean inCooperation() {
            return path.startsWith(COOPERATION_PATH);
        }

        /** The JSON body's schema, or null when the operation takes none. */
        public JsonNode jsonBodySchema() {
            JsonNode content = spec.path("requestBody").path("content");
            return content.has("application/json")
                    ? content.get("application/json").get("schema")
                    : null;
        }

        public boolean takesCsv() {
            return spec.path("requestBody").path("content").has("text/csv");
        }

        /** The columns and valid rows of the operation's CSV body, from its own OpenAPI example. */
        public CsvExample csvExample() {
            JsonNode csv = spec.path("requestBody").path("content").path("text/csv");
            for (JsonNode example : List.of(
                    csv.path("schema").path("examples").path(0),
                    csv.path("schema").path("example"),
                    csv.path("example"))) {
                if (example.isTextual()) {
                    return CsvExample.parse(example.asText());
                }
            }
            throw new AssertionError(this + ": give the text/csv body an example (a header line, then valid rows)"
                    + " so the walks can build valid files");
        }

        /** Names of the declared parameters of one kind ("path", "query"). */
        public List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            });
            return names;
        }
    }

    /**
     * A CSV operation's columns and valid rows, read from the OpenAPI example of its text/csv body:
     * the header line, then one or more valid rows. The walks read three things from it, so that a
     * CSV endpoint added later is walked without teaching them its format:
     *
     * <ul>
     *   <li>the first row is a valid row; the column {@code ref} is a new entry's key, filled with a
     *       fresh ref in every row the walks send, and {@code recipient_ref} names the caller's recipient;
     *   <li>a column left empty in some example row may be empty;
     *   <li>a column whose example holds words (a space) is free text, in which any plain, short text
     *       is valid.
     * </ul>
     */
    public record CsvExample(List<String> columns, List<List<String>> rows) {

        /** The ref rule (PseudonymousRef): any such value is a valid new key. */
        static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

        static CsvExample parse(String example) {
            List<List<String>> lines = new ArrayList<>();
            for (String line : example.split("\n")) {
                if (line.contains("\"")) {
                    throw new AssertionError("keep the CSV example unquoted, the walks split it on commas: " + line);
                }
                lines.add(List.of(line.split(",", -1)));
            }
            if (lines.size() < 2) {
                throw new AssertionError("a CSV example needs the header and at least one valid row: " + example);
            }
            for (List<String> row : lines) {
                if (row.size() != lines.get(0).size()) {
                    throw new AssertionError("every row of a CSV example has the header's columns: " + row);
                }
            }
            return new CsvExample(lines.get(0), lines.subList(1, lines.size()));
        }

        public String header() {
            return String.join(",", columns);
        }

        public boolean optional(int column) {
            return rows.stream().anyMatch(row -> row.get(column).isEmpty());
        }

        public boolean freeText(int column) {
            return rows.stream().anyMatch(row -> row.get(column).contains(" "));
        }

        /** Whether {@code value} is one the column takes, so a row holding it would be written. */
        public boolean accepts(int column, String value) {
            boolean plain = value.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && value.length() < 500;
            return (value.isEmpty() && optional(column))
                    || (freeText(column) && plain)
                    || (columns.get(column).equals("ref") && REF.matcher(value).matches() && !value.matches("\\d{11}"));
        }

        /** The first example row, its refs made fresh or the caller's; a new list each time. */
        public List<String> validRow(String recipientRef) {
            List<String> cells = new ArrayList<>(rows.get(0));
            for (int i = 0; i < cells.size(); i++) {
                switch (columns.get(i)) {
                    case "ref" -> cells.set(i, Api.uniqueRef("CSV"));
                    case "recipient_ref" -> cells.set(i, recipientRef);
                    default -> {}
                }
            }
            return cells;
        }

        /** The header and one valid row. */
        public String validFile(String recipientRef) {
            return header() + "\n" + String.join(",", validRow(recipientRef)) + "\n";
        }
    }

    /**
     * A municipality's data requests can name: a recipient, one of its cost lines, a forecast of
     * 2023, an entry of its future-needs register.
     */
    public record Own(
            String code,
            String ref,
            String costLineId,
            String forecastId,
            String needRef,
            String scenarioId,
            String spareScenarioId) {

        /** The same data, read and written on another municipality's path. */
        public Own on(String otherCode) {
            return new Own(otherCode, ref, costLineId, forecastId, needRef, scenarioId, spareScenarioId);
        }
    }

    /**
     * The host's data in 3k that requests can name: a service, placements in it (one per step that
     * changes a placement's status, each in the status the step starts from), an unplaced recipient.
     */
    public record OwnInCooperation(
            String cooperation, String serviceId, Map<String, String> placements, String freeRef) {

        /** The placement an operation names: for a step, one in the status it starts from. */
        public String placementId(Operation operation) {
            String path = operation.path();
            for (Map.Entry<String, String> step : placements.entrySet()) {
                if (path.endsWith("/" + step.getKey())) {
                    return step.getValue();
                }
            }
            return placements.get(operation.method().equals("put") ? "change" : "any");
        }

        /** The version the operation's placement is at: the confirmed one has been changed once. */
        public long placementVersion(Operation operation) {
            return placementId(operation).equals(placements.get("usage")) ? 1 : 0;
        }
    }

    private final JsonNode document;
    private final OwnInCooperation threeK;

    private OpenApiWalk(JsonNode document, OwnInCooperation threeK) {
        this.document = document;
        this.threeK = threeK;
    }

    /** Reads the served document and gives 3k's host a service with a placement to walk over. */
    public static OpenApiWalk load() {
        try {
            JsonNode document = JSON.readTree(
                    given().queryParam("format", "json").get("/q/openapi").asString());
            return new OpenApiWalk(document, ownInCooperation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    public OwnInCooperation threeK() {
        return threeK;
    }

    /**
     * Holmestrand, 3k's host, runs a service and requests places for its own recipients in it: one
     * request for each step a request starts from (confirmation, decline, withdrawal, the home's
     * change), and one it confirms (for the usage change).
     */
    static OwnInCooperation ownInCooperation() {
        String token = Tokens.coordinator(HOLMESTRAND);
        String serviceId = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"name\":\"" + Api.uniqueRef("WALK") + "\",\"kind\":\"SHARED_HOME\",\"capacity\":500}")
                .post("/api/v1/cooperations/3k/services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, String> placements = new java.util.LinkedHashMap<>();
        for (String step : List.of("confirmation", "decline", "withdrawal", "change", "usage")) {
            String placed = Api.uniqueRef("WALK");
            Api.recipient(HOLMESTRAND, placed, 1990, true);
            placements.put(
                    step,
                    given().auth()
                            .oauth2(token)
                            .contentType("application/json")
                            .body("{\"recipientRef\":\"" + placed + "\",\"startsOn\":\"2023-01-01\"}")
                            .post("/api/v1/cooperations/3k/services/{s}/placements", serviceId)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
        }
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"usageHoursPerWeek\":20,\"version\":0}")
                .post(
                        "/api/v1/cooperations/3k/services/{s}/placements/{p}/confirmation",
                        serviceId,
                        placements.get("usage"))
                .then()
                .statusCode(200);
        placements.put("any", placements.get("usage"));
        String free = Api.uniqueRef("WALK");
        Api.recipient(HOLMESTRAND, free, 1985, false);
        return new OwnInCooperation("3k", serviceId, Map.copyOf(placements), free);
    }

    /** A fresh recipient of {@code code} with one cost line. */
    public static Own own(String code) throws Exception {
        String ref = Api.uniqueRef("WALK");
        Api.recipient(code, ref, 1990, true);
        Api.cost(code, ref, "2023-01", "DIRECT_WAGES", "100.00", null);
        String id = Database.text(
                "select c.line_id::text from cost_line c join recipient r on r.id = c.recipient_id where r.ref = ?",
                ref);
        String forecast = given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"label\":\"walk\"}")
                .post("/api/v1/municipalities/{code}/claims/2023/forecasts", code)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String needRef = Api.uniqueRef("WALKNEED");
        Api.need(code, needRef);
        // A second scenario for the walk's DELETE, so that the projection still finds the first.
        return new Own(
                code,
                ref,
                id,
                forecast,
                needRef,
                Api.scenario(code, Api.uniqueRef("WALK")),
                Api.scenario(code, Api.uniqueRef("WALK")));
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    public List<Operation> municipalityOperations() {
        return operations().stream().filter(o -> o.path().contains("{code}")).toList();
    }

    public List<Operation> cooperationOperations() {
        return operations().stream().filter(Operation::inCooperation).toList();
    }

    /** The operation's URL on {@code pathCode}'s path, naming {@code named}'s data (or 3k's). */
    public String url(Operation operation, String pathCode, Own named) {
        return operation
                .path()
                .replace("{code}", pathCode)
                .replace("{ref}", named.ref())
                .replace("{id}", operation.inCooperation() ? threeK.cooperation() : named.costLineId())
                .replace("{serviceId}", threeK.serviceId())
                .replace("{placementId}", threeK.placementId(operation))
                .replace("{forecastId}", named.forecastId())
                .replace("{needRef}", named.needRef())
                .replace(
                        "{scenarioId}",
                        operation.method().equals("delete") ? named.spareScenarioId() : named.scenarioId())
                .replace("{costYear}", operation.path().contains("/submission") ? "" + SIGN_OFF_YEAR : "2023")
                .replace("{grantYear}", "2024");
    }

    /** The recipient a body names: in a cooperation, the host's unplaced one. */
    public String bodyRef(Operation operation, Own named) {
        return operation.inCooperation() ? threeK.freeRef() : named.ref();
    }

    /** The token the walks call {@code operation} with as {@code code}'s user: its auditor or its coordinator. */
    public static String token(Operation operation, String code) {
        return AUDITOR_OPERATIONS.contains(operation.spec().path("operationId").asText())
                ? Tokens.auditor(code)
                : Tokens.coordinator(code);
    }

    /** A valid request on {@code pathCode}'s path, by {@code caller} (null: no token), naming {@code named}'s data. */
    public Response call(Operation operation, String pathCode, Own caller, Own named) {
        return call(operation, pathCode, caller == null ? null : token(operation, caller.code()), named);
    }

    /** The same with a token of the test's choice (null: none). */
    public Response call(Operation operation, String pathCode, String token, Own named) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (operation.takesCsv()) {
            request =
                    request.contentType("text/csv").body(operation.csvExample().validFile(bodyRef(operation, named)));
        } else if (operation.jsonBodySchema() != null) {
            ObjectNode body = validBody(operation.jsonBodySchema(), bodyRef(operation, named));
            if (operation.path().contains("{placementId}") && body.has("version")) {
                body.put("version", threeK.placementVersion(operation));
            }
            request = request.contentType("application/json").body(body.toString());
        }
        for (Map.Entry<String, String> required :
                requiredQuery(operation, named).entrySet()) {
            request = request.queryParam(required.getKey(), required.getValue());
        }
        return request.request(operation.method().toUpperCase(), url(operation, pathCode, named));
    }

    /** A valid value of each query parameter {@code operation} requires, naming {@code named}'s data. */
    public static Map<String, String> requiredQuery(Operation operation, Own named) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if ("query".equals(parameter.path("in").asText())
                    && parameter.path("required").asBoolean(false)) {
                String name = parameter.path("name").asText();
                String value =
                        switch (name) {
                            case "forecast" -> named.forecastId();
                            case "scenarios" -> named.scenarioId() + "," + named.scenarioId();
                            default -> REQUIRED_QUERY_VALUES.get(name);
                        };
                if (value == null) {
                    throw new AssertionError(operation + ": teach the walk a valid value of the required query "
                            + "parameter '" + name + "' (REQUIRED_QUERY_VALUES)");
                }
                values.put(name, value);
            }
        }
        return values;
    }

    /** A valid value for each required query parameter an operation may declare. */
    static final Map<String, String> REQUIRED_QUERY_VALUES = Map.of("year", "2023");

    /**
     * Brings {@code code}'s claim of {@link #SIGN_OFF_YEAR} into the state {@code operation} needs, so
     * that a valid request of it succeeds: open for a submission, submitted for the other steps.
     */
    public static void readyFor(Operation operation, Own named) {
        String code = named.code();
        String id = operation.spec().path("operationId").asText();
        switch (id) {
            case "submitClaim" -> signOffYearOpen(code);
            case "deleteEstimateOverride" -> expectation(code, named.ref());
            case "attestClaim", "returnClaim", "reopenClaim" -> {
                signOffYearOpen(code);
                signOff(code, "submission", Tokens.coordinator(code), null);
            }
            default -> {}
        }
    }

    /** An expectation for {@code ref} in 2023, for the step that drops it. */
    static void expectation(String code, String ref) {
        given().auth()
                .oauth2(Tokens.coordinator(code))
                .contentType("application/json")
                .body("{\"endMonth\":10}")
                .put("/api/v1/municipalities/{code}/claims/2023/estimate/overrides/{ref}", code, ref)
                .then()
                .statusCode(200);
    }

    /** Opens {@code code}'s claim of {@link #SIGN_OFF_YEAR} again, whatever state a walk left it in. */
    public static void signOffYearOpen(String code) {
        String state = given().auth()
                .oauth2(Tokens.viewer(code))
                .get("/api/v1/municipalities/{code}/claims/{year}", code, SIGN_OFF_YEAR)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
        switch (state) {
            case "SUBMITTED" -> signOff(code, "submission/reopening", Tokens.coordinator(code), "walk");
            case "ATTESTED" -> signOff(code, "submission/return", Tokens.auditor(code), "walk");
            default -> {}
        }
    }

    private static void signOff(String code, String step, String token, String reason) {
        var request = given().auth().oauth2(token);
        if (reason != null) {
            request = request.contentType("application/json").body("{\"reason\":\"" + reason + "\"}");
        }
        request.post("/api/v1/municipalities/{code}/claims/{year}/" + step, code, SIGN_OFF_YEAR)
                .then()
                .statusCode(200);
    }

    /** A body that the endpoint accepts, built from the schema's examples, enums and types. */
    public ObjectNode validBody(JsonNode schema, String recipientRef) {
        JsonNode resolved = resolve(schema);
        ObjectNode body = JSON.createObjectNode();
        Set<String> required = new HashSet<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        resolved.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode p = resolve(property.getValue());
            if (!required.contains(property.getKey())) {
                continue;
            }
            switch (property.getKey()) {
                case "ref" -> body.put("ref", Api.uniqueRef("NEW"));
                case "recipientRef" -> body.put("recipientRef", recipientRef);
                case "name" -> body.put("name", Api.uniqueRef("WALK"));
                case "version" -> body.put("version", 0);
                default -> {
                    if (p.has("examples")) {
                        body.set(property.getKey(), p.get("examples").get(0));
                    } else if (p.has("example")) {
                        body.set(property.getKey(), p.get("example"));
                    } else if (p.has("enum")) {
                        body.set(property.getKey(), p.get("enum").get(0));
                    } else if ("boolean".equals(p.path("type").asText())) {
                        body.put(property.getKey(), true);
                    }
                }
            }
        }
        // A body that must name at least some of its optional fields (minProperties): the first ones
        // with an example, in the schema's order.
        int least = resolved.path("minProperties").asInt(0);
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        resolved.path("properties").fields();
                properties.hasNext() && body.size() < least; ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode p = resolve(property.getValue());
            if (!body.has(property.getKey()) && p.has("example")) {
                body.set(property.getKey(), p.get("example"));
            }
        }
        return body;
    }

    /** Every property a body schema declares, required or not. */
    public List<String> properties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        resolve(schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public boolean required(JsonNode schema, String property) {
        for (JsonNode r : resolve(schema).path("required")) {
            if (r.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        if (s.has("$ref")) {
            s = document.at(s.get("$ref").asText().substring(1));
        }
        if (s.has("allOf")) {
            s = resolve(s.get("allOf").get(0));
        }
        return s;
    }
}
