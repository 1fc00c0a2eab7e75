package no.samkost.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import no.samkost.runtime.EmbeddedDatabase;

/**
 * A private, real PostgreSQL per test application, set up exactly like the default run: Flyway as
 * the owner, the service as the unprivileged runtime role. Tests that need to look behind the
 * service's back get a superuser URL ({@code samkost.test.superuser-jdbc-url}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String SUPERUSER_URL = "samkost.test.superuser-jdbc-url";

    private EmbeddedDatabase database;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("samkost-test-pg");
            database = EmbeddedDatabase.start(dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
        Map<String, String> config = new HashMap<>(database.quarkusConfig());
        config.put(SUPERUSER_URL, database.superuserJdbcUrl());
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
