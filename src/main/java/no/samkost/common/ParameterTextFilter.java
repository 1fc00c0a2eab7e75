package no.samkost.common;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters are checked once here for every endpoint, after decoding and before
 * any of them is converted or used: their text obeys {@link InputText} like every JSON string (a
 * NUL or a line break never reaches a query, a log line or a Location header), and a parameter the
 * method takes as a whole number must be one. JAX-RS would otherwise answer a bad number with a 404
 * that names nothing.
 */
public class ParameterTextFilter {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern ASCII_WHOLE = Pattern.compile("[+-]?[0-9]+");

    @ServerRequestFilter
    public void refuseBadParameters(UriInfo uri, ResourceInfo resource) {
        List<Problem.Violation> errors = new ArrayList<>();
        MultivaluedMap<String, String> path = uri.getPathParameters(true);
        MultivaluedMap<String, String> query = uri.getQueryParameters(true);
        collect(path, errors);
        collect(query, errors);
        if (errors.isEmpty() && resource != null && resource.getResourceMethod() != null) {
            typedValues(resource.getResourceMethod(), path, query, errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.Violation> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = InputText.problem(parameter.getKey()).isPresent() ? "query" : parameter.getKey();
            for (String value : parameter.getValue()) {
                InputText.problem(value).ifPresent(problem -> errors.add(Problem.Violation.field(name, problem)));
            }
        }
    }

    private static void typedValues(
            Method method,
            MultivaluedMap<String, String> path,
            MultivaluedMap<String, String> query,
            List<Problem.Violation> errors) {
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            boolean integer = type == int.class || type == Integer.class;
            boolean longer = type == long.class || type == Long.class;
            boolean uuid = type == UUID.class;
            // JAX-RS reads anything but "true" as false: live=yes would silently answer the snapshot.
            boolean bool = type == boolean.class || type == Boolean.class;
            if (!integer && !longer && !uuid && !bool) {
                continue;
            }
            for (Annotation annotation : parameter.getAnnotations()) {
                String name = null;
                List<String> values = null;
                if (annotation instanceof PathParam p) {
                    name = p.value();
                    values = path.get(name);
                } else if (annotation instanceof QueryParam q) {
                    name = q.value();
                    values = query.get(name);
                }
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    if (bool) {
                        if (!value.equals("true") && !value.equals("false")) {
                            errors.add(Problem.Violation.field(name, "must be true or false"));
                        }
                        continue;
                    }
                    if (uuid && !UUID_TEXT.matcher(value).matches()) {
                        errors.add(Problem.Violation.field(
                                name, "must be an id like 3f2c8a9e-5b7d-4c1a-9e2f-0a1b2c3d4e5f"));
                        continue;
                    }
                    // parseInt takes any script's digits ("٢٠٢٣" is 2023): a number here is ASCII.
                    if ((integer || longer) && !ASCII_WHOLE.matcher(value).matches()) {
                        errors.add(Problem.Violation.field(
                                name, "must be a whole number" + (integer ? " (at most 10 digits)" : "")));
                        continue;
                    }
                    try {
                        if (integer) {
                            Integer.parseInt(value);
                        } else if (longer) {
                            Long.parseLong(value);
                        }
                    } catch (NumberFormatException e) {
                        errors.add(Problem.Violation.field(
                                name, "must be a whole number" + (integer ? " (at most 10 digits)" : "")));
                    }
                }
            }
        }
    }
}
