package no.samkost.planning.calculation;

import java.math.BigDecimal;

/**
 * A distribution of yearly net cost (costs - grant) over simulated member-years, NOK, each figure
 * rounded half up to øre.
 *
 * @param p10 the 10th percentile by nearest rank: the value at rank {@code ceil(0.10 x n)} of the n
 *     values in ascending order (rank 1 at least); likewise {@code p50} and {@code p90}
 * @param standardDeviation the population standard deviation, {@code sqrt(sum (x - mean)^2 / n)}
 * @param probabilityAboveExpected the share of member-years whose net cost exceeds the expected
 *     (mean) net cost of the same simulated year by more than 10 %, half up to 4 decimals
 */
public record NetCostDistribution(
        BigDecimal mean,
        BigDecimal p10,
        BigDecimal p50,
        BigDecimal p90,
        BigDecimal standardDeviation,
        BigDecimal probabilityAboveExpected) {

    /** {@code p90 - p10}: the spread that pooling is meant to narrow. */
    public BigDecimal spread() {
        return p90.subtract(p10);
    }
}
