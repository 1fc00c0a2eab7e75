package no.samkost.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import no.samkost.runtime.EmbeddedDatabase;
import no.samkost.runtime.EmbeddedDatabase.Durability;

/**
 * A private, real PostgreSQL per test application, set up exactly like the default run: Flyway as
 * the owner, the service as the unprivileged runtime role. Tests that need to look behind the
 * service's back get a superuser URL ({@code samkost.test.superuser-jdbc-url}) and the data
 * directory ({@code samkost.test.embedded-data-dir}).
 *
 * <p>Test suites keep the library's fast settings (no fsync); under {@link DurableDatabaseProfile}
 * the database runs as the default run starts it: durable and supervised.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String SUPERUSER_URL = "samkost.test.superuser-jdbc-url";
    public static final String DATA_DIR = "samkost.test.embedded-data-dir";

    private EmbeddedDatabase database;
    private Path dataDir;
    private boolean durable;

    @Override
    public void setContext(Context context) {
        durable = DurableDatabaseProfile.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("samkost-test-pg");
            database = EmbeddedDatabase.start(dataDir, durable ? Durability.DURABLE : Durability.FAST);
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
        if (durable) {
            database.supervise(Duration.ofMillis(200), () -> {});
        }
        Map<String, String> config = new HashMap<>(database.quarkusConfig());
        config.put(SUPERUSER_URL, database.superuserJdbcUrl());
        config.put(DATA_DIR, dataDir.toString());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temp directory is untidy, not wrong.
            }
        }
    }
}
