package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * The random draws, each from a {@link SplittableRandom} the caller seeded, with no floating point
 * at draw time, so the same seed gives the same draws on every JVM:
 *
 * <ul>
 *   <li>a uniform choice among {@code n} is {@link #below};
 *   <li>an event of probability {@code p} happens when a uniform 53-bit integer is below {@code
 *       round(p x 2^53)} ({@link #threshold});
 *   <li>a Poisson count is the first {@code k} whose cumulative probability, in the same 53-bit
 *       units, exceeds a uniform 53-bit integer (inversion, {@link #poisson}); the table is computed
 *       once per member with {@link StrictMath}, which gives the same bits on every platform.
 * </ul>
 */
final class Draws {

    /** 2^53: probabilities are counted in units of 2^-53. */
    static final long ONE = 1L << 53;

    /** The largest yearly arrival rate a member may have: far above any municipality's. */
    static final BigDecimal MAX_RATE = new BigDecimal("500");

    private Draws() {}

    /** A uniform integer in [0, 2^53). */
    static long uniform(SplittableRandom random) {
        return random.nextLong() >>> 11;
    }

    /**
     * A uniform integer in [0, bound), exactly uniform: a 53-bit draw at or above the largest
     * multiple of {@code bound} is drawn again. Only {@link SplittableRandom#nextLong()} is used,
     * whose algorithm (SplitMix64) is fixed, so the draws do not depend on how a Java version
     * bounds {@code nextInt}.
     */
    static int below(SplittableRandom random, int bound) {
        long limit = ONE - ONE % bound;
        long u = uniform(random);
        while (u >= limit) {
            u = uniform(random);
        }
        return (int) (u % bound);
    }

    /** {@code round(p x 2^53)}, half up; an event happens when {@code uniform < threshold}. */
    static long threshold(BigDecimal probability) {
        if (probability.signum() < 0 || probability.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a probability is from 0 to 1, not " + probability.toPlainString());
        }
        return probability
                .multiply(BigDecimal.valueOf(ONE))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * Cumulative Poisson probabilities for a rate, in units of 2^-53: entry {@code k} is {@code
     * round(P(X <= k) x 2^53)}, up to the first that rounds to 2^53 or {@code rate + 40 sqrt(rate) + 40},
     * whichever comes first; the last entry is 2^53 (it takes the tail, below 2^-53 in all).
     */
    static long[] poissonTable(BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0) {
            throw new IllegalArgumentException(
                    "an arrival rate is from 0 to " + MAX_RATE + " a year, not " + rate.toPlainString());
        }
        double lambda = rate.doubleValue();
        int max = (int) StrictMath.ceil(lambda + 40 * StrictMath.sqrt(lambda) + 40);
        long[] table = new long[max + 1];
        double p = StrictMath.exp(-lambda);
        double cumulative = 0;
        int k = 0;
        for (; k < max; k++) {
            cumulative += p;
            long units = StrictMath.round(cumulative * ONE);
            table[k] = Math.min(units, ONE);
            if (table[k] == ONE) {
                break;
            }
            p = p * lambda / (k + 1);
        }
        table[Math.min(k, max)] = ONE;
        long[] used = new long[Math.min(k, max) + 1];
        System.arraycopy(table, 0, used, 0, used.length);
        return used;
    }

    /** A Poisson count drawn with a table from {@link #poissonTable}. */
    static int poisson(long[] table, SplittableRandom random) {
        long u = uniform(random);
        int k = 0;
        while (u >= table[k]) {
            k++;
        }
        return k;
    }
}
