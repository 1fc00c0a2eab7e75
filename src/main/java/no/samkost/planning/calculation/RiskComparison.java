package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One member's (or the cooperation's) net cost run alone and pooled, from the same draws.
 *
 * @param spreadReduction {@code standAlone.spread() - pooled.spread()}: positive when pooling
 *     narrows the P10-P90 band
 * @param spreadReductionShare {@code spreadReduction / standAlone.spread()}, half up to 4 decimals;
 *     null when the stand-alone spread is 0
 */
public record RiskComparison(
        NetCostDistribution standAlone,
        NetCostDistribution pooled,
        BigDecimal spreadReduction,
        BigDecimal spreadReductionShare) {

    static RiskComparison of(NetCostDistribution standAlone, NetCostDistribution pooled) {
        BigDecimal reduction = standAlone.spread().subtract(pooled.spread());
        BigDecimal share = standAlone.spread().signum() == 0
                ? null
                : reduction.divide(standAlone.spread(), 4, RoundingMode.HALF_UP);
        return new RiskComparison(standAlone, pooled, reduction, share);
    }
}
