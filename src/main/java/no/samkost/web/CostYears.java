package no.samkost.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import no.samkost.common.ProblemException;
import no.samkost.reimbursement.RuleBook;

/**
 * The cost years a page offers: those whose grant year (cost year + 1) has reimbursement rules, since
 * only those have pooled figures. Without a choice: the newest of them that has ended, else last
 * year (the claim pages' default, {@link Years}, whose bounds a chosen year keeps).
 */
@ApplicationScoped
public class CostYears {

    private final RuleBook rules;
    private final Clock clock;

    public CostYears(RuleBook rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Cost years with rules up to the running one, newest first: the grant year's figures, or the
     * values it lacks projected (the pages say which).
     */
    public List<Integer> withRules() {
        int running = LocalDate.now(clock.withZone(Formats.OSLO)).getYear();
        int newest = Math.min(running, rules.lastGrantYear() - 1);
        return java.util.stream.IntStream.rangeClosed(rules.firstGrantYear() - 1, newest)
                .boxed()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /** The first cost year with rules (its grant year is the rule book's first). */
    public int first() {
        return rules.firstGrantYear() - 1;
    }

    public boolean hasRules(int costYear) {
        return rules.forGrantYear(costYear + 1).isPresent();
    }

    /** The year asked for (400 outside 2000-2100), or the default. */
    public int chosen(Integer asked) {
        if (asked != null) {
            if (asked < Years.FIRST || asked > Years.LAST) {
                throw ProblemException.invalidField("aar", "a cost year from " + Years.FIRST + " to " + Years.LAST);
            }
            return asked;
        }
        int lastYear = LocalDate.now(clock.withZone(Formats.OSLO)).getYear() - 1;
        return withRules().stream().filter(y -> y <= lastYear).findFirst().orElse(lastYear);
    }
}
