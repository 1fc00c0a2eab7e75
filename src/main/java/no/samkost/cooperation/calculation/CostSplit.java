package no.samkost.cooperation.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Splits a pool's shared costs (building, administration, staff not attributable to one person)
 * among the members by the agreement's key, exactly to the øre.
 *
 * <p>A member's exact share is {@code total x sum over measures k of w_k x m_k / M_k}, where
 * {@code m_k} is its measure and {@code M_k} all members' together. Those shares are apportioned in
 * one largest-remainder step, ties to the lower municipality code. A measure nobody has (no
 * placements in the year, say) cannot divide anything; its weight is then shared equally, and the
 * split says so.
 */
public final class CostSplit {

    private CostSplit() {}

    public record MemberShare(String municipality, BigDecimal share) {}

    /**
     * @param measuresWithoutBasis measures of the key that every member had zero of, whose weight
     *     was shared equally instead
     */
    public record Result(List<MemberShare> shares, List<SplitMeasure> measuresWithoutBasis) {}

    public static Result split(BigDecimal total, SplitKey key, List<MemberMeasures> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no members to split among");
        }
        List<MemberMeasures> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparing(MemberMeasures::municipality));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).municipality().equals(ordered.get(i - 1).municipality())) {
                throw new IllegalArgumentException(
                        "member twice: " + ordered.get(i).municipality());
            }
        }
        // Weight_i = sum_k w_k x m_ik x prod_{j != k} M_j: proportional to the exact share and
        // still a finite decimal, so the apportionment stays exact.
        List<SplitMeasure> withoutBasis = new ArrayList<>();
        List<SplitMeasure> measures = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (Map.Entry<SplitMeasure, BigDecimal> e : key.weights().entrySet()) {
            BigDecimal sum = ordered.stream().map(m -> m.of(e.getKey())).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.signum() == 0) {
                withoutBasis.add(e.getKey());
            }
            measures.add(e.getKey());
            totals.add(sum.signum() == 0 ? BigDecimal.valueOf(ordered.size()) : sum);
        }
        List<BigDecimal> weights = new ArrayList<>();
        for (MemberMeasures member : ordered) {
            BigDecimal weight = BigDecimal.ZERO;
            for (int k = 0; k < measures.size(); k++) {
                SplitMeasure measure = measures.get(k);
                BigDecimal m = withoutBasis.contains(measure) ? BigDecimal.ONE : member.of(measure);
                BigDecimal term = key.weights().get(measure).multiply(m);
                for (int j = 0; j < measures.size(); j++) {
                    if (j != k) {
                        term = term.multiply(totals.get(j));
                    }
                }
                weight = weight.add(term);
            }
            weights.add(weight);
        }
        List<BigDecimal> parts = Apportionment.apportion(total, weights);
        List<MemberShare> shares = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            shares.add(new MemberShare(ordered.get(i).municipality(), parts.get(i)));
        }
        return new Result(List.copyOf(shares), List.copyOf(withoutBasis));
    }
}
