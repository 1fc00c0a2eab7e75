package no.samkost.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A private PostgreSQL for the default run and for tests, laid out like production: a database
 * owned by {@value #OWNER} (Flyway migrates as it) and a runtime role {@value #APP} that owns
 * nothing and is neither superuser nor BYPASSRLS, so row-level security applies to the service.
 * Passwords are random per start; nothing secret is committed.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "samkost";
    public static final String OWNER = "samkost_owner";
    public static final String APP = "samkost_app";

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String ownerPassword = randomPassword();
    private final String appPassword = randomPassword();

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (or restarts on existing data in) {@code dataDir} and makes sure the roles exist. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                // Never "clean": zonky would delete the data directory when it stops. It runs initdb
                // itself when the directory holds no cluster yet.
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "50")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.prepareRoles();
        return database;
    }

    private void prepareRoles() throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            ensureRole(c, OWNER, ownerPassword, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            ensureRole(c, APP, appPassword, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                if (!exists.executeQuery().next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
        }
    }

    private static void ensureRole(Connection c, String role, String password, String attributes) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                exists.setString(1, role);
                String verb = exists.executeQuery().next() ? "ALTER" : "CREATE";
                // Role names are constants and the password is hex, so the literal is safe.
                s.execute(verb + " ROLE " + role + " " + attributes + " PASSWORD '" + password + "'");
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String superuserJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE + "?user=postgres";
    }

    /** Quarkus configuration pointing the service at this database. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", APP);
        config.put("quarkus.datasource.password", appPassword);
        config.put("quarkus.flyway.username", OWNER);
        config.put("quarkus.flyway.password", ownerPassword);
        return config;
    }

    /** Stops PostgreSQL; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
