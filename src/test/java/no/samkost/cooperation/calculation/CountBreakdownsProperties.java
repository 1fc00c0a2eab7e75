package no.samkost.cooperation.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The count breakdowns of a cooperation's key figures under the small-number rule, against the
 * strongest reader there is: one who knows the rule. Over random cooperations (3 members, 3 columns,
 * 0-4 recipients a cell, a random viewer, k 3 or 4) it takes what the viewer is shown (its own row;
 * each other row's count and breakdown, or null; the totals' count and breakdown, or null), then
 * tries every table of the same shape that agrees with the viewer's own row, runs the rule on it as
 * the service does, and keeps those that show exactly the same. Every hidden cell that counts
 * 0 &lt; c &lt; k must take another value in at least one of them: nothing hidden follows from what is
 * shown, by sums, differences or knowledge of the rule.
 *
 * <p>With k = 2 that does not hold, and {@link #withTwoAReaderWhoKnowsTheRuleCanPinALoneRecipient}
 * shows why: "below 2" is only 1, so knowing that a hidden breakdown has a cell below k says which
 * value it is. The agreement allows k = 2; the README says what it gives up.
 */
class CountBreakdownsProperties {

    static final List<String> MEMBERS = List.of("0702", "0714", "0716");
    static final List<String> COLUMNS = List.of("a", "b", "c");
    static final int MAX = 4;

    /** What the viewer sees: per member (and "TOTAL") its count and breakdown, null where hidden. */
    record Shown(Map<String, Integer> counts, Map<String, Map<String, Integer>> breakdowns) {}

    static Shown shown(String viewer, int k, int[][] table) {
        Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();
        List<SmallNumbers.Member> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS.size(); m++) {
            Map<String, Integer> row = new LinkedHashMap<>();
            int n = 0;
            for (int col = 0; col < COLUMNS.size(); col++) {
                row.put(COLUMNS.get(col), table[m][col]);
                n += table[m][col];
            }
            cells.put(MEMBERS.get(m), row);
            members.add(new SmallNumbers.Member(MEMBERS.get(m), n));
        }
        SmallNumbers.Hidden rows = SmallNumbers.hide(viewer, k, members, false);
        CountBreakdowns.Hidden counts = CountBreakdowns.hide(viewer, k, cells, rows);
        Map<String, Integer> shownCounts = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> shownCells = new LinkedHashMap<>();
        Map<String, Integer> total = new LinkedHashMap<>();
        int all = 0;
        for (SmallNumbers.Member m : members) {
            shownCounts.put(
                    m.municipality(), rows.hiddenRows().contains(m.municipality()) ? null : m.placedRecipients());
            shownCells.put(m.municipality(), counts.hides(m.municipality()) ? null : cells.get(m.municipality()));
            cells.get(m.municipality()).forEach((col, c) -> total.merge(col, c, Integer::sum));
            all += m.placedRecipients();
        }
        shownCounts.put("TOTAL", rows.totalsHidden() ? null : all);
        shownCells.put("TOTAL", counts.total() ? null : total);
        return new Shown(shownCounts, shownCells);
    }

    @Provide
    Arbitrary<int[][]> tables() {
        return Arbitraries.integers()
                .between(0, MAX)
                .array(int[].class)
                .ofSize(COLUMNS.size())
                .array(int[][].class)
                .ofSize(MEMBERS.size());
    }

    @Property(tries = 300)
    void nothingHiddenFollowsFromWhatIsShown(
            @ForAll("tables") int[][] table,
            @ForAll @IntRange(min = 0, max = 2) int viewerIndex,
            @ForAll @IntRange(min = 3, max = 4) int k) {
        String viewer = MEMBERS.get(viewerIndex);
        Shown truth = shown(viewer, k, table);
        List<int[][]> alike = alike(viewer, viewerIndex, k, table, truth);
        for (int m = 0; m < MEMBERS.size(); m++) {
            if (m == viewerIndex || truth.breakdowns().get(MEMBERS.get(m)) != null) {
                continue;
            }
            for (int col = 0; col < COLUMNS.size(); col++) {
                int value = table[m][col];
                if (value > 0 && value < k) {
                    int row = m;
                    int column = col;
                    assertThat(alike.stream().anyMatch(t -> t[row][column] != value))
                            .as(
                                    "member %s column %s = %d follows from what %s sees",
                                    MEMBERS.get(m), column, value, viewer)
                            .isTrue();
                }
            }
        }
    }

    /**
     * Every table with the viewer's own row that shows the viewer exactly what {@code table} does.
     * A candidate cell runs to twice the largest true cell (a column's hidden part can be that
     * much); rows are tried against their shown count first, pairs against the shown totals.
     */
    static List<int[][]> alike(String viewer, int viewerIndex, int k, int[][] table, Shown truth) {
        int bound = 2 * MAX;
        List<List<int[]>> rowsOf = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int m = 0; m < MEMBERS.size(); m++) {
            if (m == viewerIndex) {
                continue;
            }
            others.add(m);
            Integer count = truth.counts().get(MEMBERS.get(m));
            List<int[]> rows = new ArrayList<>();
            for (int a = 0; a <= bound; a++) {
                for (int b = 0; b <= bound; b++) {
                    for (int c = 0; c <= bound; c++) {
                        if (count == null || a + b + c == count) {
                            rows.add(new int[] {a, b, c});
                        }
                    }
                }
            }
            rowsOf.add(rows);
        }
        List<int[][]> alike = new ArrayList<>();
        for (int[] first : rowsOf.get(0)) {
            for (int[] second : rowsOf.get(1)) {
                int[][] candidate = new int[MEMBERS.size()][];
                candidate[viewerIndex] = table[viewerIndex].clone();
                candidate[others.get(0)] = first;
                candidate[others.get(1)] = second;
                if (sameTotals(candidate, truth) && shown(viewer, k, candidate).equals(truth)) {
                    alike.add(candidate);
                }
            }
        }
        return alike;
    }

    /** A quick filter before the rule runs: the totals shown must add up. */
    static boolean sameTotals(int[][] candidate, Shown truth) {
        Map<String, Integer> total = truth.breakdowns().get("TOTAL");
        Integer count = truth.counts().get("TOTAL");
        int all = 0;
        for (int col = 0; col < COLUMNS.size(); col++) {
            int sum = 0;
            for (int[] row : candidate) {
                sum += row[col];
            }
            if (total != null && total.get(COLUMNS.get(col)) != sum) {
                return false;
            }
            all += sum;
        }
        return count == null || count == all;
    }

    @Example
    void oneSmallCellInAShownRowHidesTheRowsBreakdownAndTheTotalsBreakdown() {
        // 0714 has 4 recipients: 1 + 3 + 0; shown, it would tell a lone recipient in column a.
        int[][] table = {{3, 0, 0}, {1, 3, 0}, {2, 2, 2}};
        Shown seen = shown("0716", 3, table);
        assertThat(seen.counts().get("0714")).isEqualTo(4);
        assertThat(seen.breakdowns().get("0714")).isNull();
        assertThat(seen.breakdowns().get("0702")).isEqualTo(Map.of("a", 3, "b", 0, "c", 0));
        // The total less 0702's and the viewer's own would be 0714's breakdown: hidden too.
        assertThat(seen.breakdowns().get("TOTAL")).isNull();
        assertThat(seen.counts().get("TOTAL")).isEqualTo(13);
    }

    @Example
    void withTwoAReaderWhoKnowsTheRuleCanPinALoneRecipient() {
        // Viewer 0714 has nobody. 0702: 1 + 0 + 1 (2 recipients), 0716: 1 + 3 + 2 (6): both rows shown,
        // both breakdowns hidden (a 1 each), the totals' 2 + 3 + 3 shown (each column at least k).
        // 0702 is 1 + 1 + 0, 1 + 0 + 1 or 0 + 1 + 1; the last leaves 0716 2 + 2 + 2, which has no 1 and
        // would have been shown. So 0702's first column is 1, by the rule alone.
        int[][] table = {{1, 0, 1}, {0, 0, 0}, {1, 3, 2}};
        Shown truth = shown("0714", 2, table);
        assertThat(truth.breakdowns().get("0702")).isNull();
        assertThat(truth.breakdowns().get("TOTAL")).isEqualTo(Map.of("a", 2, "b", 3, "c", 3));
        assertThat(alike("0714", 1, 2, table, truth)).allMatch(t -> t[0][0] == 1);
    }
}
