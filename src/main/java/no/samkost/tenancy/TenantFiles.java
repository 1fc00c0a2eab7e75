package no.samkost.tenancy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates {@code tenants/*.yaml} and the membership of {@code tenants/cooperations/*.yaml}
 * (id, name, host, members: what the path guard and the database wall need). A cooperation file's
 * {@code agreement} is the cooperation module's to read ({@code cooperation.AgreementFiles}). Every
 * problem names the file, so an operator can fix it; nothing half-loaded ever serves a request.
 */
public final class TenantFiles {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern COOPERATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern CODE = Pattern.compile("\\d{4}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
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
            Map<String, String> roleMapping,
            WebLoginFile webLogin) {}

    /** The browser login: a confidential client; its secret is named, never written, here. */
    record WebLoginFile(String clientId, String clientSecretEnv) {}

    /** The membership part of a cooperation file; its {@code agreement} is read by the cooperation module. */
    @JsonIgnoreProperties({"agreement"})
    record CooperationFile(String id, String name, String host, List<String> members) {}

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

    /** The directory's YAML files, in name order. */
    public static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new TenantConfigurationException("cannot list " + dir.toAbsolutePath(), e);
        }
    }

    /** One file in the shape of {@code type}; an unknown field fails, naming the file. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            T value = YAML.readValue(file.toFile(), type);
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
                                + "' (known: coordinator, viewer, cooperation-member, auditor)"));
        Optional<Municipality.WebLogin> webLogin = Optional.ofNullable(o.webLogin())
                .map(w -> {
                    require(file, w.clientId() != null && !w.clientId().isBlank(), "oidc.webLogin.clientId is missing");
                    require(
                            file,
                            w.clientSecretEnv() != null
                                    && ENV_NAME.matcher(w.clientSecretEnv()).matches(),
                            "oidc.webLogin.clientSecretEnv must name an environment variable (A-Z, 0-9, _), "
                                    + "not hold the secret (got "
                                    + (w.clientSecretEnv() == null ? "nothing" : "a value that is no such name") + ")");
                    return new Municipality.WebLogin(w.clientId(), w.clientSecretEnv());
                });
        Map<Integer, Long> population = f.population() == null ? Map.of() : Map.copyOf(f.population());
        population.forEach((year, count) -> require(
                file, count != null && count >= 0, "population for " + year + " must be a non-negative number"));
        return new Municipality(
                f.id(),
                f.code(),
                f.name(),
                population,
                new Municipality.OidcSettings(
                        o.issuer(),
                        authServerUrl,
                        o.audience(),
                        o.roleClaimPath(),
                        Map.copyOf(o.roleMapping()),
                        webLogin));
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
        return new Cooperation(f.id(), f.name(), f.host(), List.copyOf(f.members()));
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
