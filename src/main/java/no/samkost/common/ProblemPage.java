package no.samkost.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A problem on a page of the web front end ({@code /app/...}): the same status as the API would
 * answer, as a small Norwegian HTML page instead of problem+json, so a browser shows the person
 * what happened. The detail is the API's (English) sentence; nothing in it is new information.
 */
public final class ProblemPage {

    static final String PAGES = "/app/";

    private ProblemPage() {}

    static boolean isPage(String path) {
        return path != null && path.startsWith(PAGES);
    }

    static Response of(ProblemType type, String detail, List<Problem.Violation> errors) {
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
        html.append("<p><a href=\"/app/\">Til startsiden</a></p>\n</main>\n</body>\n</html>\n");
        return Response.status(type.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html.toString())
                .build();
    }

    static String heading(ProblemType type) {
        return switch (type.status()) {
            case 401 -> "Ikke innlogget";
            case 403 -> "Ingen tilgang";
            case 404 -> "Siden finnes ikke";
            case 405 -> "Ikke tillatt her";
            case 409 -> "Konflikt";
            case 413 -> "For stor fil";
            default -> type.status() >= 500 ? "Noe gikk galt" : "Ugyldig forespørsel";
        };
    }

    static String explanation(ProblemType type) {
        return switch (type.status()) {
            case 401 -> "Du må logge inn gjennom din kommune først.";
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
