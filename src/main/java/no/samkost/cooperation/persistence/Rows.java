package no.samkost.cooperation.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Small JDBC helpers shared by the persistence classes. */
final class Rows {

    private Rows() {}

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> list(PreparedStatement query, Mapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }

    static <T> T single(PreparedStatement query, Mapper<T> mapper) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return mapper.map(rs);
        }
    }

    static java.sql.Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    /** Months as their first days, for a {@code ?::date[]} parameter. */
    static java.sql.Array months(Connection connection, Collection<YearMonth> months) throws SQLException {
        return connection.createArrayOf(
                "text", months.stream().map(m -> m.atDay(1).toString()).toArray());
    }
}
