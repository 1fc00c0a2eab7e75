package no.samkost.common;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's refusal of a ledger line in a closed cost year (the trigger of migration V6,
 * SQLSTATE {@value #SQLSTATE}), found anywhere among a failure's causes, whoever wrote the line: a
 * coordinator, an import, or a cooperation's attribution into another member's ledger.
 */
public final class ClosedYearRefusal {

    public static final String SQLSTATE = "SK409";
    private static final Pattern YEAR = Pattern.compile("cost year (\\d{4}) is closed");

    private ClosedYearRefusal() {}

    /** The closed year the database named, if the failure is that refusal. */
    public static Optional<Integer> year(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            for (Throwable candidate : withSuppressed(t)) {
                if (candidate instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
                    Matcher m = YEAR.matcher(String.valueOf(sql.getMessage()));
                    return Optional.of(m.find() ? Integer.parseInt(m.group(1)) : 0);
                }
            }
        }
        return Optional.empty();
    }

    private static Throwable[] withSuppressed(Throwable t) {
        Throwable[] suppressed = t.getSuppressed();
        Throwable[] all = new Throwable[suppressed.length + 1];
        all[0] = t;
        System.arraycopy(suppressed, 0, all, 1, suppressed.length);
        return all;
    }

    /** The problem every closed-year refusal answers with. */
    public static ProblemException problem(int year) {
        return new ProblemException(
                ProblemType.YEAR_CLOSED,
                (year == 0 ? "the cost year" : "cost year " + year)
                        + " is closed: its claim is submitted, so no ledger line of that year is written;"
                        + " the auditor returns the claim or the coordinator reopens it (before attestation) first",
                year == 0
                        ? java.util.List.of()
                        : java.util.List.of(Problem.Violation.field("period", "cost year " + year + " is closed")));
    }
}
