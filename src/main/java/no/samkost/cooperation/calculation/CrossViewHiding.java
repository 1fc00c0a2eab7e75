package no.samkost.cooperation.calculation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small-number rule across two views of the same cost year. The key figures rest on every
 * recipient with costs in the year, the pooled figures (and the comparison) on the placed ones;
 * each view alone hides by its own counts, but a reader holding both subtracts. A member's grant
 * in its key figures less its placed recipients' expected grant is the grant of its recipients
 * that are not placed (a placed recipient without costs adds no grant), and the grant formula
 * gives such a recipient's costs back when it is alone (outside attack of 4 December 2026: the host
 * read one of Re's recipients that way from the demo's own figures).
 *
 * <p>A sum the reader can form from both views covers a set of other members it can derive in
 * each: a member whose row is shown, or, when a view's totals are shown, all the others less
 * members shown there. Such a set must not rest on 1 to k−1 unplaced recipients. This class widens
 * the key figures' hidden set until none does, leaving the pooled figures (issue 6's, which other
 * answers already rest on) as they are:
 *
 * <ol>
 *   <li>a member shown in both whose unplaced recipients are 1 to k−1 is hidden in the key
 *       figures (and the complementary step of {@link SmallNumbers} protects it);
 *   <li>with the pooled totals shown and every member the pooled figures hide shown in the key
 *       figures, those members together must not have 1 to k−1 unplaced recipients, else they are
 *       hidden in the key figures;
 *   <li>with the key figures' totals shown: the members they hide, when the pooled figures show
 *       them all, and, with the pooled totals shown too, the members hidden in either view, must
 *       not have 1 to k−1 unplaced recipients together, else the key figures' totals are hidden.
 * </ol>
 *
 * Assumes the pooled totals are shown whenever the rule shows them (the expected grant's total is
 * the host's alone, but its net cost's is everyone's), the cautious reading.
 */
public final class CrossViewHiding {

    /**
     * A member in the key figures' year: its recipients with costs, and how many of them the
     * pooled figures do not count (not placed in the year).
     */
    public record Member(String municipality, int recipients, int unplaced) {}

    private CrossViewHiding() {}

    /**
     * The key figures' hidden set for {@code viewer}, given the pooled figures' hidden set for the
     * same viewer and year.
     */
    public static SmallNumbers.Hidden keyFigures(
            String viewer, int k, List<Member> members, SmallNumbers.Hidden pooled) {
        Map<String, Integer> unplaced = new LinkedHashMap<>();
        members.stream()
                .filter(m -> !m.municipality().equals(viewer))
                .forEach(m -> unplaced.put(m.municipality(), m.unplaced()));
        List<SmallNumbers.Member> counts = members.stream()
                .map(m -> new SmallNumbers.Member(m.municipality(), m.recipients()))
                .toList();
        Set<String> pooledHidden = new HashSet<>(pooled.hiddenRows());
        pooledHidden.retainAll(unplaced.keySet());
        boolean pooledTotals = !pooled.totalsHidden();
        Set<String> forced = new LinkedHashSet<>();
        boolean totalsForced = false;
        while (true) {
            SmallNumbers.Hidden key = SmallNumbers.hide(viewer, k, counts, false, forced);
            Set<String> keyHidden = key.hiddenRows();
            Set<String> add = new LinkedHashSet<>();
            for (Map.Entry<String, Integer> m : unplaced.entrySet()) {
                String code = m.getKey();
                if (!keyHidden.contains(code) && !pooledHidden.contains(code) && few(m.getValue(), k)) {
                    add.add(code);
                }
            }
            if (add.isEmpty()
                    && pooledTotals
                    && disjoint(pooledHidden, keyHidden)
                    && few(sum(unplaced, pooledHidden), k)) {
                add.addAll(pooledHidden);
            }
            if (!add.isEmpty()) {
                forced.addAll(add);
                continue;
            }
            boolean totalsHidden = key.totalsHidden() || totalsForced;
            if (!totalsHidden) {
                Set<String> either = new HashSet<>(keyHidden);
                either.addAll(pooledHidden);
                if ((disjoint(keyHidden, pooledHidden) && few(sum(unplaced, keyHidden), k))
                        || (pooledTotals && few(sum(unplaced, either), k))) {
                    totalsForced = true;
                    continue;
                }
            }
            return new SmallNumbers.Hidden(keyHidden, totalsHidden, false, k);
        }
    }

    private static boolean few(int n, int k) {
        return n > 0 && n < k;
    }

    private static int sum(Map<String, Integer> unplaced, Set<String> codes) {
        return codes.stream().mapToInt(c -> unplaced.getOrDefault(c, 0)).sum();
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
