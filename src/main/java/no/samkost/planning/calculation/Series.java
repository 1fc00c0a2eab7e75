package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * One net cost's simulated values in øre, year by year ({@code values[y x runs + r]}), summarised
 * exactly: sums in {@code long} and 128 bits, percentiles by nearest rank from the sorted values,
 * the standard deviation and the mean rounded half up to øre from exact integers.
 */
final class Series {

    private Series() {}

    /**
     * Sorts {@code values} (they are not needed in run order afterwards).
     *
     * @return one distribution per year, then the overall one (index {@code years})
     */
    static NetCostDistribution[] summarise(long[] values, int runs, int years) {
        NetCostDistribution[] out = new NetCostDistribution[years + 1];
        BigInteger sum = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        long above = 0;
        for (int y = 0; y < years; y++) {
            int from = y * runs;
            int to = from + runs;
            long yearSum = 0;
            long high = 0;
            long low = 0;
            for (int i = from; i < to; i++) {
                long x = values[i];
                yearSum = Math.addExact(yearSum, x);
                long squareLow = x * x;
                long next = low + squareLow;
                high += Math.multiplyHigh(x, x) + (Long.compareUnsigned(next, low) < 0 ? 1 : 0);
                low = next;
            }
            BigInteger yearSquares =
                    BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
            // x > 1.1 x mean  <=>  x > floor(11 x sum / (10 x runs)), x being whole øre
            long limit = floorDiv(BigInteger.valueOf(yearSum).multiply(BigInteger.valueOf(11)), 10L * runs);
            long yearAbove = 0;
            for (int i = from; i < to; i++) {
                if (values[i] > limit) {
                    yearAbove++;
                }
            }
            Arrays.sort(values, from, to);
            out[y] = distribution(values, from, runs, BigInteger.valueOf(yearSum), yearSquares, yearAbove);
            sum = sum.add(BigInteger.valueOf(yearSum));
            squares = squares.add(yearSquares);
            above += yearAbove;
        }
        Arrays.sort(values);
        out[years] = distribution(values, 0, values.length, sum, squares, above);
        return out;
    }

    private static NetCostDistribution distribution(
            long[] sorted, int from, int n, BigInteger sum, BigInteger squares, long above) {
        BigInteger count = BigInteger.valueOf(n);
        BigDecimal mean = new BigDecimal(sum, 2).divide(new BigDecimal(count), 2, RoundingMode.HALF_UP);
        // population sd = sqrt(V) / n with V = n x sum(x^2) - sum(x)^2; half up to øre:
        // floor(sqrt(V) / n + 1/2) = floor((isqrt(4V) + n) / (2n))
        BigInteger v = count.multiply(squares).subtract(sum.multiply(sum));
        BigInteger sd = v.shiftLeft(2).sqrt().add(count).divide(count.shiftLeft(1));
        return new NetCostDistribution(
                mean,
                Amounts.kroner(sorted[from + rank(10, n) - 1]),
                Amounts.kroner(sorted[from + rank(50, n) - 1]),
                Amounts.kroner(sorted[from + rank(90, n) - 1]),
                new BigDecimal(sd, 2),
                BigDecimal.valueOf(above).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP));
    }

    /** Nearest rank: {@code ceil(p x n / 100)}, at least 1. */
    static int rank(int percent, int n) {
        return (int) Math.max(1, ((long) percent * n + 99) / 100);
    }

    private static long floorDiv(BigInteger numerator, long denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(BigInteger.valueOf(denominator));
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return q.longValueExact();
    }
}
