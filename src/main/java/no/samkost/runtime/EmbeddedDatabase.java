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
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * A private PostgreSQL for the default run and for tests, laid out like production: a database
 * owned by {@value #OWNER} (Flyway migrates as it) and a runtime role {@value #APP} that owns
 * nothing and is neither superuser nor BYPASSRLS, so row-level security applies to the service.
 * Passwords are random per start; nothing secret is committed.
 *
 * <p>The library it builds on is made for tests: it starts PostgreSQL with {@code -F} (no fsync)
 * and {@code synchronous_commit=off}, so an answered write can vanish when the process dies. A
 * {@link Durability#DURABLE} database sets both back on; only test suites ask for
 * {@link Durability#FAST}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "samkost";
    public static final String OWNER = "samkost_owner";
    public static final String APP = "samkost_app";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration RESTART_GIVE_UP = Duration.ofSeconds(60);

    /** What a commit promises. */
    public enum Durability {
        /** A commit is on disk before it is answered (fsync on, synchronous commit on): the run. */
        DURABLE,
        /** The library's test settings: fast, and a crash may lose the last commits. Tests only. */
        FAST
    }

    private final Path dataDir;
    private final Durability durability;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String ownerPassword = randomPassword();
    private final String appPassword = randomPassword();
    private volatile EmbeddedPostgres postgres;
    private volatile ScheduledExecutorService supervisor;
    /** The postmaster and its backends as last seen alive: a restart waits until all are gone. */
    private volatile List<ProcessHandle> lastSeen = List.of();

    private EmbeddedDatabase(Path dataDir, Durability durability, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.durability = durability;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /** Starts (or restarts on existing data in) {@code dataDir} and makes sure the roles exist. */
    public static EmbeddedDatabase start(Path dataDir, Durability durability) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedDatabase database = new EmbeddedDatabase(dataDir, durability, launch(dataDir, durability, 0));
        database.prepareRoles();
        return database;
    }

    private static EmbeddedPostgres launch(Path dataDir, Durability durability, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                // Never "clean": the library would delete the data directory when it stops. It runs
                // initdb itself when the directory holds no cluster yet.
                .setCleanDataDirectory(false)
                // Stopped by its owner (SamkostMain, the test resource) after the service, not by a hook racing it.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "50")
                // Crash recovery after a large import can take longer than the library's 10 s.
                .setPGStartupWait(Duration.ofMinutes(5));
        if (port > 0) {
            builder.setPort(port);
        }
        if (durability == Durability.DURABLE) {
            // Options given with -c come after the library's -F on the command line, so they win.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder.start();
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

    /**
     * The service owns this database process: checks every {@code interval} that it is alive and,
     * if it died, starts it again on the same port and data (PostgreSQL's crash recovery replays the
     * WAL, so every answered commit is there). The connection pool reconnects by itself. If it cannot
     * come back within a minute, {@code giveUp} runs, so whatever runs the service restarts both.
     */
    public void supervise(Duration interval, Runnable giveUp) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        supervisor = executor;
        executor.scheduleWithFixedDelay(
                () -> {
                    // Ctrl-C reaches PostgreSQL too (same process group) and stops it while the JVM
                    // shuts down: that is no crash to recover from.
                    if (closed.get() || jvmShuttingDown()) {
                        return;
                    }
                    Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
                    if (postmaster.isPresent()) {
                        List<ProcessHandle> processes = new java.util.ArrayList<>(
                                postmaster.get().descendants().toList());
                        processes.add(postmaster.get());
                        lastSeen = List.copyOf(processes);
                    } else {
                        restart(giveUp);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void restart(Runnable giveUp) {
        LOG.errorf(
                "the embedded PostgreSQL in %s has stopped unexpectedly; requests that need it answer 503 until it is"
                        + " back; starting it again on port %d",
                dataDir.toAbsolutePath(), port);
        long started = System.nanoTime();
        closeQuietly(postgres);
        // A backend of the dead postmaster still holds its shared memory until it notices and exits;
        // a new postmaster would refuse to start beside it.
        long deadline = started + RESTART_GIVE_UP.toNanos();
        while (lastSeen.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        if (closed.get()) {
            return;
        }
        try {
            // One attempt: the library keeps its lock on the data directory when a start fails, so a
            // second attempt in this JVM could not succeed. Whatever runs the service restarts both.
            postgres = launch(dataDir, durability, port);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "the embedded PostgreSQL could not be started again; stopping the service");
            giveUp.run();
            return;
        }
        if (closed.get()) {
            closeQuietly(postgres);
            return;
        }
        LOG.infof(
                "the embedded PostgreSQL is back after %d ms; crash recovery replayed its WAL",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops watching over the process, e.g. first thing when the service shuts down. */
    public void stopSupervising() {
        ScheduledExecutorService running = supervisor;
        if (running != null) {
            running.shutdownNow();
        }
    }

    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    /** The postmaster's process id while it runs. */
    public Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(EmbeddedDatabase::notAZombie)
                    .map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A dead child the JVM has not reaped (when the JVM is PID 1) still counts as alive. */
    private static boolean notAZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // no /proc (not Linux): trust isAlive
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String superuserJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=postgres";
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

    /** Stops supervision and PostgreSQL; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopSupervising();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres dead) {
        try {
            // Releases the library's lock on the data directory; stopping the dead server fails, as expected.
            dead.close();
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "closing the stopped embedded PostgreSQL");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
