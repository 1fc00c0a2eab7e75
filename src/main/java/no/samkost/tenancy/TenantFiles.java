package no.samkost.tenancy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.samkost.cooperation.calculation.Agreement;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.SplitKey;
import no.samkost.cooperation.calculation.SplitMeasure;
import no.samkost.cooperation.calculation.StandAloneModel;

/**
 * Reads and validates {@code tenants/*.yaml} and {@code tenants/cooperations/*.yaml}. Every problem
 * names the file, so an operator can fix it; nothing half-loaded ever serves a request.
 */
public final class TenantFiles {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern COOPERATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern CODE = Pattern.compile("\\d{4}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public record Loaded(List<Municipality> municipalities, List<Cooperation> cooperations) {}

    // File shapes; kept apart from the domain records so a file format change stays here.
    record MunicipalityFile(String id, String code, String name, Map<Integer, Long> population, OidcFile oidc) {}

    record OidcFile(
            String issuer,
            String authServerUrl,
            String audience,
            String roleClaimPath,
            Map<String, String> roleMapping) {}

    record CooperationFile(String id, String name, String host, List<String> members, AgreementFile agreement) {}

    /**
     * @param sharedCostSplit per cost pool ({@code default} or a joint service kind): measure to
     *     weight
     */
    record AgreementFile(Map<String, Map<String, BigDecimal>> sharedCostSplit, StandAloneFile standAlone) {}

    record StandAloneFile(BigDecimal fixedCostPerYear, BigDecimal variableCostPerRecipient) {}

    public Loaded load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TenantConfigurationException(
                    "tenant directory " + dir.toAbsolutePath() + " does not exist (samkost.tenants.dir)");
        }
        List<Municipality> municipalities = new ArrayList<>();
        Map<String, Path> seenIds = new HashMap<>();
        Map<String, Path> seenCodes = new HashMap<>();
        Map<String, Path> seenIssuers = new HashMap<>();
        for (Path file : yamlFiles(dir)) {
            Municipality m = toMunicipality(file, read(file, MunicipalityFile.class));
            requireUnique(seenIds, m.id(), file, "tenant id");
            requireUnique(seenCodes, m.code(), file, "municipality code");
            requireUnique(seenIssuers, m.oidc().issuer(), file, "OIDC issuer");
            municipalities.add(m);
        }
        if (municipalities.isEmpty()) {
            throw new TenantConfigurationException("no municipality files (*.yaml) in " + dir.toAbsolutePath());
        }
        List<Cooperation> cooperations = new ArrayList<>();
        Path cooperationDir = dir.resolve("cooperations");
        if (Files.isDirectory(cooperationDir)) {
            Map<String, Path> seenCooperations = new HashMap<>();
            for (Path file : yamlFiles(cooperationDir)) {
                Cooperation c = toCooperation(file, read(file, CooperationFile.class), seenIds.keySet());
                requireUnique(seenCooperations, c.id(), file, "cooperation id");
                cooperations.add(c);
            }
        }
        return new Loaded(List.copyOf(municipalities), List.copyOf(cooperations));
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new TenantConfigurationException("cannot list " + dir.toAbsolutePath(), e);
        }
    }

    private <T> T read(Path file, Class<T> type) {
        try {
            T value = yaml.readValue(file.toFile(), type);
            if (value == null) {
                throw fail(file, "the file is empty");
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TenantConfigurationException(file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TenantConfigurationException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Municipality toMunicipality(Path file, MunicipalityFile f) {
        require(
                file,
                f.id() != null && ID.matcher(f.id()).matches(),
                "id must be lower-case letters, digits and '-', starting with a letter (got " + f.id() + ")");
        require(
                file,
                f.code() != null && CODE.matcher(f.code()).matches(),
                "code must be four digits, quoted in YAML (got " + f.code() + ")");
        require(file, f.name() != null && !f.name().isBlank(), "name is missing");
        OidcFile o = f.oidc();
        require(file, o != null, "oidc section is missing");
        require(file, isHttpUrl(o.issuer()), "oidc.issuer must be an http(s) URL (got " + o.issuer() + ")");
        String authServerUrl = o.authServerUrl() == null ? o.issuer() : o.authServerUrl();
        require(file, isHttpUrl(authServerUrl), "oidc.authServerUrl must be an http(s) URL");
        require(
                file,
                o.audience() != null && !o.audience().isBlank(),
                "oidc.audience is missing: without it any token of the issuer would be accepted");
        require(file, o.roleClaimPath() != null && !o.roleClaimPath().isBlank(), "oidc.roleClaimPath is missing");
        require(file, o.roleMapping() != null && !o.roleMapping().isEmpty(), "oidc.roleMapping is missing");
        o.roleMapping()
                .forEach((idpRole, role) -> require(
                        file,
                        Role.named(role).isPresent(),
                        "oidc.roleMapping maps '" + idpRole + "' to unknown role '" + role
                                + "' (known: coordinator, viewer, cooperation-member)"));
        Map<Integer, Long> population = f.population() == null ? Map.of() : Map.copyOf(f.population());
        population.forEach((year, count) -> require(
                file, count != null && count >= 0, "population for " + year + " must be a non-negative number"));
        return new Municipality(
                f.id(),
                f.code(),
                f.name(),
                population,
                new Municipality.OidcSettings(
                        o.issuer(), authServerUrl, o.audience(), o.roleClaimPath(), Map.copyOf(o.roleMapping())));
    }

    private static Cooperation toCooperation(Path file, CooperationFile f, Set<String> tenantIds) {
        require(
                file,
                f.id() != null && COOPERATION_ID.matcher(f.id()).matches(),
                "id must be lower-case letters, digits and '-' (got " + f.id() + ")");
        require(file, f.name() != null && !f.name().isBlank(), "name is missing");
        require(file, f.members() != null && f.members().size() >= 2, "a cooperation needs at least two members");
        for (String member : f.members()) {
            require(
                    file,
                    tenantIds.contains(member),
                    "unknown member '" + member + "' (no tenants/" + member + ".yaml id)");
        }
        require(file, f.members().stream().distinct().count() == f.members().size(), "a member is listed twice");
        require(
                file,
                f.host() != null && f.members().contains(f.host()),
                "host '" + f.host() + "' must be one of the members");
        return new Cooperation(f.id(), f.name(), f.host(), List.copyOf(f.members()), toAgreement(file, f.agreement()));
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
        try {
            return new Agreement(
                    defaultKey, byKind, new StandAloneModel(s.fixedCostPerYear(), s.variableCostPerRecipient()));
        } catch (IllegalArgumentException e) {
            throw fail(file, "agreement.standAlone: " + e.getMessage());
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

    private static boolean isHttpUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireUnique(Map<String, Path> seen, String value, Path file, String what) {
        Path earlier = seen.putIfAbsent(value, file);
        if (earlier != null) {
            throw fail(file, what + " '" + value + "' is already used by " + earlier.getFileName());
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
