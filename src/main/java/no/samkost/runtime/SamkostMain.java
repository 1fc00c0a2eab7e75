package no.samkost.runtime;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the service. With no database configured (the default run on a machine with only a JDK)
 * it first starts a private PostgreSQL under {@code samkost.embedded.data-dir}; in production
 * {@code QUARKUS_DATASOURCE_JDBC_URL} points at a real one and nothing embedded starts.
 */
@QuarkusMain
public final class SamkostMain {

    private static final Logger LOG = Logger.getLogger(SamkostMain.class);

    private SamkostMain() {}

    public static void main(String... args) throws Exception {
        if (databaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        Path dataDir = Path.of(setting(
                "samkost.embedded.data-dir",
                Path.of(System.getProperty("user.home"), ".samkost", "pgdata").toString()));
        long started = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Durability.DURABLE);
        database.quarkusConfig().forEach(System::setProperty);
        // If PostgreSQL dies, bring it back; if it cannot come back, stop, so that a supervisor
        // (systemd, Kubernetes, the person at run.sh) restarts both together.
        database.supervise(Duration.ofSeconds(1), () -> Quarkus.asyncExit(70));
        // The embedded run is the local demo: load the demo data on its first start, unless told not to.
        if (setting("samkost.demo.enabled", null) == null) {
            System.setProperty("samkost.demo.enabled", "true");
        }
        LOG.infof(
                "embedded PostgreSQL ready in %d ms, data in %s (durable: fsync and synchronous commit on)",
                (System.nanoTime() - started) / 1_000_000, dataDir.toAbsolutePath());

        // On SIGTERM the JVM runs Quarkus's shutdown hook and this one concurrently: stop PostgreSQL
        // only after the service has let go of its connections.
        CountDownLatch serviceStopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            database.stopSupervising();
                            try {
                                serviceStopped.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            database.close();
                        },
                        "embedded-postgres-stop"));
        int[] exitCode = {0};
        Quarkus.run(
                Service.class,
                (code, failure) -> {
                    if (failure != null) {
                        LOG.error("samkost stopped with an error", failure);
                    }
                    exitCode[0] = code;
                    serviceStopped.countDown();
                },
                args);
        serviceStopped.countDown();
        System.exit(exitCode[0]);
    }

    /** The service itself: serve until told to stop. */
    public static final class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    private static boolean databaseConfigured() {
        return setting("quarkus.datasource.jdbc.url", null) != null;
    }

    /** A system property, else its environment variable form (QUARKUS_DATASOURCE_JDBC_URL). */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
