package no.samkost.planning;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.samkost.common.InputText;
import no.samkost.planning.NeedDtos.NewConversation;
import no.samkost.planning.NeedDtos.NewNeed;
import no.samkost.recipients.UserGroup;

/**
 * One data row of the register's CSV import: an entry (NewNeed's fields and a status) and its first
 * conversation (NewConversation's). The cells are parsed into those very records and checked by
 * their own constraints and {@link ConversationRules}, so a row is refused exactly when the JSON
 * API would refuse the same entry or conversation, and with the same words.
 */
final class NeedCsvRow {

    static final String HEADER = "ref,birth_year,user_group,status,held_on,expected_move_out_year,housing_form,"
            + "base_level,hours_per_week_min,hours_per_week_max";
    static final List<String> COLUMNS = List.of(HEADER.split(","));

    /**
     * The OpenAPI example and the README's: a row with every answer, and one whose family did not
     * know yet (the empty cells are the optional ones).
     */
    static final String EXAMPLE = HEADER
            + "\nU-2011-3,2011,INTELLECTUAL_DISABILITY,ACTIVE,2026-03-12,2029,3,UTVIDET,10,15.5"
            + "\nU-2010-7,2010,SOMATIC,,2025-11-02,,,,,";

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HOURS = Pattern.compile("\\d{1,3}(\\.\\d{1,9})?");

    /** A row that passed every rule. */
    record Valid(NewNeed need, NeedStatus status, NewConversation conversation, ConversationRules.Hours hours) {}

    /** What is wrong with one cell, by its column's name in the header. */
    record Issue(String column, String message) {}

    record Checked(Valid row, List<Issue> issues) {}

    private final Validator validator;
    private final Clock clock;

    NeedCsvRow(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** Checks one record of exactly {@link #COLUMNS}'s size. */
    Checked check(List<String> cells) {
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String column = COLUMNS.get(i);
            InputText.problem(cells.get(i)).ifPresent(problem -> issues.add(new Issue(column, problem)));
        }
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        Cells row = new Cells(cells, issues);
        String ref = row.required("ref");
        Integer birthYear = row.whole("birth_year", true, "a year, e.g. 2011");
        UserGroup userGroup = row.constant("user_group", UserGroup.class, true);
        NeedStatus status = row.status();
        LocalDate heldOn = row.day("held_on");
        Integer moveOut = row.whole("expected_move_out_year", false, "a year, or empty when the family does not know");
        Integer housingForm = row.whole("housing_form", false, "a housing form 1-5, or empty");
        BaseLevel baseLevel = row.constant("base_level", BaseLevel.class, false);
        BigDecimal min = row.hours("hours_per_week_min");
        BigDecimal max = row.hours("hours_per_week_max");
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        NewNeed need = new NewNeed(ref, birthYear, userGroup);
        NewConversation conversation = new NewConversation(heldOn, moveOut, housingForm, baseLevel, min, max);
        constraints(validator.validate(need), issues);
        constraints(validator.validate(conversation), issues);
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        ConversationRules.heldOnProblem(heldOn, clock).ifPresent(problem -> issues.add(new Issue("held_on", problem)));
        ConversationRules.Hours hours = ConversationRules.hours(min, max);
        if (!hours.ordered()) {
            issues.add(new Issue("hours_per_week_min", "must not be above hours_per_week_max"));
        }
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        return new Checked(new Valid(need, status, conversation, hours), List.of());
    }

    /** A constraint's property (birthYear) named as its column (birth_year), in the header's order. */
    private static <T> void constraints(Set<ConstraintViolation<T>> violations, List<Issue> issues) {
        violations.stream()
                .map(v -> new Issue(column(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(issue -> COLUMNS.indexOf(issue.column())))
                .forEach(issues::add);
    }

    static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** The cells of one row by column name, each parsed or reported once. */
    private record Cells(List<String> cells, List<Issue> issues) {

        String text(String column) {
            return InputText.unpadded(cells.get(COLUMNS.indexOf(column)));
        }

        String required(String column) {
            String text = text(column);
            if (text.isEmpty()) {
                issues.add(new Issue(column, "is required"));
                return null;
            }
            return text;
        }

        Integer whole(String column, boolean required, String what) {
            String text = required ? required(column) : text(column);
            if (text == null || text.isEmpty()) {
                return null;
            }
            if (!WHOLE.matcher(text).matches()) {
                issues.add(new Issue(column, "must be " + what));
                return null;
            }
            return Integer.valueOf(text);
        }

        <E extends Enum<E>> E constant(String column, Class<E> type, boolean required) {
            String text = required ? required(column) : text(column);
            if (text == null || text.isEmpty()) {
                return null;
            }
            Optional<E> constant = Arrays.stream(type.getEnumConstants())
                    .filter(c -> c.name().equals(text))
                    .findFirst();
            if (constant.isEmpty()) {
                issues.add(new Issue(
                        column, "must be one of " + String.join(", ", names(type)) + (required ? "" : ", or empty")));
            }
            return constant.orElse(null);
        }

        /** Empty is a new entry's status, ACTIVE; a recipient is linked through the API, which names it. */
        NeedStatus status() {
            NeedStatus status = constant("status", NeedStatus.class, false);
            if (status == NeedStatus.BECAME_RECIPIENT) {
                issues.add(new Issue(
                        "status",
                        "BECAME_RECIPIENT names a recipient: import the entry, then set it with PUT"
                                + " .../needs/{ref} and the recipient's ref"));
                return null;
            }
            return status == null ? NeedStatus.ACTIVE : status;
        }

        LocalDate day(String column) {
            String text = required(column);
            if (text == null) {
                return null;
            }
            try {
                if (DAY.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException e) {
                // reported below, as any other text that is not a day
            }
            issues.add(new Issue(column, "must be a day written YYYY-MM-DD, e.g. 2026-03-12"));
            return null;
        }

        BigDecimal hours(String column) {
            String text = text(column);
            if (text.isEmpty()) {
                return null;
            }
            if (!HOURS.matcher(text).matches()) {
                issues.add(new Issue(column, "must be hours a week with a point for decimals, e.g. 7.5, or empty"));
                return null;
            }
            return new BigDecimal(text);
        }

        private static <E extends Enum<E>> List<String> names(Class<E> type) {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        }
    }
}
