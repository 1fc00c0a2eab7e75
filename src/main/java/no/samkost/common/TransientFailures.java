package no.samkost.common;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Failures that are not the service's fault nor the caller's, and pass: a database that cannot be
 * reached (down, restarting, recovering, or no connection to be had from the pool), and work that
 * ran past its transaction timeout. Both are a 503 the client may retry; anything else is a 500.
 */
public final class TransientFailures {

    /** Seconds a client should wait before it retries; the embedded database is back in about one. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private TransientFailures() {}

    public static boolean databaseUnreachable(Throwable failure) {
        return anyCause(failure, new IdentityHashMap<>());
    }

    /** Causes and suppressed exceptions: a failed commit carries the connection's error as suppressed. */
    private static boolean anyCause(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, true) != null) {
            return false;
        }
        if ((t instanceof SQLException sql && unreachable(sql))
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (anyCause(suppressed, seen)) {
                return true;
            }
        }
        return anyCause(t.getCause(), seen);
    }

    /**
     * Whether the transaction's timeout ended the work: the transaction reaper cancels the running
     * statement (57014) or the commit finds the transaction already rolled back.
     */
    public static boolean timedOut(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
            // Only the reaper's own marks: a RollbackException alone may be a connection lost at commit.
            if (String.valueOf(t.getMessage()).contains("ARJUNA016102")) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's "Acquisition timeout while waiting for new connection" carries no state.
            return String.valueOf(e.getMessage()).startsWith("Acquisition timeout");
        }
        // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
