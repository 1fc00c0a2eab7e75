package no.samkost.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;

/**
 * A problem on a page of the web front end ({@code /app/...}): the same status as the API would
 * answer, as a small Norwegian HTML page instead of problem+json, so a browser shows the person
 * what happened. The detail is the API's (English) sentence; nothing in it is new information.
 */
public final class ProblemPage {

    static final String PAGES = "/app/";
    /** Quarkus OIDC's session cookie of a web-app tenant ({@code web-<id>}), and its chunks. */
    static final String SESSION_COOKIE_PREFIX = "q_session_web-";

    private ProblemPage() {}

    static boolean isPage(String path) {
        return path != null && path.startsWith(PAGES);
    }

    static Response of(ProblemType type, String detail, List<Problem.Violation> errors) {
        return Response.status(type.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html(type, detail, errors))
                .build();
    }

    /**
     * Not logged in: the page, and the browser's session cookies cleared. A session cookie that
     * did not authenticate (it expired, or the service can no longer decrypt it after its client
     * secret changed) would otherwise be sent again and again, and the person would never get to
     * the login; without it, the next page starts the login at the municipality.
     */
    public static Response unauthenticated(Collection<String> cookieNames) {
        Response.ResponseBuilder response = Response.status(ProblemType.UNAUTHENTICATED.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html(ProblemType.UNAUTHENTICATED, null, List.of()));
        sessionCookies(cookieNames).forEach(cookie -> response.header(HttpHeaders.SET_COOKIE, cookie));
        return response.build();
    }

    /** {@code Set-Cookie} values that expire each web session cookie (and its chunks) among these names. */
    static List<String> sessionCookies(Collection<String> cookieNames) {
        return cookieNames.stream()
                .filter(name -> name.startsWith(SESSION_COOKIE_PREFIX) && name.matches("[A-Za-z0-9_.-]{1,200}"))
                .map(name -> name + "=; Path=/app; Max-Age=0; HttpOnly; SameSite=Lax")
                .toList();
    }

    /** The page as HTML: heading, what it means, the service's own sentence (English) and the fields. */
    static String html(ProblemType type, String detail, List<Problem.Violation> errors) {
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(heading(type)))
                .append(" – samkost</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/app/assets/samkost.css\">\n</head>\n<body>\n")
                .append("<main id=\"innhold\" class=\"problem\" data-problem-type=\"")
                .append(escape(type.uri()))
                .append("\">\n<h1>")
                .append(escape(heading(type)))
                .append("</h1>\n<p>")
                .append(escape(explanation(type)))
                .append("</p>\n");
        if (detail != null && !detail.isBlank()) {
            html.append("<p lang=\"en\">").append(escape(detail)).append("</p>\n");
        }
        if (errors != null && !errors.isEmpty()) {
            html.append("<ul>\n");
            for (Problem.Violation v : errors) {
                html.append("<li lang=\"en\">")
                        .append(v.row() == null ? "" : "row " + v.row() + ", ")
                        .append(escape(v.field()))
                        .append(": ")
                        .append(escape(v.message()))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append(
                type.status() == 401
                        ? "<p><a href=\"/app/\">Logg inn på nytt</a></p>\n</main>\n</body>\n</html>\n"
                        : "<p><a href=\"/app/\">Til startsiden</a></p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String heading(ProblemType type) {
        return switch (type.status()) {
            case 401 -> "Ikke innlogget";
            case 403 -> "Ingen tilgang";
            case 404 -> "Siden finnes ikke";
            case 405 -> "Ikke tillatt her";
            case 409 -> "Konflikt";
            case 413 -> "For mye innhold";
            default -> type.status() >= 500 ? "Noe gikk galt" : "Ugyldig forespørsel";
        };
    }

    static String explanation(ProblemType type) {
        return switch (type.status()) {
            case 401 -> "Du er ikke logget inn, eller innloggingen er utløpt. Logg inn gjennom din kommune.";
            case 403 -> "Du er ikke logget inn med en rolle som har tilgang til denne siden.";
            case 404 -> "Det du ba om, finnes ikke her.";
            case 409 -> "Det du ville gjøre, passer ikke med hvordan dataene står nå. Ingenting ble endret.";
            default -> type.status() >= 500
                    ? "Tjenesten kunne ikke svare nå. Ingenting ble endret; prøv igjen om litt."
                    : "Forespørselen kunne ikke brukes. Ingenting ble endret.";
        };
    }

    /** HTML text and attribute escaping (the five characters that matter). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
