package no.samkost.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A member's cost year closed or opened as its sign-off, or the auditor's return, would leave it,
 * for tests of what other members may see of a closed year (their grants) without a signed claim
 * to build first. Written as the database's superuser; a test that closes a year other tests write
 * opens it again when it is done.
 */
public final class ClosedYears {

    private ClosedYears() {}

    /** The year of every 3K member (Re, Hof, Holmestrand) closed or opened. */
    public static void setFor3k(int year, boolean closed) {
        for (String member : List.of("re", "hof", "holmestrand")) {
            set(member, year, closed);
        }
    }

    /** {@code municipalityId} as the tenant file names it ("re", "hof", "holmestrand"). */
    public static void set(String municipalityId, int year, boolean closed) {
        try (Connection c = Database.superuser();
                PreparedStatement s = c.prepareStatement(
                        "insert into closed_cost_year (municipality_id, year, closed, changed_at, changed_by)"
                                + " values (?, ?, ?, now(), 'test') on conflict (municipality_id, year)"
                                + " do update set closed = excluded.closed")) {
            s.setString(1, municipalityId);
            s.setInt(2, year);
            s.setBoolean(3, closed);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
