package no.samkost.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.common.Problem;

/**
 * The CSV import's row errors in Norwegian. The service words them in English (the API's
 * problem details, API.md); the page words each known message from its parts, and shows one it
 * does not know as the service wrote it, marked as English, rather than hide it.
 */
public final class ImportErrors {

    /** One listed error: its row (null for the file as a whole), the text, whether that is English. */
    public record Line(Integer row, String text, boolean english) {}

    private ImportErrors() {}

    private static final Map<String, String> COLUMNS = Map.of(
            "recipient_ref", "mottaker (recipient_ref)",
            "recipientRef", "mottaker (recipient_ref)",
            "period", "måned (period)",
            "category", "kategori (category)",
            "amount", "beløp (amount)",
            "note", "merknad (note)",
            "header", "overskriften",
            "fil", "filen");

    /** English message (whole) to Norwegian; {@code $1}... from the pattern's groups. */
    private static final List<Map.Entry<Pattern, String>> MESSAGES = List.of(
            rule("is required", "mangler"),
            rule(
                    "must be a month written YYYY-MM, e.g. 2023-03",
                    "må være en måned skrevet ÅÅÅÅ-MM, for eksempel 2023-03"),
            rule("must be in (\\d{4})-(\\d{4})", "må være i årene $1–$2"),
            rule("month must be 01-12", "måneden må være 01–12"),
            rule("must be one of ([A-Z_, ]+)", "må være én av $1"),
            rule(
                    "JOINT_SERVICE lines are written by the cooperation module, not by clients",
                    "JOINT_SERVICE-linjer skrives av samarbeidsmodulen, ikke ved import"),
            rule(
                    "must be an amount in NOK with at most 2 decimals and a point, e.g. 12500.50",
                    "må være et beløp i kroner med høyst to desimaler og punktum, for eksempel 12500.50"),
            rule("must not be zero", "kan ikke være 0"),
            rule("must be at most ([0-9.]+) NOK per line", "kan være høyst $1 kroner per linje"),
            rule("must be at most (\\d+) characters", "kan være høyst $1 tegn"),
            rule(
                    "a correction \\(negative amount\\) must say why in a note",
                    "en korreksjon (negativt beløp) må begrunnes i merknaden"),
            rule(
                    "must not contain a control character \\(U\\+([0-9A-F]{4}) at position (\\d+)\\)",
                    "kan ikke inneholde et kontrolltegn (U+$1 i posisjon $2)"),
            rule(
                    "must not contain an unpaired surrogate \\(U\\+([0-9A-F]{4}) at position (\\d+)\\)",
                    "kan ikke inneholde et ugyldig tegn (U+$1 i posisjon $2)"),
            rule(
                    "must not contain a replacement character \\(bytes that are not valid UTF-8\\?\\)"
                            + " \\(U\\+([0-9A-F]{4}) at position (\\d+)\\)",
                    "kan ikke inneholde et erstatningstegn (U+$1 i posisjon $2): er filen lagret som UTF-8?"),
            rule(
                    "must not contain a bidirectional control character \\(U\\+([0-9A-F]{4}) at position (\\d+)\\)",
                    "kan ikke inneholde et tegn som snur skriveretningen (U+$1 i posisjon $2)"),
            rule(
                    "must not contain an invisible formatting character \\(U\\+([0-9A-F]{4}) at position (\\d+)\\)",
                    "kan ikke inneholde et usynlig formateringstegn (U+$1 i posisjon $2)"),
            rule(
                    "cost year (\\d{4}) is closed \\(its claim is submitted\\)",
                    "kostnadsåret $1 er lukket (kravet er sendt inn)"),
            rule("no recipient '(.*)' in your municipality", "ingen mottaker «$1» i kommunen"),
            rule("no such recipient in your municipality", "ingen slik mottaker i kommunen"),
            rule("expected 4 or 5 columns \\(([^)]*)\\), found (\\d+)", "skal ha 4 eller 5 kolonner ($1), har $2"),
            rule("expected (.*)", "skal være $1"),
            rule("a quoted field is not closed", "et felt i anførselstegn er ikke avsluttet"),
            rule("a quote may only enclose a whole field", "anførselstegn kan bare omslutte et helt felt"),
            rule("more than (\\d+) columns", "mer enn $1 kolonner"),
            rule("a field is longer than (\\d+) characters", "et felt er lengre enn $1 tegn"),
            rule("no file", "ingen fil er valgt"));

    private static Map.Entry<Pattern, String> rule(String english, String norwegian) {
        return Map.entry(Pattern.compile(english), norwegian);
    }

    static List<Line> norwegian(List<Problem.Violation> errors) {
        List<Line> lines = new ArrayList<>();
        for (Problem.Violation error : errors) {
            String text = error.field() == null ? error.message() : error.field() + ": " + error.message();
            String worded = worded(text);
            lines.add(worded == null ? new Line(error.row(), text, true) : new Line(error.row(), worded, false));
        }
        return lines;
    }

    /** Every part ("column: message", parts joined by "; ") in Norwegian, or null if one part is not known. */
    static String worded(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("; ")) {
            String column = null;
            String message = part;
            int colon = part.indexOf(": ");
            if (colon > 0 && COLUMNS.containsKey(part.substring(0, colon))) {
                column = COLUMNS.get(part.substring(0, colon));
                message = part.substring(colon + 2);
            }
            String norwegian = message(message);
            if (norwegian == null) {
                return null;
            }
            parts.add(column == null ? capitalised(norwegian) : capitalised(column) + ": " + norwegian);
        }
        return String.join("; ", parts);
    }

    private static String message(String english) {
        for (Map.Entry<Pattern, String> rule : MESSAGES) {
            Matcher m = rule.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(rule.getValue());
            }
        }
        return null;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
