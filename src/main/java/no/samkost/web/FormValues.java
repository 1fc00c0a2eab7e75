package no.samkost.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as a person types them into a planning form: {@code 1 500 000} or {@code 1500000,50}
 * kroner, {@code 4} or {@code 2,5} per cent, whole years. Blank is null (the field is optional, or
 * the caller says it is missing); anything else that is not such a number, or is out of its range,
 * is {@link Invalid} naming the form's field, so the page can explain it there. The ranges are the
 * API's for the same value.
 */
final class FormValues {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}([.,]\\d{1,2})?");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}([.,]\\d{1,4})?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

    private FormValues() {}

    /** A field that could not be read; the page words the explanation. */
    static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Spaces (also no-break ones) between the groups are a person's, not the number's. */
    private static String compact(String text) {
        return text.strip().replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
    }

    /** Kroner from 0 to {@code max}, at most two decimals; null when blank. */
    static BigDecimal amount(String field, String text, BigDecimal max) {
        if (blank(text)) {
            return null;
        }
        String plain = compact(text);
        if (!AMOUNT.matcher(plain).matches()) {
            throw new Invalid(field);
        }
        BigDecimal value = new BigDecimal(plain.replace(',', '.'));
        if (value.compareTo(max) > 0) {
            throw new Invalid(field);
        }
        return value;
    }

    /** A number from 0 to {@code max} with at most {@code decimals} decimals ({@code 37,5}); null when blank. */
    static BigDecimal decimal(String field, String text, int decimals, BigDecimal max) {
        if (blank(text)) {
            return null;
        }
        String plain = compact(text);
        if (!DECIMAL.matcher(plain).matches()) {
            throw new Invalid(field);
        }
        BigDecimal value = new BigDecimal(plain.replace(',', '.'));
        if (value.scale() > decimals || value.compareTo(max) > 0) {
            throw new Invalid(field);
        }
        return value;
    }

    /**
     * A percentage from 0 to {@code maxPercent} with at most {@code decimals} decimals, returned as a
     * share ({@code 4} is {@code 0.04}); null when blank.
     */
    static BigDecimal percent(String field, String text, int decimals, BigDecimal maxPercent) {
        if (blank(text)) {
            return null;
        }
        BigDecimal value = decimal(field, text.replace("%", ""), decimals, maxPercent);
        if (value == null) {
            throw new Invalid(field);
        }
        return value.movePointLeft(2);
    }

    /** A whole number from {@code min} to {@code max}; null when blank. */
    static Integer whole(String field, String text, int min, int max) {
        if (blank(text)) {
            return null;
        }
        String plain = compact(text).replace('\u2212', '-');
        if (!WHOLE.matcher(plain).matches()) {
            throw new Invalid(field);
        }
        int value = Integer.parseInt(plain);
        if (value < min || value > max) {
            throw new Invalid(field);
        }
        return value;
    }

    /** The same, with a value for blank. */
    static int whole(String field, String text, int min, int max, int byDefault) {
        Integer value = whole(field, text, min, max);
        return value == null ? byDefault : value;
    }

    /** A share as a form shows it again: {@code 0.04} as {@code 4}, {@code 0.025} as {@code 2,5}. */
    static String asPercent(BigDecimal share) {
        return share == null ? "" : Formats.decimal(share.movePointRight(2));
    }

    /** An amount as a form shows it again: {@code 1500000.00} as {@code 1500000}, {@code 0.50} as {@code 0,5}. */
    static String asAmount(BigDecimal amount) {
        return amount == null ? "" : Formats.decimal(amount);
    }
}
