package no.samkost.cooperation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import no.samkost.cooperation.calculation.Agreement;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.SplitKey;
import no.samkost.cooperation.calculation.SplitMeasure;
import no.samkost.cooperation.calculation.StandAloneModel;
import no.samkost.tenancy.TenantConfigurationException;
import no.samkost.tenancy.TenantFiles;

/**
 * Reads and validates the {@code agreement} of each {@code tenants/cooperations/*.yaml}: the
 * cooperation's start date, the cost-split key per cost pool and the stand-alone model. The same files' membership (id, name,
 * host, members) is read by {@code tenancy}; this reads only what the cooperation module needs.
 * Every problem names the file.
 */
public final class AgreementFiles {

    /** The agreement part of a cooperation file; its membership is tenancy's. */
    @JsonIgnoreProperties({"name", "host", "members"})
    record CooperationAgreementFile(String id, AgreementFile agreement) {}

    /**
     * @param sharedCostSplit per cost pool ({@code default} or a joint service kind): measure to
     *     weight
     * @param minimumCellSize the small-number rule's minimum (default 3); a whole number
     */
    record AgreementFile(
            String startsOn,
            Map<String, Map<String, BigDecimal>> sharedCostSplit,
            StandAloneFile standAlone,
            BigDecimal minimumCellSize) {}

    record StandAloneFile(BigDecimal fixedCostPerYear, BigDecimal variableCostPerRecipient) {}

    /** @return cooperation id to agreement, for every file in {@code tenantsDir/cooperations} */
    public Map<String, Agreement> load(Path tenantsDir) {
        Path dir = tenantsDir.resolve("cooperations");
        Map<String, Agreement> agreements = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return agreements;
        }
        for (Path file : TenantFiles.yamlFiles(dir)) {
            CooperationAgreementFile f = TenantFiles.read(file, CooperationAgreementFile.class);
            agreements.put(f.id(), toAgreement(file, f.agreement()));
        }
        return agreements;
    }

    private static Agreement toAgreement(Path file, AgreementFile f) {
        require(file, f != null, "agreement is missing (sharedCostSplit and standAlone)");
        require(
                file,
                f.sharedCostSplit() != null && f.sharedCostSplit().containsKey("default"),
                "agreement.sharedCostSplit needs a 'default' key");
        Map<JointServiceKind, SplitKey> byKind = new EnumMap<>(JointServiceKind.class);
        SplitKey defaultKey = null;
        for (Map.Entry<String, Map<String, BigDecimal>> pool :
                f.sharedCostSplit().entrySet()) {
            SplitKey key = toSplitKey(file, pool.getKey(), pool.getValue());
            if ("default".equals(pool.getKey())) {
                defaultKey = key;
            } else {
                byKind.put(JointServiceKind.valueOf(pool.getKey()), key);
            }
        }
        StandAloneFile s = f.standAlone();
        require(
                file,
                s != null && s.fixedCostPerYear() != null && s.variableCostPerRecipient() != null,
                "agreement.standAlone needs fixedCostPerYear and variableCostPerRecipient");
        LocalDate startsOn = startsOn(file, f.startsOn());
        StandAloneModel standAlone;
        try {
            standAlone = new StandAloneModel(s.fixedCostPerYear(), s.variableCostPerRecipient());
        } catch (IllegalArgumentException e) {
            throw fail(file, "agreement.standAlone: " + e.getMessage());
        }
        return new Agreement(defaultKey, byKind, standAlone, startsOn, minimumCellSize(file, f.minimumCellSize()));
    }

    /** A whole number from 2 (below it one recipient's figure would show) to a sane upper bound. */
    private static int minimumCellSize(Path file, BigDecimal given) {
        if (given == null) {
            return Agreement.DEFAULT_MINIMUM_CELL_SIZE;
        }
        boolean whole = given.stripTrailingZeros().scale() <= 0;
        require(
                file,
                whole
                        && given.compareTo(BigDecimal.valueOf(Agreement.LOWEST_MINIMUM_CELL_SIZE)) >= 0
                        && given.compareTo(BigDecimal.valueOf(Agreement.HIGHEST_MINIMUM_CELL_SIZE)) <= 0,
                "agreement.minimumCellSize: a whole number from " + Agreement.LOWEST_MINIMUM_CELL_SIZE + " to "
                        + Agreement.HIGHEST_MINIMUM_CELL_SIZE + " (a figure resting on fewer placed recipients is"
                        + " not shown to other members; below 2 one recipient's figure would be), not "
                        + given.toPlainString());
        return given.intValueExact();
    }

    /** The day the cooperation started, YYYY-MM-DD: no placement may start before it. */
    private static LocalDate startsOn(Path file, String value) {
        require(file, value != null, "agreement.startsOn is missing (the day the cooperation started, YYYY-MM-DD)");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw fail(file, "agreement.startsOn: '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static SplitKey toSplitKey(Path file, String pool, Map<String, BigDecimal> weights) {
        String where = "agreement.sharedCostSplit." + pool;
        require(
                file,
                "default".equals(pool)
                        || Arrays.stream(JointServiceKind.values())
                                .anyMatch(k -> k.name().equals(pool)),
                where + ": unknown cost pool (default or one of " + Arrays.toString(JointServiceKind.values()) + ")");
        require(file, weights != null && !weights.isEmpty(), where + ": no measures");
        Map<SplitMeasure, BigDecimal> parsed = new EnumMap<>(SplitMeasure.class);
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            require(
                    file,
                    Arrays.stream(SplitMeasure.values()).anyMatch(m -> m.name().equals(e.getKey())),
                    where + ": unknown measure '" + e.getKey() + "' (one of " + Arrays.toString(SplitMeasure.values())
                            + ")");
            parsed.put(SplitMeasure.valueOf(e.getKey()), e.getValue());
        }
        try {
            return new SplitKey(parsed);
        } catch (IllegalArgumentException e) {
            throw fail(file, where + ": " + e.getMessage());
        }
    }

    private static void require(Path file, boolean condition, String message) {
        if (!condition) {
            throw fail(file, message);
        }
    }

    private static TenantConfigurationException fail(Path file, String message) {
        return new TenantConfigurationException(file + ": " + message);
    }
}
