package no.samkost.planning.calculation;

import java.util.List;

/**
 * The simulation's answer.
 *
 * @param members one per member, ordered by id
 * @param total the cooperation's net cost, the sum over members in each run and year
 */
public record RiskResult(
        int runs, int years, int firstCostYear, long seed, List<MemberRisk> members, NetCostRisk total) {

    public RiskResult {
        members = List.copyOf(members);
    }
}
