package no.samkost.reimbursement.calculation;

import java.util.Collection;

/** How sure a value of a grant year's rules is, strongest first. */
public enum ValueStatus {
    /** Read in the directorate's circular (IS-4/&lt;grant year&gt;) or its own page for the year. */
    VERIFIED,
    /** From another public source: the state budget, a municipality's budget, the press. */
    SECONDARY,
    /** A birth-year cut-off taken from the pattern every verified year follows (grant year - 19, - 68). */
    PATTERN,
    /** Computed for a grant year without published figures, under stated assumptions. */
    PROJECTED;

    /** The weakest of these; VERIFIED when there are none. */
    public static ValueStatus weakest(Collection<ValueStatus> statuses) {
        return statuses.stream().max(Enum::compareTo).orElse(VERIFIED);
    }
}
