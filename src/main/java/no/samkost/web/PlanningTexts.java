package no.samkost.web;

import java.util.List;
import no.samkost.planning.BaseLevel;
import no.samkost.planning.HousingNames;
import no.samkost.planning.NeedStatus;

/**
 * The planning pages' words: housing forms and base levels by the municipality's own names (from
 * {@link HousingNames}), the register's statuses, and the columns the planning figures come in.
 */
public final class PlanningTexts {

    /** The housing columns of the demand and the key figures, in the API's order. */
    static final List<String> HOUSING_COLUMNS = List.of("1", "2", "3", "4", "5", "unknown");

    private PlanningTexts() {}

    /** A housing column's heading: "1: Egen bolig med tjenester i hjemmet", or for the others their words. */
    static String column(String column, HousingNames.View names) {
        return switch (column) {
            case "unknown" -> "Boform ikke registrert";
            case "jointService" -> "Flyttet til felles tjeneste";
            default -> column + ": " + names.form(Integer.parseInt(column));
        };
    }

    /** A housing form 1-5 with its name, or "ikke kjent". */
    static String form(Integer form, HousingNames.View names) {
        return form == null ? "ikke kjent" : column(form.toString(), names);
    }

    static String level(BaseLevel level, HousingNames.View names) {
        if (level == null) {
            return "ikke kjent";
        }
        return names.baseLevels().stream()
                .filter(l -> l.baseLevel() == level)
                .map(HousingNames.LevelNameView::name)
                .findFirst()
                .orElse(level.name());
    }

    static String status(NeedStatus status) {
        return switch (status) {
            case ACTIVE -> "Aktiv";
            case DECLINED -> "Familien takket nei";
            case MOVED_AWAY -> "Flyttet fra kommunen";
            case BECAME_RECIPIENT -> "Ble tjenestemottaker";
        };
    }

    /** A choice in a select box: the API's value and the page's words. */
    public record Choice(String value, String label) {}

    static List<Choice> groups() {
        return RecipientPages.GROUPS.stream()
                .map(g -> new Choice(g.value(), g.label()))
                .toList();
    }

    static List<Choice> statuses() {
        return java.util.Arrays.stream(NeedStatus.values())
                .map(s -> new Choice(s.name(), status(s)))
                .toList();
    }

    static List<Choice> forms(HousingNames.View names) {
        return names.housingForms().stream()
                .map(f -> new Choice(Integer.toString(f.housingForm()), f.housingForm() + ": " + f.name()))
                .toList();
    }

    static List<Choice> levels(HousingNames.View names) {
        return names.baseLevels().stream()
                .map(l -> new Choice(l.baseLevel().name(), l.name()))
                .toList();
    }
}
