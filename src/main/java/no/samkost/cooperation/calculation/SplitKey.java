package no.samkost.cooperation.calculation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An agreement's cost-split key: one measure, or a weighted mix such as 20 % equal and 80 % by
 * placement-days. Weights are positive and add up to exactly 1.
 */
public record SplitKey(Map<SplitMeasure, BigDecimal> weights) {

    public SplitKey {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("a split key needs at least one measure");
        }
        for (Map.Entry<SplitMeasure, BigDecimal> e : weights.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getValue().signum() <= 0) {
                throw new IllegalArgumentException("each measure needs a positive weight: " + weights);
            }
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("the weights add up to " + sum.toPlainString() + ", not 1: " + weights);
        }
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    }

    /** Whether a member's share by this key depends on its placed recipients (placements, days or usage). */
    public boolean restsOnRecipients() {
        return weights.keySet().stream()
                .anyMatch(m ->
                        m == SplitMeasure.PLACEMENTS || m == SplitMeasure.PLACEMENT_DAYS || m == SplitMeasure.USAGE);
    }

    public static SplitKey of(SplitMeasure measure) {
        return new SplitKey(Map.of(measure, BigDecimal.ONE));
    }

    /** As an agreement would write it: {@code EQUAL 0.2 + PLACEMENT_DAYS 0.8}. */
    @Override
    public String toString() {
        return weights.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(" + "));
    }
}
