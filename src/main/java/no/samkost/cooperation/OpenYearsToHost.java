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
 * Which other members' cost years the caller may not see grants of because the caller hosts the
 * cooperation. The host's own entries (a joint service's wages, a placement's usage or dates)
 * re-attribute wages into the other members' open years; a grant is 80 % of what exceeds the
 * threshold, so stepping its own wages and reading another member's grant (or a total holding it)
 * shows where each placed recipient crosses the threshold, and with the placement's share the host
 * sees in its attribution view, that recipient's costs less deductions to the øre (outside attack of
 * 4 December 2026). In a closed year nothing re-attributes (the run is refused), so the lever is
 * gone and the figures are shown. Another member moves no one's attribution on its own: the host
 * confirms every placement and its usage.
 */
@ApplicationScoped
class OpenYearsToHost {

    static final String REASON = "another member's open year: the host's own entries move its attributed wages, so"
            + " its grants would show the host where each recipient crosses the threshold; shown once the member has"
            + " closed the year";

    private final Cooperations cooperations;
    private final LedgerRows ledgers;

    OpenYearsToHost(Cooperations cooperations, LedgerRows ledgers) {
        this.cooperations = cooperations;
        this.ledgers = ledgers;
    }

    /** By cost year from {@code from} to {@code to}: the codes of other members whose year is open, if the caller hosts. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Integer, Set<String>> of(Cooperation c, int from, int to) {
        Map<Integer, Set<String>> open = new HashMap<>();
        IntStream.rangeClosed(from, to).forEach(year -> open.put(year, new HashSet<>()));
        String caller = cooperations.caller().id();
        if (!c.host().equals(caller)) {
            return open;
        }
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
