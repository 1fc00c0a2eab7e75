package no.samkost.cooperation.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The key figures beside the pooled figures of the same year, for a reader who holds both: every
 * set of other members whose sum it can form in the key figures (a member shown, or all the others
 * less members shown when the totals are) and in the pooled figures likewise gives, as the
 * difference of the two, the grant of those members' unplaced recipients. The oracle enumerates
 * every set of other members and checks it in both views from the hidden sets alone, independently
 * of how {@link CrossViewHiding} widens them: no set the reader can form in both may rest on 1 to
 * k−1 unplaced recipients, and none it can form in the key figures on 1 to k−1 recipients.
 */
class CrossViewHidingProperties {

    static final String VIEWER = "0001";

    /** A member: recipients with costs, how many of them are not placed, placed ones without costs. */
    record Member(String code, int recipients, int unplaced, int placedWithoutCosts) {
        int pooled() {
            return recipients - unplaced + placedWithoutCosts;
        }
    }

    record Case(int k, List<Member> members) {}

    @Provide
    Arbitrary<Case> cooperations() {
        Arbitrary<Member> member = Combinators.combine(
                        Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(0, 2))
                .as((n, unplaced, without) -> new Member("", n, Math.min(n, unplaced), without));
        return Combinators.combine(
                        Arbitraries.integers().between(2, 5),
                        member.list().ofMinSize(2).ofMaxSize(6))
                .as((k, list) -> {
                    List<Member> members = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Member m = list.get(i);
                        members.add(new Member(
                                "%04d".formatted(i + 1), m.recipients(), m.unplaced(), m.placedWithoutCosts()));
                    }
                    return new Case(k, members);
                });
    }

    @Property(tries = 3000)
    void noSetTheReaderFormsInBothViewsRestsOnFewUnplacedRecipients(@ForAll("cooperations") Case c) {
        SmallNumbers.Hidden pooled = pooled(c);
        SmallNumbers.Hidden key = key(c, pooled);
        List<Member> others =
                c.members().stream().filter(m -> !m.code().equals(VIEWER)).toList();
        for (int bits = 1; bits < 1 << others.size(); bits++) {
            Set<String> set = new HashSet<>();
            int recipients = 0;
            int unplaced = 0;
            for (int i = 0; i < others.size(); i++) {
                if ((bits & 1 << i) != 0) {
                    set.add(others.get(i).code());
                    recipients += others.get(i).recipients();
                    unplaced += others.get(i).unplaced();
                }
            }
            boolean inKey = formed(set, key);
            if (inKey) {
                assertThat(few(recipients, c.k()))
                        .as("key figures of %s rest on %d recipients", set, recipients)
                        .isFalse();
            }
            if (inKey && formed(set, pooled)) {
                assertThat(few(unplaced, c.k()))
                        .as("%s in both views: %d unplaced recipients (key %s, pooled %s)", set, unplaced, key, pooled)
                        .isFalse();
            }
        }
    }

    @Property(tries = 1000)
    void withNobodyPlacedTheKeyFiguresHideWhatTheRuleAloneHides(@ForAll("cooperations") Case c) {
        List<Member> unplaced = c.members().stream()
                .map(m -> new Member(m.code(), m.recipients(), m.recipients(), 0))
                .toList();
        Case none = new Case(c.k(), unplaced);
        SmallNumbers.Hidden alone = SmallNumbers.hide(
                VIEWER,
                c.k(),
                unplaced.stream()
                        .map(m -> new SmallNumbers.Member(m.code(), m.recipients()))
                        .toList(),
                false);
        assertThat(key(none, pooled(none))).isEqualTo(alone);
    }

    @Property(tries = 1000)
    void theViewersOwnRowIsNeverHidden(@ForAll("cooperations") Case c) {
        assertThat(key(c, pooled(c)).hiddenRows()).doesNotContain(VIEWER);
    }

    /**
     * The outside attack of 4 December 2026 (a), as the host Holmestrand (0001 here) read it from
     * the demo: Re (0002) and Hof (0003) have 3 recipients with costs each, 2 of them placed, so the
     * pooled figures hide both rows (2 &lt; 3) but show their total (4), and the key figures showed
     * both rows (3 each): 6 − 4 = 2 unplaced recipients, one of whom had a grant. Now both rows and
     * the key figures' totals are hidden.
     */
    @Example
    void theHostNoLongerReadsTwoUnplacedRecipientsFromTheDemo() {
        Case c = new Case(
                3, List.of(new Member(VIEWER, 2, 0, 0), new Member("0002", 3, 1, 0), new Member("0003", 3, 1, 0)));
        SmallNumbers.Hidden pooled = pooled(c);
        assertThat(pooled.hiddenRows()).containsExactlyInAnyOrder("0002", "0003");
        assertThat(pooled.totalsHidden()).isFalse();
        SmallNumbers.Hidden key = key(c, pooled);
        assertThat(key.hiddenRows()).containsExactlyInAnyOrder("0002", "0003");
        assertThat(key.totalsHidden()).isTrue();
    }

    /**
     * The attack's (b), as Hof (0001 here): Re (0002) has 4 recipients with costs, 3 placed;
     * Holmestrand (0003) 3, all placed. The pooled figures show both rows (3 each); Re's key figures
     * row less its pooled row was one recipient's grant. Now Re's row is hidden in the key figures,
     * and so are the totals (less Holmestrand's shown row they are Re's again).
     */
    @Example
    void aMemberNoLongerReadsAnotherMembersOneUnplacedRecipient() {
        Case c = new Case(
                3, List.of(new Member(VIEWER, 1, 0, 0), new Member("0002", 4, 1, 0), new Member("0003", 3, 0, 0)));
        SmallNumbers.Hidden key = key(c, pooled(c));
        assertThat(key.hiddenRows()).containsExactly("0002");
        assertThat(key.totalsHidden()).isTrue();
    }

    /** Set in a view: apart from its hidden rows, or holding all of them when its totals are shown. */
    static boolean formed(Set<String> set, SmallNumbers.Hidden view) {
        Set<String> hidden = new HashSet<>(view.hiddenRows());
        hidden.remove(VIEWER);
        if (hidden.stream().noneMatch(set::contains)) {
            return true;
        }
        return !view.totalsHidden() && set.containsAll(hidden);
    }

    static boolean few(int n, int k) {
        return n > 0 && n < k;
    }

    static SmallNumbers.Hidden pooled(Case c) {
        return SmallNumbers.hide(
                VIEWER,
                c.k(),
                c.members().stream()
                        .map(m -> new SmallNumbers.Member(m.code(), m.pooled()))
                        .toList(),
                false);
    }

    static SmallNumbers.Hidden key(Case c, SmallNumbers.Hidden pooled) {
        return CrossViewHiding.keyFigures(
                VIEWER,
                c.k(),
                c.members().stream()
                        .map(m -> new CrossViewHiding.Member(m.code(), m.recipients(), m.unplaced()))
                        .toList(),
                pooled);
    }
}
