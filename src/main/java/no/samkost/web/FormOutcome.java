package no.samkost.web;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;

/**
 * What went wrong with a form, for the page that shows it again: a Norwegian summary, and per field
 * the Norwegian explanation the page gives (or the service's own sentence when the page has none).
 * The status and problem type are the ones the API answers for the same request; the page names the
 * type in {@code data-problem-type} as the problem pages do.
 */
public record FormOutcome(int status, String type, String summary, Map<String, String> fields, List<String> details) {

    static final String VALIDATION = ProblemType.VALIDATION.uri();

    public static FormOutcome none() {
        return new FormOutcome(200, null, null, Map.of(), List.of());
    }

    public boolean failed() {
        return summary != null;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String of(String field) {
        return fields.getOrDefault(field, "");
    }

    /** Fields in the order the page names them, for the error summary at the top of the form. */
    public List<Map.Entry<String, String>> list() {
        return List.copyOf(fields.entrySet());
    }

    static FormOutcome of(ProblemException e, Map<String, String> norwegian) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        for (Problem.Violation v : e.violations()) {
            String field = v.field() == null ? "" : v.field();
            fields.putIfAbsent(field, norwegian.getOrDefault(field, v.message()));
            details.add((v.row() == null ? "" : "rad " + v.row() + ": ") + field + ": " + v.message());
        }
        if (fields.isEmpty()) {
            details.add(e.getMessage());
        }
        return new FormOutcome(
                e.type().status(), e.type().uri(), summary(e.type().status()), fields, details);
    }

    static FormOutcome of(Set<? extends ConstraintViolation<?>> violations, Map<String, String> norwegian) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            String field = v.getPropertyPath().toString();
            fields.putIfAbsent(field, norwegian.getOrDefault(field, v.getMessage()));
            details.add(field + ": " + v.getMessage());
        }
        return new FormOutcome(400, VALIDATION, summary(400), fields, details);
    }

    /** A field the page could not even read (a year that is no number). */
    static FormOutcome field(String field, String norwegian) {
        return new FormOutcome(400, VALIDATION, summary(400), Map.of(field, norwegian), List.of());
    }

    static String summary(int status) {
        return switch (status) {
            case 403 -> "Du har ikke tilgang til å gjøre dette.";
            case 404 -> "Det du ville endre, finnes ikke.";
            case 409 -> "Det du ville gjøre, passer ikke med hvordan dataene står nå. Ingenting ble endret.";
            case 413 -> "Filen er for stor. Ingenting ble lagret.";
            case 422 -> "Noe i skjemaet kunne ikke brukes. Ingenting ble lagret.";
            default -> status >= 500
                    ? "Tjenesten kunne ikke svare nå. Ingenting ble lagret; prøv igjen om litt."
                    : "Skjemaet har feil. Ingenting ble lagret.";
        };
    }
}
