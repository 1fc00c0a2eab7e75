package no.samkost.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Norwegian formats as the issue states them, written out by hand (no-break spaces as \u00A0). */
class FormatsTest {

    @Test
    void amountsHaveGroupsOfThreeADecimalCommaAndKroner() {
        assertEquals("1\u00A0608\u00A0000,00\u00A0kr", Formats.nok(new BigDecimal("1608000")));
        assertEquals("682\u00A0361,55\u00A0kr", Formats.nok(new BigDecimal("682361.55")));
        assertEquals("0,00\u00A0kr", Formats.nok(new BigDecimal("0")));
        assertEquals("999,99\u00A0kr", Formats.nok(new BigDecimal("999.99")));
        assertEquals("1\u00A0000,00\u00A0kr", Formats.nok(new BigDecimal("1000.000")));
        assertEquals("\u221212\u00A0500,50\u00A0kr", Formats.nok(new BigDecimal("-12500.5")));
        assertEquals("", Formats.nok(null));
    }

    @Test
    void ratesDatesAndMonths() {
        assertEquals("80\u00A0%", Formats.percent(new BigDecimal("0.80")));
        assertEquals("37,5", Formats.decimal(new BigDecimal("37.50")));
        assertEquals("07.03.2023", Formats.date(LocalDate.of(2023, 3, 7)));
        // 23:30 UTC on 31 December is 00:30 on 1 January in Oslo (winter time, UTC+1)
        assertEquals("01.01.2024 kl. 00:30", Formats.dateTime(Instant.parse("2023-12-31T23:30:00Z")));
        assertEquals("mars 2023", Formats.month(YearMonth.of(2023, 3)));
    }
}
