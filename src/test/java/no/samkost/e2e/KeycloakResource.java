package no.samkost.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (the Maven Central distribution, dev mode) with the demo realms from {@code
 * deploy/keycloak}, on a free port of 127.0.0.1. Gives the test a copy of the repository's tenant
 * files that point at this Keycloak instead of the demo's {@value #DEMO_KEYCLOAK_URL}. The realms'
 * browser client ({@code samkost-web}) lets the browser back to the demo service's {@value
 * #DEMO_SERVICE_URL} only; the copies imported here name the test's service instead (its port is
 * chosen before Keycloak starts, see {@link DemoStack}).
 *
 * <p>Keycloak's home is {@code -Dsamkost.keycloak.home}, which failsafe sets to the copy the build
 * unpacks in {@code pre-integration-test}. Each start uses a fresh H2 database in a temporary
 * directory (not {@code <home>/data/h2}), so realms from an earlier run, or from a {@code
 * deploy/local/run.sh} using the same home, can never mask the current realm files. Keycloak's
 * output goes to {@code target/keycloak-e2e.log}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    /** The Keycloak base URL of this run, e.g. {@code http://127.0.0.1:41234}. */
    public static final String KEYCLOAK_URL = "samkost.e2e.keycloak-url";

    public static final String TENANTS_DIR = "samkost.tenants.dir";
    public static final String HOME_PROPERTY = "samkost.keycloak.home";

    static final String KEYCLOAK_VERSION = "26.4.7";
    static final String DEMO_KEYCLOAK_URL = "http://127.0.0.1:8180";
    static final String DEMO_SERVICE_URL = "http://127.0.0.1:8080";
    // Its Quarkus re-augmentation alone took a minute on the shared 2-core build machine under load.
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String serviceUrl;
    private Process process;
    private Path tenantsDir;
    private Path databaseDir;

    /** Realms whose browser client redirects to the demo's {@value #DEMO_SERVICE_URL}. */
    public KeycloakResource() {
        this(DEMO_SERVICE_URL);
    }

    /** Realms whose browser client redirects to {@code serviceUrl}, e.g. {@code http://127.0.0.1:41235}. */
    public KeycloakResource(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    @Override
    public Map<String, String> start() {
        Path projectDir = Path.of("").toAbsolutePath();
        Path home = keycloakHome(projectDir);
        Path log = projectDir.resolve("target").resolve("keycloak-e2e.log");
        try {
            prepareImport(home, projectDir.resolve("deploy").resolve("keycloak"), serviceUrl);
            databaseDir = Files.createTempDirectory("samkost-e2e-keycloak-db");
            int port = freePort();
            String url = "http://127.0.0.1:" + port;
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            home.resolve("bin").resolve("kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + port,
                            "--http-host=127.0.0.1",
                            // Fixes the issuer to this URL, however the client reaches Keycloak.
                            "--hostname=" + url,
                            "--db-url=jdbc:h2:file:" + databaseDir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                            "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Keycloak on the JVM that runs the tests (17 or newer), and no KC_* settings from the
            // environment (a developer's KC_DB, say) leaking into the test's Keycloak.
            builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
            awaitDiscovery(url, log);
            tenantsDir = copyTenants(projectDir.resolve("tenants"), url);
            return Map.of(TENANTS_DIR, tenantsDir.toString(), KEYCLOAK_URL, url);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start Keycloak from " + home + " (log: " + log + ")", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            // Keycloak runs as bash (kc.sh) -> java; collect the tree before the parent goes.
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            Instant deadline = Instant.now().plus(STOP_TIMEOUT);
            for (ProcessHandle handle : tree) {
                try {
                    long left = Math.max(
                            1, Duration.between(Instant.now(), deadline).toMillis());
                    handle.onExit().get(left, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        deleteQuietly(tenantsDir);
        tenantsDir = null;
        deleteQuietly(databaseDir);
        databaseDir = null;
    }

    private static Path keycloakHome(Path projectDir) {
        String configured = System.getProperty(HOME_PROPERTY);
        // Outside Maven (an IDE), fall back to where the build and deploy/local/run.sh unpack it.
        Path home = configured == null || configured.isBlank()
                ? projectDir.resolve("target").resolve("keycloak").resolve("keycloak-" + KEYCLOAK_VERSION)
                : Path.of(configured).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + " (-D" + HOME_PROPERTY + "="
                    + (configured == null ? "<unset>" : configured) + "): run the end-to-end test through"
                    + " ./mvnw verify, which unpacks org.keycloak:keycloak-quarkus-dist:" + KEYCLOAK_VERSION
                    + " into target/keycloak in pre-integration-test, or run deploy/local/run.sh once");
        }
        return home;
    }

    /**
     * {@code <home>/data/import} holds exactly the repository's realm files, their redirect and
     * post-logout URIs pointed at {@code serviceUrl}.
     */
    private static void prepareImport(Path home, Path realmDir, String serviceUrl) throws IOException {
        List<Path> realms = list(realmDir, "*.json");
        if (realms.isEmpty()) {
            throw new IllegalStateException("no realm files (*.json) in " + realmDir);
        }
        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        for (Path old : list(importDir, "*.json")) {
            Files.delete(old);
        }
        for (Path realm : realms) {
            String text = Files.readString(realm, StandardCharsets.UTF_8);
            Files.writeString(
                    importDir.resolve(realm.getFileName()),
                    text.replace(DEMO_SERVICE_URL, serviceUrl),
                    StandardCharsets.UTF_8);
        }
    }

    private void awaitDiscovery(String url, Path log) {
        awaitOk(
                URI.create(url + "/realms/kommune-0716/.well-known/openid-configuration"),
                process,
                "Keycloak",
                STARTUP_TIMEOUT,
                log);
    }

    /** Waits until {@code url} answers 200; fails early when {@code process} ({@code name}) exits. */
    static void awaitOk(URI url, Process process, String name, Duration timeout, Path log) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with status " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " did not serve " + url + " within " + timeout + "; see " + log);
    }

    /** Copies every *.yaml under {@code tenants} (keeping sub-folders), pointed at {@code url}. */
    private static Path copyTenants(Path source, String url) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("no tenant directory " + source);
        }
        Path target = Files.createTempDirectory("samkost-e2e-tenants");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .collect(Collectors.toList());
        }
        for (Path file : files) {
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(copy, text.replace(DEMO_KEYCLOAK_URL, url), StandardCharsets.UTF_8);
        }
        return target;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var stream = Files.newDirectoryStream(dir, glob)) {
                stream.forEach(files::add);
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is untidy, not wrong.
        }
    }
}
