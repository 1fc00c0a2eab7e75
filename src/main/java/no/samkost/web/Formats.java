package no.samkost.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Norwegian formats for the pages: {@code 1 608 000,00 kr} (a no-break space between groups, so an
 * amount never wraps), dates {@code dd.mm.åååå}, months {@code mars 2023}. The API keeps its own
 * formats; these only print what the services computed.
 */
@TemplateExtension
public final class Formats {

    static final char GROUP = '\u00A0';
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu 'kl.' HH:mm");
    private static final String[] MONTHS = {
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember"
    };

    private Formats() {}

    /** {@code 1 608 000,00 kr}; a negative amount with a minus sign; nothing for null. */
    public static String nok(BigDecimal amount) {
        return amount == null ? "" : number(amount) + GROUP + "kr";
    }

    /** {@code 1 608 000,00}: two decimals, groups of three. */
    public static String number(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_EVEN);
        String plain = scaled.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(GROUP);
            }
            out.append(whole.charAt(i));
        }
        out.append(',').append(plain, dot + 1, plain.length());
        return (scaled.signum() < 0 ? "\u2212" : "") + out;
    }

    /** A whole count or hours with a decimal comma: {@code 37,5}. */
    public static String decimal(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** The machine-readable value a chart reads ({@code 1608000.00}); never shown as text. */
    public static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** A rate as a percentage: {@code 0.80} is {@code 80 %}. */
    public static String percent(BigDecimal rate) {
        return rate == null ? "" : decimal(rate.movePointRight(2)) + GROUP + "%";
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(OSLO));
    }

    public static String month(YearMonth month) {
        return month == null ? "" : MONTHS[month.getMonthValue() - 1] + " " + month.getYear();
    }

    public static String monthName(int month) {
        return month < 1 || month > 12 ? "" : MONTHS[month - 1];
    }

    public static String yesNo(boolean value) {
        return value ? "ja" : "nei";
    }
}
