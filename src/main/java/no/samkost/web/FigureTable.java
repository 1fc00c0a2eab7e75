package no.samkost.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.cooperation.api.SuppressedCell;

/**
 * A table of a cooperation's figures as a page shows it: one row per member and a total, each cell
 * the value the service answered, formatted in Norwegian, or "–" where the service left it out under
 * the small-number rule, with the reason (in the cell's {@code title} and in a numbered footnote
 * below the table). Nothing is computed here: a hidden figure stays hidden, a shown one is printed.
 */
public record FigureTable(String id, List<Column> columns, List<Row> rows, Row total, List<Footnote> footnotes) {

    /**
     * A column: the member field it shows, the totals' field in the same column (null: none), its
     * Norwegian heading, and whether it is money (and drawn in the chart).
     */
    public record Column(String field, String totalField, String label, boolean money) {}

    /**
     * A cell: the text shown, the plain number a chart reads (not named {@code raw}: Qute's built-in
     * {@code raw} would print the whole cell unescaped), and when hidden the reason and its footnote.
     */
    public record Cell(String field, String shown, String number, String reason, String note, int noteNumber) {
        public boolean hidden() {
            return reason != null;
        }
    }

    /** A row: the member's code (null for the total), its label, whether it is the viewer's own. */
    public record Row(String code, String label, boolean own, List<Cell> cells) {}

    /** A footnote: one reason, and the cells it hides ("Hof (0714): plasserte mottakere, ..."). */
    public record Footnote(int number, String id, String reason, List<String> cells) {}

    public boolean anyHidden() {
        return !footnotes.isEmpty();
    }

    /** Builds a table from a view's rows and its {@code suppressed} list. */
    static final class Builder {

        private static final Pattern MINIMUM = Pattern.compile("fewer than (\\d+)");
        private static final String TOTAL = "Sum";

        private final String id;
        private final List<Column> columns;
        private final List<SuppressedCell> suppressed;
        private final Map<String, String> names;
        private final String own;
        private final List<Row> rows = new ArrayList<>();
        private final Map<String, Integer> numbers = new LinkedHashMap<>();
        private final Map<String, Map<String, List<String>>> hiddenByReason = new LinkedHashMap<>();

        /**
         * @param names member code to "Name (code)"
         * @param own the viewer's municipality code
         */
        Builder(
                String id,
                List<Column> columns,
                List<SuppressedCell> suppressed,
                Map<String, String> names,
                String own) {
            this.id = id;
            this.columns = columns;
            this.suppressed = suppressed;
            this.names = names;
            this.own = own;
        }

        /** A member's row; {@code values} in the columns' order (BigDecimal, Integer, Long or null). */
        Builder member(String code, List<?> values) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                cells.add(cell(code, c.field(), c, values.get(i)));
            }
            rows.add(new Row(code, names.getOrDefault(code, code), code.equals(own), cells));
            return this;
        }

        /** The totals row; {@code values} in the columns' order (null where a column has no total). */
        FigureTable withTotal(List<?> values) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                cells.add(
                        c.totalField() == null
                                ? new Cell(c.field(), "", "", null, null, 0)
                                : cell(null, "totals." + c.totalField(), c, values.get(i)));
            }
            return new FigureTable(id, columns, rows, new Row(null, TOTAL, false, cells), footnotes());
        }

        FigureTable withoutTotal() {
            return new FigureTable(id, columns, rows, null, footnotes());
        }

        private Cell cell(String code, String field, Column column, Object value) {
            if (value != null) {
                return new Cell(column.field(), text(value), raw(value), null, null, 0);
            }
            String reason = suppressed.stream()
                    .filter(s ->
                            Objects.equals(s.municipality(), code) && s.field().equals(field))
                    .map(s -> norwegian(s.reason()))
                    .findFirst()
                    .orElse("Tallet er ikke regnet ut.");
            int number = numbers.computeIfAbsent(reason, r -> numbers.size() + 1);
            hiddenByReason
                    .computeIfAbsent(reason, r -> new LinkedHashMap<>())
                    .computeIfAbsent(code == null ? TOTAL : names.getOrDefault(code, code), w -> new ArrayList<>())
                    .add(column.label().toLowerCase(java.util.Locale.ROOT));
            return new Cell(column.field(), "–", "", reason, noteId(number), number);
        }

        private String noteId(int number) {
            return id + "-skjult-" + number;
        }

        private List<Footnote> footnotes() {
            List<Footnote> notes = new ArrayList<>();
            hiddenByReason.forEach((reason, cells) -> {
                int number = numbers.get(reason);
                List<String> which = new ArrayList<>();
                cells.forEach((who, labels) -> which.add(who + ": " + String.join(", ", labels)));
                notes.add(new Footnote(number, noteId(number), reason, which));
            });
            return notes;
        }

        /**
         * The service's reason in Norwegian. The three reasons it gives are known; another is shown
         * as the service wrote it rather than guessed at.
         */
        static String norwegian(String reason) {
            Matcher k = MINIMUM.matcher(reason);
            String minimum = k.find() ? k.group(1) : "noen få";
            if (reason.startsWith("rests on fewer than")) {
                return "Bygger på færre enn " + minimum + " plasserte mottakere, eller ville latt et slikt tall"
                        + " regnes ut fra summene.";
            }
            if (reason.startsWith("the hidden members' figures")) {
                return "De skjulte medlemmenes tall bygger til sammen på færre enn " + minimum + " plasserte"
                        + " mottakere: denne summen minus tallene som vises, ville avslørt dem.";
            }
            if (reason.startsWith("another member's open year")) {
                return CooperationTexts.hidden(reason);
            }
            if (reason.startsWith("the host's alone")) {
                return "Bare vertskommunen ser denne summen: med kommunens egne månedlige andeler ville årets"
                        + " fordelte lønn vise tjenestens samlede omsorg hver måned, og dermed andre plasseringers"
                        + " omsorg.";
            }
            return reason;
        }

        private static String text(Object value) {
            return value instanceof BigDecimal amount ? Formats.nok(amount) : value.toString();
        }

        /** A text (a percentage, "–" where nothing is hidden but there is no figure) is no number a chart draws. */
        private static String raw(Object value) {
            if (value instanceof String) {
                return "";
            }
            return value instanceof BigDecimal amount ? Formats.plain(amount) : value.toString();
        }
    }
}
