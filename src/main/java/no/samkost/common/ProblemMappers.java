package no.samkost.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problems. Messages name fields and rows, never
 * Java classes, SQL or another municipality's data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response problem(ProblemType type, String detail, List<Problem.Violation> errors, UriInfo uri) {
        if (uri != null && ProblemPage.isPage(uri.getRequestUri().getPath())) {
            return ProblemPage.of(type, detail, errors);
        }
        Problem body = new Problem(
                type.uri(),
                type.title(),
                type.status(),
                detail,
                uri == null ? null : uri.getRequestUri().getPath(),
                errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder response =
                Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body);
        if (type == ProblemType.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = problem(e.type(), e.getMessage(), e.violations(), uri);
        if (e.type().status() == 503) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, 60)
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.Violation.field(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = errors.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return problem(ProblemType.VALIDATION, detail, errors, uri);
    }

    /** The JSON field, query or path parameter a violation is about, without Java method names. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (!name.isEmpty()) {
            return name.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return problem(
                ProblemType.VALIDATION,
                "unknown field '" + field + "'",
                List.of(Problem.Violation.field(field, "unknown field; check the spelling")),
                uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType().isEnum()
                ? "one of " + List.of(e.getTargetType().getEnumConstants())
                : "a " + jsonTypeName(e.getTargetType());
        return problem(
                ProblemType.VALIDATION,
                field + ": expected " + expected,
                List.of(Problem.Violation.field(field, "expected " + expected)),
                uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return problem(ProblemType.MALFORMED_JSON, "the body has content after the JSON value", List.of(), uri);
        }
        String field = jsonPath(e);
        String message =
                e.getTargetType() == null ? "has the wrong type" : "expected a " + jsonTypeName(e.getTargetType());
        return problem(
                ProblemType.VALIDATION, field + ": " + message, List.of(Problem.Violation.field(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response inputRefused(InputRefused e, UriInfo uri) {
        String field = jsonPath(e);
        return problem(
                ProblemType.VALIDATION,
                field + ": " + e.reason(),
                List.of(Problem.Violation.field(field, e.reason())),
                uri);
    }

    /** Bytes that are no text Jackson can decode (a body sent as UTF-32 with bad code points). */
    @ServerExceptionMapper
    public Response undecodableBody(java.io.CharConversionException e, UriInfo uri) {
        return problem(
                ProblemType.MALFORMED_JSON,
                "the body is not valid UTF-8 JSON",
                List.of(Problem.Violation.field("body", "send UTF-8")),
                uri);
    }

    /** Not JSON, or a key given twice: the problem names the field the parser was at. */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            String field = fieldAt(e);
            return problem(
                    ProblemType.MALFORMED_JSON,
                    field + " is given more than once" + where(e),
                    List.of(Problem.Violation.field(field, "is given more than once")),
                    uri);
        }
        String field = fieldAt(e);
        return problem(
                ProblemType.MALFORMED_JSON,
                "the body is not valid JSON" + where(e),
                List.of(Problem.Violation.field(field, "not valid JSON here")),
                uri);
    }

    /** JSON beyond the parser's limits: a number of a thousand digits, nesting too deep, a huge string. */
    private Response beyondLimits(StreamConstraintsException e, UriInfo uri) {
        String reason = String.valueOf(e.getOriginalMessage()).contains("nesting depth")
                ? "is nested more than " + StrictJson.MAX_NESTING_DEPTH + " levels deep"
                : "holds a value longer than this service reads";
        return problem(
                ProblemType.VALIDATION,
                "the body " + reason + where(e),
                List.of(Problem.Violation.field("body", reason)),
                uri);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    /** The field a parser was reading when it gave up, e.g. "amount" or "items[2].name". */
    private static String fieldAt(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "body";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamConstraintsException limits) {
            return beyondLimits(limits, uri);
        }
        if (e instanceof InputCoercionException coercion) {
            String field = fieldAt(coercion);
            return problem(
                    ProblemType.VALIDATION,
                    field + ": the number is out of range",
                    List.of(Problem.Violation.field(field, "the number is out of range")),
                    uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            return problem(
                    ProblemType.VALIDATION,
                    field + ": invalid value",
                    List.of(Problem.Violation.field(field, "invalid value")),
                    uri);
        }
        return problem(ProblemType.MALFORMED_JSON, "the body could not be read as JSON", List.of(), uri);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String jsonTypeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type.isRecord() || !type.getName().startsWith("java")) {
            return "JSON object";
        }
        return "value of another type";
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (ProblemPage.isPage(uri.getRequestUri().getPath())) {
            return ProblemPage.unauthenticated(headers.getCookies().keySet());
        }
        return problem(ProblemType.UNAUTHENTICATED, "missing, expired or invalid bearer token", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(ProblemType.FORBIDDEN, "your role does not allow this", List.of(), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleVersion(RuntimeException e, UriInfo uri) {
        return problem(
                ProblemType.STALE_VERSION,
                "the resource was changed since you read it; read it again and resend with the new version",
                List.of(),
                uri);
    }

    /** A unique key raced by a concurrent request: the same answer the service gives when it sees it first. */
    @ServerExceptionMapper
    public Response constraintRace(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (!"23505".equals(e.getSQLState())) {
            return unexpected(e, uri);
        }
        return problem(
                ProblemType.CONFLICT, "it already exists (created concurrently by another request)", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return otherJsonOrSpecific(json, uri);
        }
        if (cause instanceof java.io.CharConversionException undecodable) {
            return undecodableBody(undecodable, uri);
        }
        int status = e.getResponse().getStatus();
        LOG.debugf(e, "web application exception %d", status);
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted; it is bad input.
            return problem(
                    ProblemType.VALIDATION,
                    "a query or path parameter has the wrong type (a whole number where one is expected?)",
                    List.of(),
                    uri);
        }
        ProblemType type =
                switch (status) {
                    case 400 -> ProblemType.VALIDATION;
                    case 401 -> ProblemType.UNAUTHENTICATED;
                    case 403 -> ProblemType.FORBIDDEN;
                    case 404 -> ProblemType.NOT_FOUND;
                    case 405 -> ProblemType.METHOD_NOT_ALLOWED;
                    case 406 -> ProblemType.NOT_ACCEPTABLE;
                    case 409 -> ProblemType.CONFLICT;
                    case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
                    case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                    default -> null;
                };
        if (type == null) {
            return status >= 500
                    ? unexpected(e, uri)
                    : Response.fromResponse(e.getResponse()).build();
        }
        String detail =
                switch (type) {
                    case NOT_FOUND -> "no such resource";
                    case METHOD_NOT_ALLOWED -> "this method is not supported here";
                        // The imports take CSV; everything else with a body takes JSON.
                    case UNSUPPORTED_MEDIA_TYPE -> uri != null && uri.getPath().endsWith("/import")
                            ? "send text/csv"
                            : "send application/json";
                    case NOT_ACCEPTABLE -> "the requested representation is not available";
                    default -> type.title();
                };
        return problem(type, detail, List.of(), uri);
    }

    private Response otherJsonOrSpecific(JsonProcessingException json, UriInfo uri) {
        if (json instanceof InputRefused r) {
            return inputRefused(r, uri);
        }
        if (json instanceof UnrecognizedPropertyException u) {
            return unrecognizedField(u, uri);
        }
        if (json instanceof InvalidFormatException i) {
            return invalidValue(i, uri);
        }
        if (json instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (json instanceof JsonParseException p) {
            return malformedJson(p, uri);
        }
        return otherJson(json, uri);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (MalformedForms.isMalformedForm(e)) {
            LOG.debugf("malformed form body (%s)", e.getClass().getName());
            return problem(
                    ProblemType.VALIDATION,
                    "the form body could not be read: a bad %-escape, too many fields or a broken multipart body",
                    List.of(),
                    uri);
        }
        var closedYear = ClosedYearRefusal.year(e);
        if (closedYear.isPresent()) {
            return problem(ClosedYearRefusal.problem(closedYear.get()), uri);
        }
        if (TransientFailures.databaseUnreachable(e)) {
            LOG.warnf("database unavailable: %s", LogSafe.value(rootMessage(e)));
            return Response.fromResponse(problem(
                            ProblemType.DATABASE_UNAVAILABLE,
                            "the database cannot be reached; a write may or may not have been saved: retry it"
                                    + " with the same Idempotency-Key in a few seconds and it is saved exactly once",
                            List.of(),
                            uri))
                    .header(HttpHeaders.RETRY_AFTER, TransientFailures.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (TransientFailures.timedOut(e)) {
            LOG.warnf("work ran past its transaction timeout on %s", uri == null ? "?" : LogSafe.value(uri.getPath()));
            return Response.fromResponse(problem(
                            ProblemType.TIMED_OUT,
                            "the work did not finish within its time limit and was rolled back; nothing was"
                                    + " written; retry when the service is less busy, or send it in smaller parts",
                            List.of(),
                            uri))
                    .header(HttpHeaders.RETRY_AFTER, 60)
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(
                e,
                "unexpected error %s on %s",
                errorId,
                uri == null ? "?" : LogSafe.value(uri.getRequestUri().getPath()));
        return problem(
                ProblemType.INTERNAL,
                "an unexpected error occurred; quote error id " + errorId + " to the operator",
                List.of(),
                uri);
    }
}
