package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One run of the simulation in full, year by year and member by member: what the summary's
 * figures are made of, so that any of them can be followed by hand. {@link RiskPooling#trace}
 * recomputes run {@code run} from the seed exactly as {@link RiskPooling#simulate} ran it.
 */
public record RunTrace(int run, List<Year> years) {

    public RunTrace {
        years = List.copyOf(years);
    }

    /**
     * @param pooledRecipients all members' recipients in the year
     * @param pooledUnits the joint service's units for them
     * @param pooledFixedCost those units' cost, which the members' {@link MemberYear#pooledFixedCostShare}s
     *     add up to, to the øre
     */
    public record Year(
            int costYear, int pooledRecipients, int pooledUnits, BigDecimal pooledFixedCost, List<MemberYear> members) {

        public Year {
            members = List.copyOf(members);
        }
    }

    /**
     * One member in one year. Net cost = direct wage costs + fixed cost (or share) - grant.
     *
     * @param exits recipients who left before the year (by chance or the age limit)
     * @param arrivals new recipients in the year (after the exits; they stay the whole year)
     * @param recipients recipients in the year
     * @param directWageCosts the recipients' own (variable) costs, without the fixed staffing
     */
    public record MemberYear(
            String member,
            int exits,
            int arrivals,
            int recipients,
            BigDecimal directWageCosts,
            int standAloneUnits,
            BigDecimal standAloneFixedCost,
            BigDecimal standAloneGrant,
            BigDecimal standAloneNetCost,
            BigDecimal pooledFixedCostShare,
            BigDecimal pooledGrant,
            BigDecimal pooledNetCost) {}
}
