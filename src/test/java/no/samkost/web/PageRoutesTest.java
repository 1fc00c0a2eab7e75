package no.samkost.web;

import static no.samkost.support.HtmlPages.as;
import static no.samkost.support.HtmlPages.refused;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.support.Database;
import no.samkost.support.HtmlPages;
import no.samkost.support.Tokens;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The isolation walk's idea for the pages: every page route is found in the JAX-RS annotations of
 * the classes in {@code no.samkost.web} (class and method {@code @Path}), so a page added later is
 * walked without editing this test, and:
 *
 * <ul>
 *   <li>every route but the listed public ones names its municipality as {@code /app/{code}/...}
 *       (that segment is what the path guard checks; a page without it would show whichever
 *       municipality's data the session has, unguarded), and only {@code no.samkost.web} serves
 *       {@code /app};
 *   <li>every GET and POST route of municipality A refuses a user of B with 403 and the problem page
 *       "Ingen tilgang", a POST even with B's valid form token, and writes nothing; a route with a
 *       cooperation {@code {id}} refuses a cooperation the caller is not in, on its own {@code {code}};
 *   <li>every POST route refuses A's own user without the form token, or with a forged one, with 403
 *       naming the token, and writes nothing (not even a read's audit entry: the token is checked
 *       first);
 *   <li>without a bearer token or a session, a page answers 401 (the tests configure no browser
 *       login; with one, it is a redirect to the municipality's login), never the page;
 *   <li>pages carry the strict Content-Security-Policy and {@code Cache-Control: no-store}.
 * </ul>
 */
@QuarkusTest
class PageRoutesTest {

    /** Holmestrand: the host of 3k, so its all-roles user reaches every page a municipality has. */
    static final String A = "0702";
    /** Re: a member of 3k too; a user of B on A's pages. */
    static final String B = "0716";

    static final String A_COOPERATION = "3k";
    /** A cooperation neither A nor B is in (Sandefjord's). */
    static final String FOREIGN_COOPERATION = "sor";

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Routes that show no municipality's data and so stand outside /app/{code}, each with why. */
    static final Map<String, String> PUBLIC_ROUTES =
            Map.of("GET /app", "the start page: the municipalities to choose from, before anyone logs in");

    static final Set<Class<? extends Annotation>> METHODS =
            Set.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*(?::[^}]*)?}");

    /** One page route: method, the path template as JAX-RS matches it, and its handler. */
    record Route(String method, String path, Method handler) {

        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean guarded() {
            return path.startsWith("/app/{code}/") || path.equals("/app/{code}");
        }

        boolean inCooperation() {
            return parameters().contains("id");
        }

        List<String> parameters() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The path with {code} and {id} as given, every other parameter a plausible value of its type. */
        String url(String code, String cooperation) {
            Matcher m = PARAMETER.matcher(path);
            StringBuilder url = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value =
                        switch (name) {
                            case "code" -> code;
                            case "id" -> cooperation;
                            default -> plausible(pathParameterType(name));
                        };
                m.appendReplacement(url, Matcher.quoteReplacement(value));
            }
            m.appendTail(url);
            return url.toString();
        }

        Class<?> pathParameterType(String name) {
            for (Parameter p : handler.getParameters()) {
                PathParam path = p.getAnnotation(PathParam.class);
                RestPath rest = p.getAnnotation(RestPath.class);
                String named = path != null ? path.value() : rest != null ? rest.value() : null;
                if (rest != null && named.isEmpty()) {
                    named = p.getName();
                }
                if (name.equals(named)) {
                    return p.getType();
                }
            }
            return String.class;
        }

        /** The handler's form fields but the form token, each with a plausible value. */
        Map<String, String> formFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Parameter p : handler.getParameters()) {
                FormParam form = p.getAnnotation(FormParam.class);
                RestForm rest = p.getAnnotation(RestForm.class);
                String name = form != null ? form.value() : rest != null ? rest.value() : null;
                if (rest != null && name.isEmpty()) {
                    name = p.getName();
                }
                if (name != null && !name.equals("_csrf")) {
                    fields.put(name, plausible(p.getType()));
                }
            }
            return fields;
        }

        boolean multipart() {
            Consumes consumes = Optional.ofNullable(handler.getAnnotation(Consumes.class))
                    .orElse(handler.getDeclaringClass().getAnnotation(Consumes.class));
            return consumes != null && Arrays.asList(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA);
        }
    }

    static String plausible(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "2023";
        }
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        return "a1";
    }

    static List<JavaClass> resources;
    static List<Route> routes;

    @BeforeAll
    static void discover() throws Exception {
        resources = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("no.samkost").stream()
                        .filter(c -> c.isAnnotatedWith(Path.class))
                        .toList();
        List<Route> found = new ArrayList<>();
        for (JavaClass resource : resources) {
            if (!resource.getPackageName().equals("no.samkost.web")) {
                continue;
            }
            Class<?> type = Class.forName(resource.getName(), false, PageRoutesTest.class.getClassLoader());
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                for (Class<? extends Annotation> http : METHODS) {
                    if (method.isAnnotationPresent(http)) {
                        Path sub = method.getAnnotation(Path.class);
                        found.add(new Route(http.getSimpleName(), join(base, sub == null ? "" : sub.value()), method));
                    }
                }
                if (method.isAnnotationPresent(Path.class) && METHODS.stream().noneMatch(method::isAnnotationPresent)) {
                    throw new AssertionError(type.getName() + "." + method.getName()
                            + " is a sub-resource locator: teach this walk to follow it, or its pages go unchecked");
                }
            }
        }
        found.sort(Comparator.comparing(Route::toString));
        routes = List.copyOf(found);
    }

    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    List<Route> guarded() {
        return routes.stream()
                .filter(r -> !PUBLIC_ROUTES.containsKey(r.toString()))
                .toList();
    }

    static String allRoles(String code) {
        return Tokens.token(code, "coordinator", "viewer", "auditor", "cooperation-member");
    }

    static RequestSpecification form(String token, Route route, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>(route.formFields());
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        RequestSpecification request = as(token);
        if (route.multipart()) {
            fields.forEach(request::multiPart);
            request.multiPart("file", "a.csv", "recipient_ref,period,category,amount,note\r\n".getBytes(), "text/csv");
            return request;
        }
        return request.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields);
    }

    /** The form token of a session of {@code code}, from the first of its pages that has a form. */
    String formToken(String token, String code) {
        for (Route route : guarded()) {
            if (route.method().equals("GET") && !route.inCooperation()) {
                String html = as(token).get(route.url(code, A_COOPERATION)).asString();
                if (html.contains("name=\"_csrf\"")) {
                    return HtmlPages.csrf(html);
                }
            }
        }
        throw new AssertionError("no page of " + code + " has a form");
    }

    @Test
    void theWalkFindsThePagesAndEveryPageNamesItsMunicipality() {
        assertTrue(routes.stream().anyMatch(r -> r.toString().equals("GET /app")), "the start page: " + routes);
        assertTrue(routes.stream().anyMatch(r -> r.toString().equals("GET /app/{code}")), "the home page");
        assertTrue(routes.stream().anyMatch(r -> r.method().equals("POST")), "a form: " + routes);
        for (String listed : PUBLIC_ROUTES.keySet()) {
            assertTrue(routes.stream().anyMatch(r -> r.toString().equals(listed)), listed + " is listed but gone");
        }
        for (Route route : routes) {
            assertTrue(route.path().startsWith("/app"), route + ": no.samkost.web serves the pages, all under /app");
            assertTrue(
                    route.method().equals("GET") || route.method().equals("POST"),
                    route + ": a page is read with GET and changed by a form's POST");
            assertTrue(
                    route.guarded() || PUBLIC_ROUTES.containsKey(route.toString()),
                    route + " shows no /app/{code}: the path guard cannot check whose data it is. Put it under"
                            + " /app/{code}, or list it in PUBLIC_ROUTES with why it shows no municipality's data");
            if (route.inCooperation()) {
                assertTrue(
                        route.path().startsWith("/app/{code}/samarbeid/{id}"),
                        route + ": a cooperation's pages live under /app/{code}/samarbeid/{id}");
            }
        }
        for (JavaClass resource : resources) {
            String path = resource.getAnnotationOfType(Path.class).value();
            if (path.startsWith("/app") || path.startsWith("app")) {
                assertEquals(
                        "no.samkost.web",
                        resource.getPackageName(),
                        resource.getName() + " serves /app outside no.samkost.web, where this walk does not look");
            }
        }
    }

    @Test
    void everyPageOfARefusesAUserOfBAndWritesNothing() throws Exception {
        String b = allRoles(B);
        String bCsrf = formToken(b, B);
        for (Route route : guarded()) {
            Map<String, String> before = Database.fingerprint();
            String url = route.url(A, A_COOPERATION);
            Response response = route.method().equals("GET")
                    ? as(b).get(url)
                    : form(b, route, bCsrf).post(url);
            response.then().spec(refused(403, "Ingen tilgang"));
            assertEquals(before, Database.fingerprint(), route + " changed data although refused");
            if (route.inCooperation()) {
                // B on its own pages, but of a cooperation it is not in.
                String foreign = route.url(B, FOREIGN_COOPERATION);
                Response other = route.method().equals("GET")
                        ? as(b).get(foreign)
                        : form(b, route, bCsrf).post(foreign);
                other.then().spec(refused(403, "Ingen tilgang"));
                assertEquals(before, Database.fingerprint(), route + " changed data although refused");
            }
        }
    }

    @Test
    void everyFormRefusesARequestWithoutItsTokenAndWritesNothing() throws Exception {
        String a = allRoles(A);
        List<Route> posts =
                guarded().stream().filter(r -> r.method().equals("POST")).toList();
        for (Route route : posts) {
            for (String token : Arrays.asList(null, "", "forged-" + UUID.randomUUID())) {
                Map<String, String> before = Database.fingerprint();
                form(a, route, token)
                        .post(route.url(A, A_COOPERATION))
                        .then()
                        .spec(refused(403, "Ingen tilgang"))
                        .body(containsString("token is missing or belongs to another session"));
                assertEquals(before, Database.fingerprint(), route + " changed data without its form token");
            }
        }
    }

    @Test
    void withoutALoginAPageIsNotShown() {
        for (Route route : guarded()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            Response response = RestAssured.given().redirects().follow(false).get(route.url(A, A_COOPERATION));
            // The tests configure no browser login (tenants/*.yaml without oidc.webLogin): 401. With
            // one, the web tenant answers 302 to the municipality's login page instead.
            int status = response.statusCode();
            assertEquals(401, status, route + ": " + response.asString());
            assertFalse(response.asString().contains("Logg ut"), route + " showed a page");
        }
    }

    @Test
    void pagesCarryTheStrictContentSecurityPolicyAndAreNotStored() {
        String a = allRoles(A);
        for (Route route : routes) {
            if (!route.method().equals("GET")) {
                continue;
            }
            Response response = as(a).get(route.url(A, A_COOPERATION));
            assertTrue(response.statusCode() < 500, route + " answered " + response.statusCode());
            assertEquals(CSP, response.header("Content-Security-Policy"), route.toString());
            assertEquals("no-store", response.header("Cache-Control"), route.toString());
        }
        // The problem pages too.
        Response refusedPage = as(allRoles(B)).get("/app/" + A);
        assertEquals(CSP, refusedPage.header("Content-Security-Policy"));
        assertEquals("no-store", refusedPage.header("Cache-Control"));
    }
}
