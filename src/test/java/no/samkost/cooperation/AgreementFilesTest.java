package no.samkost.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import no.samkost.cooperation.calculation.Agreement;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.tenancy.TenantConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agreements of tenants/cooperations/*.yaml, read by the cooperation module (tenancy reads who belongs). */
class AgreementFilesTest {

    @TempDir
    Path dir;

    static final String AGREEMENT =
            """
            agreement:
              startsOn: 2010-01-01
              sharedCostSplit:
                default: {EQUAL: 0.2, PLACEMENT_DAYS: 0.8}
                DAY_SERVICE: {USAGE: 1}
              standAlone: {fixedCostPerYear: 3000000, variableCostPerRecipient: 1200000.50}
            """;

    void write(String content) throws IOException {
        Files.createDirectories(dir.resolve("cooperations"));
        Files.writeString(dir.resolve("cooperations/ab.yaml"), content);
    }

    String failure() {
        return assertThrows(TenantConfigurationException.class, () -> new AgreementFiles().load(dir))
                .getMessage();
    }

    @Test
    void theRepositorysDemoAgreementsLoad() {
        Map<String, Agreement> agreements = new AgreementFiles().load(Path.of("tenants"));
        assertTrue(agreements.containsKey("3k"), agreements.toString());
    }

    @Test
    void anAgreementLoadsWithAKeyPerPoolAndTheDefault() throws IOException {
        write("id: ab\nname: A and B\nhost: a\nmembers: [a, b]\n" + AGREEMENT);
        Agreement agreement = new AgreementFiles().load(dir).get("ab");
        assertEquals(
                "EQUAL 0.2 + PLACEMENT_DAYS 0.8",
                agreement.splitFor(JointServiceKind.SHARED_HOME).toString());
        assertEquals("USAGE 1", agreement.splitFor(JointServiceKind.DAY_SERVICE).toString());
        assertEquals(
                0, new BigDecimal("3000000.00").compareTo(agreement.standAlone().fixedCostPerYear()));
        assertEquals(LocalDate.of(2010, 1, 1), agreement.startsOn());
    }

    @Test
    void theDemoCooperationStartedIn2010() {
        assertEquals(
                LocalDate.of(2010, 1, 1),
                new AgreementFiles().load(Path.of("tenants")).get("3k").startsOn());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"|agreement.startsOn is missing", "2010-13-01|2010-13-01", "1 January 2010|is not a date"})
    void aCooperationNeedsTheDayItStarted(String startsOn, String expected) throws IOException {
        write("id: ab\nname: A and B\nhost: a\nmembers: [a, b]\nagreement:\n"
                + (startsOn == null || startsOn.isEmpty() ? "" : "  startsOn: " + startsOn + "\n")
                + "  sharedCostSplit: {default: {EQUAL: 1}}\n"
                + "  standAlone: {fixedCostPerYear: 1, variableCostPerRecipient: 1}\n");
        String message = failure();
        assertTrue(message.contains("ab.yaml") && message.contains(expected), message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "default: {EQUAL: 0.2, PLACEMENT_DAYS: 0.7}|add up to 0.9",
                "default: {EQUAL: 0.5, HEADCOUNT: 0.5}|unknown measure 'HEADCOUNT'",
                "SHARED_HOME: {EQUAL: 1}|needs a 'default' key",
                "default: {EQUAL: 1}, NURSING_HOME: {EQUAL: 1}|unknown cost pool",
                "default: {EQUAL: 1.5, USAGE: -0.5}|positive weight"
            })
    void aBadAgreementFailsNamingTheFile(String split, String expected) throws IOException {
        write("id: ab\nname: A and B\nhost: a\nmembers: [a, b]\nagreement:\n  sharedCostSplit: {" + split
                + "}\n  standAlone: {fixedCostPerYear: 1, variableCostPerRecipient: 1}\n");
        String message = failure();
        assertTrue(message.contains("ab.yaml") && message.contains(expected), message);
    }

    @Test
    void aCooperationWithoutAnAgreementFails() throws IOException {
        write("id: ab\nname: A and B\nhost: a\nmembers: [a, b]\n");
        assertTrue(failure().contains("agreement is missing"));
    }

    @Test
    void anUnknownFieldFails() throws IOException {
        write("id: ab\nname: A and B\nhost: a\nmembers: [a, b]\nchairman: a\n" + AGREEMENT);
        assertTrue(failure().contains("ab.yaml"));
    }
}
