package no.samkost.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bad rows of one CSV import, for the one problem that rejects it: every bad row is counted,
 * the first {@link #MAX_LISTED} by row number are listed, so a file of a million bad rows neither
 * fills the memory nor the answer.
 */
public final class RowErrors {

    public static final int MAX_LISTED = 1000;

    private final List<Problem.Violation> listed = new ArrayList<>();
    private long count;

    /** A bad row found while reading, in row order; {@code field} is its one bad column, or null. */
    public void add(String field, long row, String message) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(new Problem.Violation(field, (int) row, message));
        }
    }

    public void add(long row, String message) {
        add(null, row, message);
    }

    /** How a query's row becomes a row's message. */
    public interface RowMessage {
        String of(ResultSet row) throws SQLException;
    }

    /**
     * Adds the bad rows a query over staged rows finds and answers how many it found in all. The
     * query's first column is the row number, its last {@code count(*) over ()}; its first parameter
     * is the municipality's id and its second the {@code limit}.
     */
    public long addFound(Connection connection, String query, String municipalityId, String field, RowMessage message)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(query)) {
            rows.setString(1, municipalityId);
            rows.setInt(2, MAX_LISTED);
            long total = 0;
            try (ResultSet rs = rows.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    listed.add(new Problem.Violation(field, rs.getInt(1), message.of(rs)));
                    total = rs.getLong(columns);
                }
            }
            count += total;
            return total;
        }
    }

    public long count() {
        return count;
    }

    /** The first {@link #MAX_LISTED} bad rows, by row number. */
    public List<Problem.Violation> listed() {
        listed.sort(Comparator.comparing(Problem.Violation::row));
        return listed.size() > MAX_LISTED ? List.copyOf(listed.subList(0, MAX_LISTED)) : List.copyOf(listed);
    }

    /** The problem that rejects the whole import of {@code rows} data rows. */
    public ProblemException rejection(long rows) {
        List<Problem.Violation> first = listed();
        return new ProblemException(
                ProblemType.IMPORT_REJECTED,
                count + " of " + rows + " rows are bad"
                        + (count > first.size() ? "; the first " + first.size() + " are listed" : "")
                        + "; nothing was imported"
                        + (first.stream().anyMatch(e -> e.message().contains("UTF-8"))
                                ? ". Some rows hold bytes that are not UTF-8: save the file as UTF-8"
                                : ""),
                first);
    }
}
