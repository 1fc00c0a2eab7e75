package no.samkost.cooperation.calculation;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The small-number rule for counts broken down within a member's row (recipients by user group, by
 * housing form, with or without a computable grant), for one viewer, on top of the rows
 * {@link SmallNumbers} hides.
 *
 * <ol>
 *   <li>Another member's breakdown is hidden whole when its row is hidden, or when one of its cells
 *       counts 0 &lt; c &lt; k recipients: hidden whole, because the row's count less the cells shown
 *       would give a lone hidden cell back.
 *   <li>The totals' breakdown is hidden whole when the totals are hidden, or when some breakdown
 *       is hidden and, in some column, the hidden breakdowns together (the total less the viewer's
 *       own cell and the cells shown) count fewer than k: hidden whole, because the total count
 *       less the columns shown would give a lone hidden column back. A column where they count 0
 *       counts too: it would tell every hidden breakdown's 0 there, and a reader who knows this
 *       rule (each hidden breakdown of a row shown has a cell below k) could then pin the rest.
 * </ol>
 *
 * What a reader can still derive: per column, the hidden breakdowns' sum, which is then at least
 * k; with one hidden breakdown that is impossible (its small cell would show), so each hidden cell
 * is one unknown among at least two. {@code CountBreakdownsProperties} checks this against a
 * reader who knows the rule and tries every table.
 */
public final class CountBreakdowns {

    private CountBreakdowns() {}

    /**
     * @param members the members whose breakdown the viewer does not see
     * @param total whether the totals' breakdown is hidden
     */
    public record Hidden(Set<String> members, boolean total) {

        public Hidden {
            members = Set.copyOf(members);
        }

        public boolean hides(String municipality) {
            return members.contains(municipality);
        }
    }

    /**
     * @param viewer the viewer's municipality code; its own breakdown is always shown
     * @param k the minimum cell size
     * @param cells each member's breakdown (code to column to count), every member, the same columns
     * @param rows the rows and totals {@link SmallNumbers} hides for this viewer
     */
    public static Hidden hide(String viewer, int k, Map<String, Map<String, Integer>> cells, SmallNumbers.Hidden rows) {
        Set<String> hidden = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Integer>> member : cells.entrySet()) {
            String code = member.getKey();
            if (code.equals(viewer)) {
                continue;
            }
            boolean small = member.getValue().values().stream().anyMatch(c -> c > 0 && c < k);
            if (rows.hiddenRows().contains(code) || small) {
                hidden.add(code);
            }
        }
        boolean total = rows.totalsHidden() || smallColumnAmong(hidden, k, cells);
        return new Hidden(hidden, total);
    }

    /** A column in which the hidden breakdowns together count fewer than k, 0 included. */
    private static boolean smallColumnAmong(Set<String> hidden, int k, Map<String, Map<String, Integer>> cells) {
        Set<String> columns = new LinkedHashSet<>();
        cells.values().forEach(row -> columns.addAll(row.keySet()));
        for (String column : columns) {
            int sum = hidden.stream()
                    .mapToInt(code -> cells.get(code).getOrDefault(column, 0))
                    .sum();
            if (!hidden.isEmpty() && sum < k) {
                return true;
            }
        }
        return false;
    }
}
