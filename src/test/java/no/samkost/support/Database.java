package no.samkost.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Raw SQL beside the service: as the superuser (to look) or as the service's own runtime role. */
public final class Database {

    private Database() {}

    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue(PostgresResource.SUPERUSER_URL, String.class));
    }

    /** The same role and password the service uses: RLS applies. */
    public static Connection runtimeRole() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * Tables that carry the tenant column, from the catalog, so new tables are covered. (That every
     * table but the migration history carries it is DatabaseWallTest's business.)
     */
    public static List<String> tenantTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t using (table_schema, table_name)
                        where c.table_schema = 'public' and c.column_name = 'municipality_id'
                          and t.table_type = 'BASE TABLE'
                        order by 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** A fingerprint of every tenant-owned row, to prove a refused request changed nothing. */
    public static Map<String, String> fingerprint() throws SQLException {
        return fingerprintExcept();
    }

    /**
     * The same without some tables: a read that is answered writes its audit entry, so a walk that
     * may be answered leaves {@code audit_entry} out and compares everything else.
     */
    public static Map<String, String> fingerprintExcept(String... excluded) throws SQLException {
        Map<String, String> fingerprint = fingerprintOfAll();
        for (String table : excluded) {
            if (fingerprint.remove(table) == null) {
                throw new IllegalArgumentException("no tenant table " + table);
            }
        }
        return fingerprint;
    }

    private static Map<String, String> fingerprintOfAll() throws SQLException {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            for (String table : tenantTables(c)) {
                try (ResultSet rs = s.executeQuery(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                                + table + " t")) {
                    rs.next();
                    fingerprint.put(table, rs.getString(1));
                }
            }
        }
        return fingerprint;
    }

    /** A fingerprint of one municipality's rows in every tenant table. */
    public static Map<String, String> fingerprintOf(String municipality) throws SQLException {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        try (Connection c = superuser()) {
            for (String table : tenantTables(c)) {
                try (var query = c.prepareStatement(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                                + table + " t where municipality_id = ?")) {
                    query.setString(1, municipality);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        fingerprint.put(table, rs.getString(1));
                    }
                }
            }
        }
        return fingerprint;
    }

    /** The one text value a query answers. */
    public static String text(String sql, Object... parameters) throws SQLException {
        return single(sql, parameters, rs -> rs.getString(1));
    }

    public static long count(String sql, Object... parameters) throws SQLException {
        return single(sql, parameters, rs -> rs.getLong(1));
    }

    private interface Column<T> {
        T of(ResultSet rs) throws SQLException;
    }

    private static <T> T single(String sql, Object[] parameters, Column<T> column) throws SQLException {
        try (Connection c = superuser();
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return column.of(rs);
            }
        }
    }
}
