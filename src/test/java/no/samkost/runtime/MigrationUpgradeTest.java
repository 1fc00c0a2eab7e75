package no.samkost.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import no.samkost.runtime.EmbeddedDatabase.Durability;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrades happen in place: the newest migration runs on a database full of the previous version's
 * data (src/test/resources/db/upgrade/V{previous}.sql), keeps every row, and leaves the claim totals
 * agreeing with the ledger. A new migration needs a fixture for the version before it, or this fails.
 */
class MigrationUpgradeTest {

    static Path dataDir;
    static EmbeddedDatabase database;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("samkost-upgrade-pg");
        database = EmbeddedDatabase.start(dataDir, Durability.FAST);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static Flyway flyway(String target) {
        Map<String, String> config = database.quarkusConfig();
        var configuration = Flyway.configure()
                .dataSource(
                        config.get("quarkus.datasource.jdbc.url"),
                        config.get("quarkus.flyway.username"),
                        config.get("quarkus.flyway.password"))
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", EmbeddedDatabase.APP));
        return (target == null ? configuration : configuration.target(target)).load();
    }

    @Test
    void theNewestMigrationRunsOnTheLastVersionsDataAndKeepsEveryRow() throws Exception {
        MigrationInfo[] all = flyway(null).info().all();
        assertThat(all.length).isGreaterThanOrEqualTo(2);
        String previous = all[all.length - 2].getVersion().getVersion();
        String fixture = "/db/upgrade/V" + previous + ".sql";
        var sql = getClass().getResourceAsStream(fixture);
        assertThat(sql)
                .as("a database full of V" + previous + "'s data to upgrade: add " + fixture)
                .isNotNull();

        flyway(previous).migrate();
        try (Connection c = owner();
                Statement s = c.createStatement()) {
            s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Long> before = rowCounts();
        assertThat(before.values()).allMatch(n -> n > 0);

        flyway(null).migrate();

        // Every table that was there keeps its rows; tables the migration adds may start empty.
        assertThat(rowCounts()).containsAllEntriesOf(before);
        try (Connection c = superuser();
                Statement s = c.createStatement();
                ResultSet disagreeing = s.executeQuery(
                        """
                        select count(*) from (
                          select municipality_id, recipient_id, extract(year from period)::integer as year,
                                 sum(amount) filter (where category in ('DIRECT_WAGES', 'PURCHASED_SERVICES',
                                                                        'JOINT_SERVICE')) as wages
                          from cost_line group by 1, 2, 3) l
                        full join cost_year_total t using (municipality_id, recipient_id, year)
                        where coalesce(l.wages, 0) <> coalesce(t.direct_wage_costs, 0)""")) {
            disagreeing.next();
            assertThat(disagreeing.getLong(1))
                    .as("totals that disagree with the ledger")
                    .isZero();
        }
        // The monthly totals (V8) are the ledger's months, to the øre, for every line there was.
        try (Connection c = superuser();
                Statement s = c.createStatement();
                ResultSet disagreeing = s.executeQuery(
                        """
                        select count(*) from (
                          select municipality_id, recipient_id, period, count(*) as lines,
                                 sum(amount) filter (where category in ('DIRECT_WAGES', 'PURCHASED_SERVICES',
                                                                        'JOINT_SERVICE')) as wages,
                                 sum(amount) filter (where category = 'USER_PAYMENT') as users
                          from cost_line group by 1, 2, 3) l
                        full join cost_month_total m using (municipality_id, recipient_id, period)
                        where coalesce(l.wages, 0) <> coalesce(m.direct_wage_costs, -1)
                           or coalesce(l.users, 0) <> coalesce(m.user_payments, -1)
                           or coalesce(l.lines, 0) <> coalesce(m.lines, -1)""")) {
            disagreeing.next();
            assertThat(disagreeing.getLong(1))
                    .as("monthly totals that disagree with the ledger")
                    .isZero();
        }
        // Placements keep their state (V7): every confirmed one has its usage, and only those.
        try (Connection c = superuser();
                Statement s = c.createStatement();
                ResultSet placements = s.executeQuery(
                        "select count(*) filter (where (status = 'CONFIRMED') <> (usage_hours_per_week is not null)),"
                                + " count(*) filter (where status = 'CONFIRMED') from placement")) {
            placements.next();
            assertThat(placements.getLong(1))
                    .as("placements whose usage does not fit their state")
                    .isZero();
            assertThat(placements.getLong(2)).isPositive();
        }
        // No stored JOINT_SERVICE note tells a home the month's wages (redacted by V7, issue 9 B).
        try (Connection c = superuser();
                Statement s = c.createStatement();
                ResultSet notes = s.executeQuery("select count(*) filter (where note like '%direct wages%'),"
                        + " count(*) filter (where note like '%attribution reference 3k/%/2023-01%')"
                        + " from cost_line where category = 'JOINT_SERVICE'")) {
            notes.next();
            assertThat(notes.getLong(1)).as("notes naming the wages").isZero();
            assertThat(notes.getLong(2))
                    .as("notes with the attribution reference instead")
                    .isEqualTo(1);
        }
        // And the upgraded database still takes a write through the ledger, as the service's role.
        try (Connection c = runtimeRole();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select set_config('app.municipality', 're', true)");
            s.executeUpdate("insert into cost_line (municipality_id, recipient_id, period, category, amount,"
                    + " created_at, created_by) values ('re', '11111111-0000-0000-0000-000000000001', '2023-06-01',"
                    + " 'DIRECT_WAGES', 0.01, now(), 'u')");
            try (ResultSet total = s.executeQuery("select direct_wage_costs from cost_year_total"
                    + " where recipient_id = '11111111-0000-0000-0000-000000000001' and year = 2023")) {
                total.next();
                assertThat(total.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("3000000.01"));
            }
            // ... and the estimate's tables (V8) take the coordinator's expectation and a forecast.
            s.executeUpdate("insert into estimate_override (municipality_id, cost_year, recipient_id, end_month,"
                    + " version, changed_at, changed_by) values ('re', 2023, '11111111-0000-0000-0000-000000000001',"
                    + " 10, 0, now(), 'u')");
            s.executeUpdate("insert into claim_forecast (municipality_id, id, cost_year, label, snapshot,"
                    + " snapshot_sha256, made_at, made_by) values ('re', gen_random_uuid(), 2023, 'April',"
                    + " '{}', encode(sha256(convert_to('{}', 'UTF8')), 'hex'), now(), 'u')");
            c.rollback();
        }
    }

    static Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = superuser();
                Statement s = c.createStatement();
                ResultSet tables = s.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename <> 'flyway_schema_history' order by 1")) {
            var names = new java.util.ArrayList<String>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static Connection owner() throws Exception {
        return connect("quarkus.flyway");
    }

    static Connection runtimeRole() throws Exception {
        return connect("quarkus.datasource");
    }

    /** As the role the service's configuration names under {@code prefix}. */
    static Connection connect(String prefix) throws Exception {
        Map<String, String> config = database.quarkusConfig();
        return DriverManager.getConnection(
                config.get("quarkus.datasource.jdbc.url"),
                config.get(prefix + ".username"),
                config.get(prefix + ".password"));
    }

    static Connection superuser() throws Exception {
        return DriverManager.getConnection(database.superuserJdbcUrl());
    }
}
