package no.samkost.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Says once, for the whole API, which errors every operation can answer, so that the document is
 * what the service really answers (the tests check every response against it): the statuses that
 * the shared layers (authentication, the walls, body limits, Jackson and Bean Validation, the
 * exception mappers) give for any operation of a kind, a {@code default} for anything else, and
 * every error response an RFC 9457 problem. Resources declare their success responses and the
 * errors particular to them, by status and description.
 *
 * <p>It also writes nullable references the way OpenAPI 3.0 clients and validators understand: a
 * nullable property that only wraps a scalar component (an enum, a UUID, a date) gets that
 * component's type inline, since {@code nullable} next to {@code allOf: [$ref]} does not let null
 * through.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("the Problem schema is not in the OpenAPI document");
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.get("Problem").required(List.of("type", "title", "status"));
        schemas.values().forEach(schema -> inlineNullableScalars(schema, schemas));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue()
                    .getOperations()
                    .forEach((method, operation) -> documentErrors(path.getKey(), method, operation));
        }
    }

    private static void documentErrors(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        boolean body = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!parameters.isEmpty() || body) {
            addIfAbsent(responses, "400", "the request is not valid: a parameter or the body (errors names each)");
        }
        addIfAbsent(responses, "401", "no token, or an invalid or expired one");
        if (path.contains("{code}") || path.startsWith("/api/v1/cooperations/{id}")) {
            addIfAbsent(
                    responses, "403", "not your municipality or not your cooperation, or your role does not allow it");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "nothing of that name here");
        }
        addIfAbsent(responses, "406", "none of the media types in Accept can be given");
        if (write) {
            addIfAbsent(
                    responses,
                    "409",
                    "in conflict with the current state (a stale version, a closed year, a duplicate)");
        }
        if (body) {
            addIfAbsent(responses, "411", "a JSON body sent without Content-Length");
            addIfAbsent(responses, "413", "the body is larger than the limit");
            addIfAbsent(responses, "415", "the body's Content-Type is not one the operation takes");
        }
        if (parameters.stream().anyMatch(p -> IdempotentRequests.HEADER.equalsIgnoreCase(p.getName()))) {
            addIfAbsent(responses, "422", "the Idempotency-Key was already used for a different request");
        }
        addIfAbsent(responses, "500", "an unexpected error; the detail carries an error id to quote");
        addIfAbsent(
                responses,
                "503",
                "the database cannot be reached, or the work ran past its time limit and was rolled back;"
                        + " retry after Retry-After seconds");
        responses
                .getAPIResponse("503")
                .addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("seconds to wait before retrying (database-unavailable, timed-out)")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(
                    OASFactory.createAPIResponse().description("any other error, as an RFC 9457 problem"));
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5") || APIResponses.DEFAULT.equals(status)) {
                response.setContent(problem());
            }
            if (response.getHeaders() != null) {
                // a header needs a schema (Location, declared by description only, is a string)
                response.getHeaders().values().stream()
                        .filter(header -> header.getSchema() == null && header.getRef() == null)
                        .forEach(header ->
                                header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        });
    }

    /**
     * A nullable property that refers to a scalar component ({@code anyOf: [$ref, null]} in the
     * model) gets the component's keywords inline, null added to an enumeration.
     */
    private static void inlineNullableScalars(Schema schema, Map<String, Schema> components) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (property.getType() == null || !property.getType().contains(Schema.SchemaType.NULL)) {
                continue;
            }
            String ref = property.getRef() != null ? property.getRef() : soleReference(property.getAnyOf());
            Schema target = ref != null && ref.startsWith(COMPONENT_PREFIX)
                    ? components.get(ref.substring(COMPONENT_PREFIX.length()))
                    : null;
            if (target == null || target.getProperties() != null || target.getType() == null) {
                continue;
            }
            property.setRef(null);
            property.setAnyOf(null);
            List<Schema.SchemaType> types = new ArrayList<>(target.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
            if (property.getFormat() == null) {
                property.setFormat(target.getFormat());
            }
            if (property.getPattern() == null) {
                property.setPattern(target.getPattern());
            }
            if (target.getEnumeration() != null) {
                List<Object> values = new ArrayList<>(target.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
    }

    /** The one {@code $ref} among {@code anyOf}'s entries when the others only admit null. */
    private static String soleReference(List<Schema> anyOf) {
        if (anyOf == null) {
            return null;
        }
        String ref = null;
        for (Schema entry : anyOf) {
            if (entry.getRef() != null && ref == null) {
                ref = entry.getRef();
            } else if (!List.of(Schema.SchemaType.NULL).equals(entry.getType())) {
                return null;
            }
        }
        return ref;
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
    }

    private static Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
