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
    void theBuiltInEntriesAreTheSourcedYears() {
        RuleBook book = new RuleBook(Optional::empty);
        assertEquals(
                java.util.List.of(2008, 2009, 2010, 2014, 2015, 2016, 2017, 2020, 2021, 2023, 2024, 2025),
                book.entries().stream().map(r -> r.grantYear()).toList());
        assertEquals(
                new BigDecimal("835000.00"),
                book.forGrantYear(2009).orElseThrow().threshold());
        assertEquals(
                new BigDecimal("0.85"), book.forGrantYear(2009).orElseThrow().compensationRate());
        assertEquals(2008, book.firstGrantYear());
        assertEquals(2035, book.lastGrantYear());
        assertTrue(book.forGrantYear(2007).isEmpty(), "before 2008 the state's share was not a flat rate");
        assertTrue(book.forGrantYear(2035).isPresent());
        assertTrue(book.forGrantYear(2036).isEmpty());
    }

    /**
     * Grant year 2025 (the costs of 2024), worked by hand at the default 4.0 % and no extra step:
     * the threshold is Hustadvika's 1 678 000 (SECONDARY); the rate is the conflict's, so it is
     * 2024's 0.80, PROJECTED; the deduction 832 000 x 1.04 = 865 280 -> 865 000, PROJECTED from
     * 2024; the cut-offs by the pattern 2025 - 19 = 2006 and 2025 - 68 = 1957.
     */
    @Test
    void grantYear2025TakesWhatIsSourcedAndProjectsTheRest() {
        GrantRules y2025 = new RuleBook(Optional::empty).forGrantYear(2025).orElseThrow();
        assertEquals(new BigDecimal("1678000.00"), y2025.threshold());
        assertEquals(ValueStatus.SECONDARY, y2025.statusOf("threshold"));
        assertTrue(y2025.provenance().sourceOf("threshold").contains("Hustadvika"));
        assertEquals(new BigDecimal("0.80"), y2025.compensationRate());
        assertEquals(ValueStatus.PROJECTED, y2025.statusOf("compensationRate"));
        assertEquals(Optional.of(2024), y2025.provenance().projectedFrom("compensationRate"));
        assertEquals(new BigDecimal("865000.00"), y2025.intellectualDisabilityDeduction());
        assertEquals(ValueStatus.PROJECTED, y2025.statusOf("intellectualDisabilityDeduction"));
        assertEquals(2006, y2025.intellectualDisabilityBornOnOrBefore());
        assertEquals(1957, y2025.eligibleBornOnOrAfter());
        assertEquals(ValueStatus.PATTERN, y2025.statusOf("eligibleBornOnOrAfter"));
        assertEquals(ValueStatus.PROJECTED, y2025.status());
        assertEquals(new BigDecimal("0.040"), y2025.provenance().projection().yearlyWageGrowth());
    }

    /**
     * 2015: the circular's rate and cut-offs (VERIFIED); its threshold is the conflict's, projected
     * from 2014: 1 010 000 x 1.04 = 1 050 400 -> 1 050 000; no earlier year has a deduction, so it
     * stays missing. 2012, a year with no entry: 2010's 865 000 -> 899 600 -> 900 000 (2011) ->
     * 936 000 (2012); rate 0.80 from 2010. 2026: 1 678 000 x 1.04 = 1 745 120 -> 1 745 000; the
     * deduction from 2024 over two years, 865 000 then 899 600 -> 900 000.
     */
    @Test
    void gapsAndTheYearsAfterAreProjectedValueByValueFromTheNewestEarlierYearThatHasTheValue() {
        RuleBook book = new RuleBook(Optional::empty);
        GrantRules y2015 = book.forGrantYear(2015).orElseThrow();
        assertEquals(new BigDecimal("1050000.00"), y2015.threshold());
        assertEquals(Optional.of(2014), y2015.provenance().projectedFrom("threshold"));
        assertEquals(ValueStatus.VERIFIED, y2015.statusOf("compensationRate"));
        assertEquals(ValueStatus.VERIFIED, y2015.statusOf("eligibleBornOnOrAfter"));
        assertEquals(1947, y2015.eligibleBornOnOrAfter());
        assertEquals(null, y2015.intellectualDisabilityDeduction());
        assertEquals(java.util.List.of("intellectualDisabilityDeduction"), y2015.missingParameters());

        GrantRules y2012 = book.forGrantYear(2012).orElseThrow();
        assertEquals(new BigDecimal("936000.00"), y2012.threshold());
        assertEquals(new BigDecimal("0.80"), y2012.compensationRate());
        assertEquals(Optional.of(2010), y2012.provenance().projectedFrom("compensationRate"));
        assertEquals(ValueStatus.PROJECTED, y2012.status());

        GrantRules y2026 = book.forGrantYear(2026).orElseThrow();
        assertEquals(new BigDecimal("1745000.00"), y2026.threshold());
        assertEquals(Optional.of(2025), y2026.provenance().projectedFrom("threshold"));
        assertEquals(new BigDecimal("900000.00"), y2026.intellectualDisabilityDeduction());
        assertEquals(Optional.of(2024), y2026.provenance().projectedFrom("intellectualDisabilityDeduction"));
        assertEquals(2007, y2026.intellectualDisabilityBornOnOrBefore());
    }

    @Test
    void aYearThatIsFullyKnownProjectsNothing() {
        GrantRules y2024 = new RuleBook(Optional::empty).forGrantYear(2024).orElseThrow();
        assertEquals(false, y2024.projected());
        assertEquals(ValueStatus.VERIFIED, y2024.status());
        assertEquals(null, y2024.provenance().projection());
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
        assertTrue(y2021.provenance().sourceOf("threshold").startsWith("Helsedirektoratet's grant page for 2021"));
        assertTrue(y2021.provenance().sourceOf("eligibleBornOnOrAfter").startsWith("grant year - 68"));
        assertEquals(ValueStatus.VERIFIED, book.forGrantYear(2024).orElseThrow().status());
        GrantRules y2009 = book.forGrantYear(2009).orElseThrow();
        assertEquals(ValueStatus.SECONDARY, y2009.statusOf("threshold"));
        assertEquals(ValueStatus.PATTERN, y2009.statusOf("eligibleBornOnOrAfter"), "no source gives it");
        assertEquals(1941, y2009.eligibleBornOnOrAfter());
        assertEquals(ValueStatus.PATTERN, y2009.status());
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
