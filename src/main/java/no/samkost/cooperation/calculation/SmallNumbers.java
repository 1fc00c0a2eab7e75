package no.samkost.cooperation.calculation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The small-number rule (statistical disclosure control, <i>prikking</i>) for what one member's
 * user sees about the other members of a cooperation: which members' figures and which totals are
 * hidden, for one viewer. The pooled figures and the comparison hide exactly the same rows, because
 * both take them from here.
 *
 * <ol>
 *   <li>Primary: another member's row that rests on 0 &lt; n &lt; k placed recipients is hidden: every
 *       field that rests on recipients, and its share of the shared costs when the agreement's key
 *       gives weight to a recipient measure. A row with n = 0 rests on nobody and is shown; the
 *       viewer's own row is always shown.
 *   <li>Rows are hidden whole, so no identity inside a row ({@code netCost = attributedCosts +
 *       sharedCostShare - expectedGrant}, the comparison's) has a single unknown.
 *   <li>Complementary: a total minus the viewer's own row and the rows it sees is the sum of the
 *       hidden rows. If the hidden rows together rest on fewer than k recipients, other members'
 *       rows (n &ge; k, smallest n first) are hidden too until they rest on k or more; if that is
 *       impossible, the totals that rest on recipients are hidden instead.
 * </ol>
 *
 * Every hidden cell carries the same reason: telling a member which hidden rows rest on fewer
 * than k and which were hidden to protect them would tell it more about their counts.
 */
public final class SmallNumbers {

    /** The pooled figures' member fields; {@code sharedCostShare} only when the key rests on recipients. */
    public static final List<String> POOLED_FIELDS = List.of(
            "placedRecipients", "placementDays", "attributedCosts", "sharedCostShare", "expectedGrant", "netCost");

    /** The comparison's member fields: all of them rest on the member's placed recipients. */
    public static final List<String> COMPARISON_FIELDS = List.of(
            "placedRecipients",
            "pooledNetCost",
            "standAloneCosts",
            "standAloneExpectedGrant",
            "standAloneNetCost",
            "savingsFromCooperation");

    /** The totals that rest on recipients; {@code sharedCosts} rests on none and is always shown. */
    public static final List<String> RECIPIENT_TOTALS =
            List.of("placedRecipients", "placementDays", "attributedCosts", "expectedGrant", "netCost");

    static final String SHARE = "sharedCostShare";

    /** A member: its municipality code and the number of placed recipients its row rests on. */
    public record Member(String municipality, int placedRecipients) {}

    /** A hidden cell: {@code municipality} null for a total, whose field is then {@code totals.<name>}. */
    public record Cell(String municipality, String field, String reason) {}

    /**
     * The hidden set for one viewer.
     *
     * @param hiddenRows the members whose rows are hidden
     * @param totalsHidden whether the totals that rest on recipients are hidden
     * @param shareRestsOnRecipients whether a member's share of the shared costs rests on recipients
     * @param k the minimum cell size, which the reasons name
     */
    public record Hidden(Set<String> hiddenRows, boolean totalsHidden, boolean shareRestsOnRecipients, int k) {

        public Hidden {
            hiddenRows = Set.copyOf(hiddenRows);
        }

        /** Whether a member field (of the pooled figures or the comparison) is hidden. */
        public boolean hides(String municipality, String field) {
            return hiddenRows.contains(municipality) && (!SHARE.equals(field) || shareRestsOnRecipients);
        }

        /** Whether a total is hidden ({@code sharedCosts} never is). */
        public boolean hidesTotal(String field) {
            return totalsHidden && RECIPIENT_TOTALS.contains(field);
        }

        public boolean nothingHidden() {
            return hiddenRows.isEmpty() && !totalsHidden;
        }

        /** The hidden cells of an answer with these member fields (and the totals, if it has them). */
        public List<Cell> cells(List<String> memberCodes, List<String> memberFields, boolean withTotals) {
            List<Cell> cells = new ArrayList<>();
            for (String code : memberCodes) {
                for (String field : memberFields) {
                    if (hides(code, field)) {
                        cells.add(new Cell(
                                code,
                                field,
                                "rests on fewer than " + k + " placed recipients, or would let such a figure be"
                                        + " worked out from the totals"));
                    }
                }
            }
            if (withTotals && totalsHidden) {
                for (String field : RECIPIENT_TOTALS) {
                    cells.add(new Cell(
                            null,
                            "totals." + field,
                            "the hidden members' figures together rest on fewer than " + k + " placed"
                                    + " recipients: this total less the figures shown would reveal them"));
                }
            }
            return cells;
        }
    }

    private SmallNumbers() {}

    /**
     * @param viewer the viewer's municipality code; its row is always shown
     * @param k the minimum cell size (at least 2)
     * @param members every member of the cooperation, the viewer's row included
     * @param shareRestsOnRecipients whether any cost pool's key (with costs in the year) weighs
     *     PLACEMENTS, PLACEMENT_DAYS or USAGE
     */
    public static Hidden hide(String viewer, int k, List<Member> members, boolean shareRestsOnRecipients) {
        return hide(viewer, k, members, shareRestsOnRecipients, Set.of());
    }

    /**
     * As {@link #hide(String, int, List, boolean)}, with other members' rows that another view's
     * figures make primary ({@code alsoPrimary}: hidden whatever their count, then protected by the
     * complementary step like the small ones).
     */
    public static Hidden hide(
            String viewer, int k, List<Member> members, boolean shareRestsOnRecipients, Set<String> alsoPrimary) {
        if (k < 2) {
            throw new IllegalArgumentException("the minimum cell size is at least 2, not " + k);
        }
        Set<String> hidden = new LinkedHashSet<>();
        int restsOn = 0;
        for (Member m : members) {
            boolean small = m.placedRecipients() > 0 && m.placedRecipients() < k;
            if (!m.municipality().equals(viewer) && (small || alsoPrimary.contains(m.municipality()))) {
                hidden.add(m.municipality());
                restsOn += m.placedRecipients();
            }
        }
        List<Member> complements = members.stream()
                .filter(m -> !m.municipality().equals(viewer) && !hidden.contains(m.municipality()))
                .filter(m -> m.placedRecipients() >= k)
                .sorted(Comparator.comparingInt(Member::placedRecipients).thenComparing(Member::municipality))
                .toList();
        for (Member m : complements) {
            if (hidden.isEmpty() || restsOn >= k) {
                break;
            }
            hidden.add(m.municipality());
            restsOn += m.placedRecipients();
        }
        boolean totalsHidden = !hidden.isEmpty() && restsOn < k;
        return new Hidden(hidden, totalsHidden, shareRestsOnRecipients, k);
    }
}
