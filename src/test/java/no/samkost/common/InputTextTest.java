package no.samkost.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one text rule, and what it means for logs and CSV cells. */
class InputTextTest {

    @Test
    void ordinaryTextInEveryLanguageIsFine() {
        for (String text : List.of("R-17", "lønn rettet", "Åse Ærø", "Тест", "日本語", "emoji 😀 paired", "a b\u00A0c")) {
            assertThat(InputText.problem(text)).as(text).isEmpty();
        }
    }

    @Test
    void controlBidiSurrogateAndReplacementCharactersAreRefusedWithTheirPosition() {
        assertThat(InputText.problem("R-1\u0000")).hasValueSatisfying(p -> assertThat(p)
                .contains("control character")
                .contains("U+0000")
                .contains("position 4"));
        assertThat(InputText.problem("a\nb"))
                .hasValueSatisfying(p -> assertThat(p).contains("U+000A"));
        assertThat(InputText.problem("\u0085")).isPresent();
        assertThat(InputText.problem("abc\u202Eevil"))
                .hasValueSatisfying(p -> assertThat(p).contains("bidirectional"));
        assertThat(InputText.problem("\u2066x")).isPresent();
        assertThat(InputText.problem("a\ud800"))
                .hasValueSatisfying(p -> assertThat(p).contains("unpaired surrogate"));
        assertThat(InputText.problem("\udc00a"))
                .hasValueSatisfying(p -> assertThat(p).contains("unpaired surrogate"));
        assertThat(InputText.problem("bad \uFFFD byte"))
                .hasValueSatisfying(p -> assertThat(p).contains("UTF-8"));
        assertThat(InputText.problem("line\u2028sep")).isPresent();
        assertThat(InputText.problem("\uFEFFbom")).isPresent();
    }

    @Test
    void aLoggedValueCannotStartANewLineOrAnEscapeSequence() {
        String forged =
                "/api/v1/municipalities/0716/recipients/R-1\n2026-12-03 10:00:00,000 INFO  [x] forged\u001B[31m";
        String logged = LogSafe.value(forged);
        assertThat(logged)
                .doesNotContain("\n")
                .doesNotContain("\u001B")
                .contains("\\u000A")
                .contains("\\u001B");
        assertThat(LogSafe.value("x".repeat(10_000))).hasSizeLessThan(520);
        assertThat(LogSafe.value(null)).isEqualTo("null");
    }

    @Test
    void aCsvCellNeverStartsAFormulaAndNeverBreaksItsRow() {
        assertThat(CsvBodyWriter.cell("-1608000.00")).isEqualTo("-1608000.00");
        assertThat(CsvBodyWriter.cell("42")).isEqualTo("42");
        assertThat(CsvBodyWriter.cell("-2-3")).isEqualTo("'-2-3");
        assertThat(CsvBodyWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvBodyWriter.cell("+1")).isEqualTo("'+1");
        assertThat(CsvBodyWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvBodyWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvBodyWriter.cell("R-17")).isEqualTo("R-17");
        assertThat(CsvBodyWriter.cell(null)).isEmpty();
    }
}
