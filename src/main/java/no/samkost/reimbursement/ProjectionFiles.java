package no.samkost.reimbursement;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import no.samkost.reimbursement.calculation.ProjectionAssumptions;

/** Reads the projection's default assumptions: built in, or the operator's file in samkost.rules.dir. */
final class ProjectionFiles {

    /** The assumptions every projection uses unless a request sets its own, and where they come from. */
    record Defaults(BigDecimal yearlyWageGrowth, BigDecimal yearlyExtraStep, String origin) {}

    record Entry(BigDecimal yearlyWageGrowth, BigDecimal yearlyExtraStep) {}

    private ProjectionFiles() {}

    static Defaults defaults(String builtIn, Optional<Path> operatorFile) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try {
            if (operatorFile.isPresent() && Files.isRegularFile(operatorFile.get())) {
                try (InputStream in = Files.newInputStream(operatorFile.get())) {
                    return checked(
                            yaml.readValue(in, Entry.class), operatorFile.get().toString(), "operator");
                }
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(builtIn)) {
                if (in == null) {
                    throw new IllegalStateException("built-in projection assumptions " + builtIn + " are missing");
                }
                return checked(yaml.readValue(in, Entry.class), builtIn, "default");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the projection assumptions: " + e.getMessage(), e);
        }
    }

    private static Defaults checked(Entry e, String name, String origin) {
        if (e == null || e.yearlyWageGrowth() == null || e.yearlyExtraStep() == null) {
            throw new IllegalStateException(name + ": yearlyWageGrowth and yearlyExtraStep are both required");
        }
        try {
            // The same bounds as a request's: checked by the calculation's own record.
            new ProjectionAssumptions(e.yearlyWageGrowth(), e.yearlyExtraStep(), origin);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(name + ": " + invalid.getMessage(), invalid);
        }
        return new Defaults(e.yearlyWageGrowth(), e.yearlyExtraStep(), origin);
    }
}
