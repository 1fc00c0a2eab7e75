package no.samkost.reimbursement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInYearsAreDomainMdsTable() {
        RuleBook book = new RuleBook(Optional::empty);
        assertEquals(
                java.util.List.of(2009, 2010, 2014, 2016, 2020, 2021, 2024),
                book.all().stream().map(r -> r.grantYear()).toList());
        assertEquals(
                new BigDecimal("835000.00"),
                book.forGrantYear(2009).orElseThrow().threshold());
        assertEquals(
                new BigDecimal("0.85"), book.forGrantYear(2009).orElseThrow().compensationRate());
        assertTrue(book.forGrantYear(2025).isEmpty());
    }

    @Test
    void anOperatorAddsAndCorrectsYearsWithoutARebuild() throws IOException {
        Files.writeString(
                dir.resolve("local.yaml"),
                """
                - grantYear: 2025
                  threshold: 1700000.00
                  compensationRate: 0.80
                  intellectualDisabilityDeduction: 870000.00
                  intellectualDisabilityBornOnOrBefore: 2006
                  eligibleBornOnOrAfter: 1957
                  status: SECONDARY
                  source: operator, draft IS-4/2025
                - grantYear: 2010
                  threshold: 865000.00
                  compensationRate: 0.80
                  eligibleBornOnOrAfter: 1942
                  status: SECONDARY
                  source: operator, from the 3K minutes
                """);
        RuleBook book = new RuleBook(() -> Optional.of(dir.toString()));
        assertEquals(
                new BigDecimal("1700000.00"),
                book.forGrantYear(2025).orElseThrow().threshold());
        assertEquals(1942, book.forGrantYear(2010).orElseThrow().eligibleBornOnOrAfter());
        assertEquals(false, book.forGrantYear(2010).orElseThrow().fullyVerified());
        assertEquals(
                new BigDecimal("1608000.00"),
                book.forGrantYear(2024).orElseThrow().threshold(),
                "others untouched");
    }

    @Test
    void aBrokenOperatorFileStopsTheStartWithAClearMessage() throws IOException {
        Files.writeString(
                dir.resolve("bad.yaml"),
                """
                - grantYear: 2025
                  threshold: 1700000.00
                  compensationRate: 80
                  status: SECONDARY
                  source: typo
                """);
        String message = assertThrows(
                        IllegalStateException.class, () -> new RuleBook(() -> Optional.of(dir.toString())))
                .getMessage();
        assertTrue(
                message.contains("bad.yaml") && message.contains("2025") && message.contains("compensationRate"),
                message);
    }

    @Test
    void aMisspeltParameterIsAnError() throws IOException {
        Files.writeString(
                dir.resolve("typo.yaml"),
                """
                - grantYear: 2025
                  treshold: 1700000.00
                  compensationRate: 0.80
                  status: SECONDARY
                  source: typo
                """);
        String message = assertThrows(
                        IllegalStateException.class, () -> new RuleBook(() -> Optional.of(dir.toString())))
                .getMessage();
        assertTrue(message.contains("treshold"), message);
    }

    @Test
    void eachValueHasAStatusAndASourceAndTheSetIsAsSureAsItsWeakestValue() {
        RuleBook book = new RuleBook(() -> Optional.empty());
        GrantRules y2021 = book.forGrantYear(2021).orElseThrow();
        assertEquals(ValueStatus.VERIFIED, y2021.statusOf("threshold"));
        assertEquals(ValueStatus.PATTERN, y2021.statusOf("eligibleBornOnOrAfter"));
        assertEquals(ValueStatus.PATTERN, y2021.status());
        assertEquals("Helsedirektoratet, IS-4/2021", y2021.provenance().sourceOf("threshold"));
        assertTrue(y2021.provenance().sourceOf("eligibleBornOnOrAfter").startsWith("grant year - 68"));
        assertEquals(ValueStatus.VERIFIED, book.forGrantYear(2024).orElseThrow().status());
        assertEquals(
                ValueStatus.SECONDARY, book.forGrantYear(2009).orElseThrow().status());
    }

    @Test
    void aFileCannotCallAValueProjectedOrAThresholdAPatternOrNameAValueItLacks() throws IOException {
        for (String[] bad : new String[][] {
            {"values:\n    threshold: {status: PROJECTED}", "PROJECTED"},
            {"values:\n    threshold: {status: PATTERN}", "pattern"},
            {"values:\n    eligibleBornOnOrAfter: {status: PATTERN}", "does not have"},
            {"values:\n    threshold: {}", "status or its source"}
        }) {
            Files.writeString(
                    dir.resolve("bad.yaml"),
                    """
                    - grantYear: 2025
                      threshold: 1700000.00
                      compensationRate: 0.80
                      status: SECONDARY
                      source: operator
                      %s
                    """
                            .formatted(bad[0]));
            String message = assertThrows(
                            IllegalStateException.class, () -> new RuleBook(() -> Optional.of(dir.toString())))
                    .getMessage();
            assertTrue(message.contains("bad.yaml") && message.contains(bad[1]), message);
        }
        Files.writeString(
                dir.resolve("bad.yaml"),
                """
                - grantYear: 2025
                  threshold: 1700000.00
                  compensationRate: 0.80
                  status: PATTERN
                  source: operator
                """);
        String message = assertThrows(
                        IllegalStateException.class, () -> new RuleBook(() -> Optional.of(dir.toString())))
                .getMessage();
        assertTrue(message.contains("VERIFIED or SECONDARY"), message);
    }
}
