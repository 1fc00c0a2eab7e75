package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money at the boundary: kroner with at most two decimals in, whole øre ({@code long}) inside, back
 * out as kroner at scale 2. An amount is at most {@link #MAX} (a billion kroner), so that sums of
 * them over recipients, members and runs stay far inside {@code long}.
 */
final class Amounts {

    static final BigDecimal MAX = new BigDecimal("1000000000");

    private Amounts() {}

    /** The amount in øre; it must be given, from 0 to {@link #MAX}, and whole øre. */
    static long ore(BigDecimal amount, String what) {
        Objects.requireNonNull(amount, what);
        if (amount.signum() < 0 || amount.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    what + " must be from 0 to " + MAX.toPlainString() + " NOK: " + amount.toPlainString());
        }
        try {
            return amount.movePointRight(2).longValueExact();
        } catch (ArithmeticException notWholeOre) {
            throw new IllegalArgumentException(what + " is not a whole number of øre: " + amount.toPlainString());
        }
    }

    /** Øre as kroner, scale 2. */
    static BigDecimal kroner(long ore) {
        return BigDecimal.valueOf(ore, 2);
    }
}
