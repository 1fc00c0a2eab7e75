package no.samkost.reimbursement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RuleEntry;
import no.samkost.reimbursement.calculation.RuleProvenance;
import no.samkost.reimbursement.calculation.ValueStatus;

/** Reads grant-year rule files: a YAML list of entries, strictly (a typo is an error, not a default). */
public final class GrantYearFiles {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Entry(
            Integer grantYear,
            BigDecimal threshold,
            BigDecimal compensationRate,
            BigDecimal intellectualDisabilityDeduction,
            Integer intellectualDisabilityBornOnOrBefore,
            Integer eligibleBornOnOrAfter,
            ValueStatus status,
            String source,
            Map<String, ValueNote> values) {}

    /** A value's own status and source, where they differ from the entry's. */
    record ValueNote(ValueStatus status, String source) {}

    /** Birth-year cut-offs: the only values a pattern can give. */
    static final Set<String> CUT_OFFS = Set.of("intellectualDisabilityBornOnOrBefore", "eligibleBornOnOrAfter");

    public List<RuleEntry> read(InputStream in, String name) {
        try {
            List<Entry> entries = yaml.readValue(in, new TypeReference<List<Entry>>() {});
            List<RuleEntry> rules = new ArrayList<>();
            Set<Integer> years = new HashSet<>();
            for (Entry entry : entries == null ? List.<Entry>of() : entries) {
                RuleEntry r = toEntry(entry, name);
                if (!years.add(r.grantYear())) {
                    throw new IllegalStateException(name + ": grant year " + r.grantYear() + " appears twice");
                }
                rules.add(r);
            }
            return rules;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Every *.yaml in {@code dir}, in name order; a later file overrides an earlier one's year. */
    public List<RuleEntry> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "rules directory " + dir.toAbsolutePath() + " does not exist (samkost.rules.dir)");
        }
        List<RuleEntry> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    rules.addAll(read(in, file.toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules directory " + dir.toAbsolutePath(), e);
        }
        return rules;
    }

    private static RuleEntry toEntry(Entry e, String name) {
        String where = name + ", grant year " + e.grantYear() + ": ";
        require(
                e.grantYear() != null && e.grantYear() >= 2004 && e.grantYear() <= 2100,
                where + "grantYear must be 2004-2100");
        require(
                e.threshold() == null
                        || (e.threshold().signum() > 0 && e.threshold().scale() <= 2),
                where + "threshold must be a positive amount in NOK with at most 2 decimals");
        require(
                e.compensationRate() == null
                        || (e.compensationRate().signum() > 0
                                && e.compensationRate().compareTo(BigDecimal.ONE) <= 0),
                where + "compensationRate must be above 0 and at most 1 (0.80 for 80 %)");
        require(
                e.intellectualDisabilityDeduction() == null
                        || (e.intellectualDisabilityDeduction().signum() >= 0
                                && e.intellectualDisabilityDeduction().scale() <= 2),
                where + "intellectualDisabilityDeduction must be a non-negative amount with at most 2 decimals");
        require(
                e.status() == ValueStatus.VERIFIED || e.status() == ValueStatus.SECONDARY,
                where + "status must be VERIFIED or SECONDARY (a value from the pattern says so under values)");
        require(e.source() != null && !e.source().isBlank(), where + "source is missing");
        plausibleYear(
                e.intellectualDisabilityBornOnOrBefore(),
                e.grantYear(),
                where + "intellectualDisabilityBornOnOrBefore");
        plausibleYear(e.eligibleBornOnOrAfter(), e.grantYear(), where + "eligibleBornOnOrAfter");
        RuleEntry values = new RuleEntry(
                e.grantYear(),
                e.threshold() == null ? null : e.threshold().setScale(2),
                e.compensationRate(),
                e.intellectualDisabilityDeduction() == null
                        ? null
                        : e.intellectualDisabilityDeduction().setScale(2),
                e.intellectualDisabilityBornOnOrBefore(),
                e.eligibleBornOnOrAfter(),
                RuleProvenance.of(e.status(), e.source()));
        require(
                GrantRules.PARAMETERS.stream().anyMatch(values::has),
                where + "no values: leave a year without figures out (it is projected)");
        Map<String, ValueStatus> statusOf = new HashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (Map.Entry<String, ValueNote> value :
                (e.values() == null ? Map.<String, ValueNote>of() : e.values()).entrySet()) {
            String parameter = value.getKey();
            ValueNote note = value.getValue();
            require(
                    GrantRules.PARAMETERS.contains(parameter) && values.has(parameter),
                    where + "values names '" + parameter + "', which the entry does not have");
            require(
                    note != null && (note.status() != null || note.source() != null),
                    where + parameter + ": say its status or its source");
            if (note.status() != null) {
                require(
                        note.status() != ValueStatus.PROJECTED,
                        where + parameter + ": PROJECTED values are computed, never written");
                require(
                        note.status() != ValueStatus.PATTERN || CUT_OFFS.contains(parameter),
                        where + parameter + ": only a birth-year cut-off can come from the pattern");
                statusOf.put(parameter, note.status());
            }
            if (note.source() != null) {
                require(!note.source().isBlank(), where + parameter + ": an empty source");
                sourceOf.put(parameter, note.source());
            }
        }
        return new RuleEntry(
                values.grantYear(),
                values.threshold(),
                values.compensationRate(),
                values.intellectualDisabilityDeduction(),
                values.intellectualDisabilityBornOnOrBefore(),
                values.eligibleBornOnOrAfter(),
                new RuleProvenance(e.source(), e.status(), statusOf, sourceOf, Map.of(), null));
    }

    private static void plausibleYear(Integer year, int grantYear, String what) {
        require(
                year == null || (year > grantYear - 120 && year < grantYear),
                what + " must be a birth year before the grant year");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
