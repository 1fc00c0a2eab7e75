package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import no.samkost.cooperation.persistence.LedgerRows;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Municipality;

/**
 * Which other members' cost years are still open, so that their grants are not shown to the caller.
 *
 * <p>An open year's attributed wages can be moved from outside the member: the host by its
 * services' wages and its placements' usage and dates, a home by ending its own placement (which
 * re-splits every other placement's share of the same months), the host of another cooperation the
 * member is in by its own services. A grant is 80 % of what exceeds the threshold, so moving a
 * member's attributed wages step by step and reading its grants (or a total holding them) after each
 * step shows where each of its placed recipients crosses the threshold, and with the step's share,
 * that recipient's costs less deductions to the øre (outside attack of 4 December 2026, by the host;
 * the review after it found the other two levers). In a closed year nothing re-attributes (every
 * run that would is refused), so the figures are shown once the member has closed the year: a
 * member's signed claim is what the others may build on.
 */
@ApplicationScoped
class OpenYears {

    static final String REASON = "another member's open year: entries that re-attribute a joint service's wages move"
            + " its grants, so they would show where each recipient crosses the threshold; shown once the member"
            + " has closed the year";

    private final Cooperations cooperations;
    private final LedgerRows ledgers;

    OpenYears(Cooperations cooperations, LedgerRows ledgers) {
        this.cooperations = cooperations;
        this.ledgers = ledgers;
    }

    /** By cost year from {@code from} to {@code to}: the codes of the other members whose year is open. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Integer, Set<String>> of(Cooperation c, int from, int to) {
        Map<Integer, Set<String>> open = new HashMap<>();
        IntStream.rangeClosed(from, to).forEach(year -> open.put(year, new HashSet<>()));
        String caller = cooperations.caller().id();
        List<Integer> years = IntStream.rangeClosed(from, to).boxed().toList();
        for (String member : c.members()) {
            if (member.equals(caller)) {
                continue;
            }
            Municipality m = cooperations.municipality(member);
            Set<Integer> closed = ledgers.closedYears(c, member, years);
            years.stream().filter(y -> !closed.contains(y)).forEach(y -> open.get(y)
                    .add(m.code()));
        }
        return open;
    }

    Set<String> of(Cooperation c, int costYear) {
        return of(c, costYear, costYear).get(costYear);
    }
}
