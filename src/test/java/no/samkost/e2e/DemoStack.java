package no.samkost.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The demo as {@code deploy/local/run.sh} starts it, once per Failsafe JVM: a real Keycloak with the
 * demo realms ({@link KeycloakResource}) and the packaged service ({@code
 * target/quarkus-app/quarkus-run.jar}) with its own embedded PostgreSQL, the demo data, the
 * repository's tenant files (pointed at this Keycloak) and the browser login's client secrets in
 * the environment. Both on free ports of 127.0.0.1; the service's port is chosen first, so that the
 * realms' browser client lets the browser back to it.
 *
 * <p>Every end-to-end class shares it: {@code @ExtendWith(DemoStack.Extension.class)} and a {@code
 * DemoStack} parameter (of a {@code @BeforeAll} method, say). The first class starts it; it stops
 * when the test JVM exits. Logs: {@code target/keycloak-e2e.log}, {@code
 * target/samkost-e2e-service.log}.
 *
 * <p>The classes share its data too: a test that changes the demo's state (a sign-off, a new
 * recipient) leaves it as it found it or changes only what no other test reads.
 */
public final class DemoStack implements AutoCloseable {

    /** The demo municipalities whose realms have a browser client ({@code deploy/keycloak}). */
    static final List<String> DEMO_CODES = List.of("0702", "0706", "0714", "0716");

    static final Duration SERVICE_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final KeycloakResource keycloak;
    private final String keycloakUrl;
    private final String serviceUrl;
    private final Path dataDir;
    private final Path serviceLog;
    private Process service;

    private DemoStack(KeycloakResource keycloak, String keycloakUrl, String serviceUrl, Path dataDir, Path log) {
        this.keycloak = keycloak;
        this.keycloakUrl = keycloakUrl;
        this.serviceUrl = serviceUrl;
        this.dataDir = dataDir;
        this.serviceLog = log;
    }

    /** The Keycloak base URL, e.g. {@code http://127.0.0.1:41234}; realms are {@code kommune-<code>}. */
    public String keycloakUrl() {
        return keycloakUrl;
    }

    /** The service's base URL, e.g. {@code http://127.0.0.1:41235} (no trailing slash). */
    public String serviceUrl() {
        return serviceUrl;
    }

    public int servicePort() {
        return URI.create(serviceUrl).getPort();
    }

    /** The access token of a demo user (password grant), for API calls beside the browser. */
    public String token(String code, String username) {
        return KeycloakTokens.password(keycloakUrl, code, username);
    }

    static DemoStack start() throws Exception {
        int port = KeycloakResource.freePort();
        String serviceUrl = "http://127.0.0.1:" + port;
        KeycloakResource keycloak = new KeycloakResource(serviceUrl);
        Map<String, String> config = keycloak.start();
        Path dataDir = null;
        DemoStack stack = null;
        try {
            dataDir = Files.createTempDirectory("samkost-e2e-pg");
            Path log = Path.of("target", "samkost-e2e-service.log").toAbsolutePath();
            stack = new DemoStack(keycloak, config.get(KeycloakResource.KEYCLOAK_URL), serviceUrl, dataDir, log);
            stack.startService(config.get(KeycloakResource.TENANTS_DIR), port);
            return stack;
        } catch (Exception | Error e) {
            if (stack != null) {
                stack.close();
            } else {
                keycloak.stop();
                KeycloakResource.deleteQuietly(dataDir);
            }
            throw e;
        }
    }

    private void startService(String tenantsDir, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsamkost.embedded.data-dir=" + dataDir,
                "-Dsamkost.tenants.dir=" + tenantsDir,
                // Redirects and links name the test's service, not the demo's 127.0.0.1:8080.
                "-Dsamkost.http.public-base-url=" + serviceUrl,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serviceLog.toFile());
        // The browser login's client secrets of the demo realms, as deploy/local/run.sh sets them
        // (the tenant files name these variables in oidc.webLogin.clientSecretEnv).
        for (String code : DEMO_CODES) {
            builder.environment().put("SAMKOST_WEB_SECRET_" + code, "demo-web-secret-" + code);
        }
        service = builder.start();
        KeycloakResource.awaitOk(
                URI.create(serviceUrl + "/q/health/ready"),
                service,
                "the service",
                SERVICE_STARTUP_TIMEOUT,
                serviceLog);
    }

    /** The service first (SIGTERM: it stops its embedded PostgreSQL on the way out), then Keycloak. */
    @Override
    public void close() {
        try {
            if (service != null) {
                service.destroy();
                if (!service.waitFor(SERVICE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
                service = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            keycloak.stop();
            KeycloakResource.deleteQuietly(dataDir);
        }
    }

    /**
     * Resolves a {@link DemoStack} parameter: the one of this JVM, started on first use. A start
     * that failed is not retried: every later class fails at once with the same cause instead of
     * waiting for Keycloak again.
     */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DemoStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared();
        }
    }

    private static DemoStack shared;
    private static RuntimeException failure;

    /**
     * This JVM's stack, started on first use and stopped when the JVM exits (a shutdown hook:
     * Failsafe runs each test class in a launch of its own, so no JUnit store outlives a class).
     */
    static synchronized DemoStack shared() {
        if (failure != null) {
            throw failure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception e) {
                failure = new IllegalStateException("the demo stack did not start: " + e, e);
                throw failure;
            }
            DemoStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "demo-stack-stop"));
        }
        return shared;
    }
}
