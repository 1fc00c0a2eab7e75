package no.samkost.cooperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.samkost.tenancy.TenantConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agreement's {@code minimumCellSize}: default 3, refused at start below 2 or above 50. */
class MinimumCellSizeTest {

    @TempDir
    Path dir;

    static final String SPLIT =
            """
            agreement:
              startsOn: 2010-01-01
              sharedCostSplit:
                default: {EQUAL: 1}
              standAlone: {fixedCostPerYear: 1, variableCostPerRecipient: 1}
            """;

    void write(String content) throws IOException {
        Files.createDirectories(dir.resolve("cooperations"));
        Files.writeString(
                dir.resolve("cooperations/ab.yaml"), "id: ab\nname: A and B\nhost: a\nmembers: [a, b]\n" + content);
    }

    @Test
    void withoutItTheMinimumIsThree() throws IOException {
        write(SPLIT);
        assertEquals(3, new AgreementFiles().load(dir).get("ab").minimumCellSize());
    }

    @Test
    void theDemoCooperationSaysThree() {
        assertEquals(3, new AgreementFiles().load(Path.of("tenants")).get("3k").minimumCellSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "5", "50"})
    void aWholeNumberFromTwoToFiftyIsTaken(String size) throws IOException {
        write(SPLIT + "  minimumCellSize: " + size + "\n");
        assertEquals(
                Integer.parseInt(size), new AgreementFiles().load(dir).get("ab").minimumCellSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "-3", "51", "2.5"})
    void anythingElseIsRefusedNamingTheFile(String size) throws IOException {
        write(SPLIT + "  minimumCellSize: " + size + "\n");
        String message = assertThrows(TenantConfigurationException.class, () -> new AgreementFiles().load(dir))
                .getMessage();
        assertTrue(
                message.contains("ab.yaml") && message.contains("agreement.minimumCellSize") && message.contains(size),
                message);
    }
}
