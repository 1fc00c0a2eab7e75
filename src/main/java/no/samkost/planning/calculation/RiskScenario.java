package no.samkost.planning.calculation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.samkost.reimbursement.calculation.GrantRules;

/**
 * What to simulate: the members, the joint service's staffing when they pool, the grant rules of
 * each simulated year, how many runs and the seed.
 *
 * @param joint the joint service's staffing: pooled, the members share {@code ceil(total recipients /
 *     unitCapacity)} units
 * @param rulesByYear one rule set per simulated year, consecutive grant years: year {@code i}
 *     simulates the costs of {@code rulesByYear.get(i).costYear()}; the caller passes projected rules
 *     for future years. 1 to {@value #MAX_YEARS} years; each rule set complete.
 * @param runs 1 to {@value #MAX_RUNS}
 * @param seed the same seed gives the same figures, bit for bit
 */
public record RiskScenario(
        List<RiskMember> members, Staffing joint, List<GrantRules> rulesByYear, int runs, long seed) {

    public static final int MAX_YEARS = 30;
    public static final int MAX_RUNS = 100_000;
    public static final int MAX_MEMBERS = 100;

    /**
     * Runs x years x members at most: the percentiles need every simulated member-year in memory (16
     * bytes each, stand-alone and pooled), so this bounds the simulation to about 160 MB.
     */
    public static final long MAX_MEMBER_YEARS = 10_000_000L;

    public RiskScenario {
        Objects.requireNonNull(joint, "joint");
        members = List.copyOf(members);
        rulesByYear = List.copyOf(rulesByYear);
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("1 to " + MAX_MEMBERS + " members, not " + members.size());
        }
        Set<String> ids = new HashSet<>();
        for (RiskMember m : members) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("member twice: " + m.id());
            }
        }
        if (rulesByYear.isEmpty() || rulesByYear.size() > MAX_YEARS) {
            throw new IllegalArgumentException("1 to " + MAX_YEARS + " years, not " + rulesByYear.size());
        }
        for (int i = 1; i < rulesByYear.size(); i++) {
            if (rulesByYear.get(i).grantYear() != rulesByYear.get(i - 1).grantYear() + 1) {
                throw new IllegalArgumentException("the years' rules must be consecutive grant years: "
                        + rulesByYear.get(i - 1).grantYear() + " is followed by "
                        + rulesByYear.get(i).grantYear());
            }
        }
        for (GrantRules rules : rulesByYear) {
            GrantInOre.of(rules); // complete, whole øre
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("1 to " + MAX_RUNS + " runs, not " + runs);
        }
        long memberYears = (long) runs * rulesByYear.size() * members.size();
        if (memberYears > MAX_MEMBER_YEARS) {
            throw new IllegalArgumentException("runs x years x members is " + memberYears + ", at most "
                    + MAX_MEMBER_YEARS + ": fewer runs, years or members");
        }
    }

    public int years() {
        return rulesByYear.size();
    }

    /** The cost year of the first simulated year. */
    public int firstCostYear() {
        return rulesByYear.get(0).costYear();
    }
}
