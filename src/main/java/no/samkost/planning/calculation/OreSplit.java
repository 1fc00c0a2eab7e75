package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.samkost.cooperation.calculation.Apportionment;

/**
 * The project's largest-remainder split ({@link Apportionment}) in whole øre and {@code long}
 * arithmetic, for the hot loop: every part gets the whole øre of its exact share, the øre left over
 * go one each to the largest remainders, equal remainders in list order. RiskPoolingGrantProperties
 * compares it with {@link Apportionment#apportion} on random amounts and weights.
 */
final class OreSplit {

    private OreSplit() {}

    /**
     * Splits {@code totalOre} in proportion to {@code weights[0..count)} into {@code parts}.
     *
     * @param totalOre not negative
     * @param weights not negative, not all zero
     * @param remainders scratch space, at least {@code count} long
     */
    static void byWeights(long totalOre, int[] weights, int count, long[] parts, long[] remainders) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += weights[i];
        }
        long handedOut = 0;
        try {
            for (int i = 0; i < count; i++) {
                long product = Math.multiplyExact(totalOre, (long) weights[i]);
                parts[i] = product / sum;
                remainders[i] = product - parts[i] * sum;
                handedOut += parts[i];
            }
        } catch (ArithmeticException tooLarge) {
            slowly(totalOre, weights, count, parts);
            return;
        }
        long left = totalOre - handedOut; // fewer than count
        for (; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < count; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = -1;
        }
    }

    /**
     * An equal split: {@code totalOre / count} each, the øre left over one each to the first, so
     * part {@code position} is {@code base + 1} when {@code position < leftOver}, else {@code base}.
     */
    static long equalShare(long totalOre, int count, int position) {
        long base = totalOre / count;
        return position < totalOre - base * count ? base + 1 : base;
    }

    private static void slowly(long totalOre, int[] weights, int count, long[] parts) {
        List<BigDecimal> w = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            w.add(BigDecimal.valueOf(weights[i]));
        }
        List<BigDecimal> split = Apportionment.apportion(BigDecimal.valueOf(totalOre, 2), w);
        for (int i = 0; i < count; i++) {
            parts[i] = split.get(i).movePointRight(2).longValueExact();
        }
    }
}
