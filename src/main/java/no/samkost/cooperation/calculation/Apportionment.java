package no.samkost.cooperation.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount of money in proportion to weights so that the parts add up to the amount
 * exactly, to the øre: the largest-remainder method (Hamilton). Every part first gets the whole
 * øre of its exact share; the øre left over go one each to the parts with the largest fractional
 * remainders; equal remainders go in list order, so callers order the list by their tie-break
 * (the municipality code, say) first.
 *
 * <p>Exact throughout: weights are decimals, the shares are compared as fractions of integers, so
 * no tie is broken or invented by rounding.
 */
public final class Apportionment {

    private Apportionment() {}

    /**
     * @param total the amount, at most 2 decimals; negative (a month corrected below zero) is split
     *     like its absolute value, with the signs turned
     * @param weights one per part, none negative, not all zero
     * @return one amount per weight, in the same order, scale 2, summing to {@code total}
     */
    public static List<BigDecimal> apportion(BigDecimal total, List<BigDecimal> weights) {
        if (total.scale() > 2 && total.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("more than 2 decimals: " + total);
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to apportion to");
        }
        int scale = 0;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            scale = Math.max(scale, w.scale());
        }
        List<BigInteger> units = new ArrayList<>(weights.size());
        BigInteger sum = BigInteger.ZERO;
        for (BigDecimal w : weights) {
            BigInteger u = w.setScale(scale).unscaledValue();
            units.add(u);
            sum = sum.add(u);
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        BigInteger ore = total.setScale(2).unscaledValue();
        int sign = ore.signum();
        ore = ore.abs();
        BigInteger[] whole = new BigInteger[units.size()];
        BigInteger[] remainder = new BigInteger[units.size()];
        BigInteger handedOut = BigInteger.ZERO;
        for (int i = 0; i < units.size(); i++) {
            BigInteger[] qr = ore.multiply(units.get(i)).divideAndRemainder(sum);
            whole[i] = qr[0];
            remainder[i] = qr[1];
            handedOut = handedOut.add(qr[0]);
        }
        int left = ore.subtract(handedOut).intValueExact(); // < number of parts
        IntStream.range(0, units.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> remainder[i])
                        .reversed()
                        .thenComparing(i -> i))
                .limit(left)
                .forEach(i -> whole[i] = whole[i].add(BigInteger.ONE));
        List<BigDecimal> parts = new ArrayList<>(whole.length);
        for (BigInteger w : whole) {
            parts.add(new BigDecimal(sign < 0 ? w.negate() : w, 2));
        }
        return parts;
    }
}
