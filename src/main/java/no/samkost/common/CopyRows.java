package no.samkost.common;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a transaction's staging table with {@code COPY ... FROM STDIN} (text format),
 * a chunk at a time, so an import holds no more than a chunk in memory. PostgreSQL refuses COPY
 * into a table with row-level security, so an import stages into a temporary table and moves the
 * rows on with an INSERT ... SELECT that runs under the municipality's policy.
 */
public final class CopyRows implements AutoCloseable {

    private static final int CHUNK = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 512);

    public CopyRows(Connection connection, String copyFromStdin) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyFromStdin);
    }

    /** One row, its values in the table's column order; null is SQL NULL. */
    public void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof BigDecimal number) {
                buffer.append(number.toPlainString());
            } else if (value instanceof Enum<?> constant) {
                buffer.append(constant.name());
            } else {
                escape(value.toString());
            }
        }
        buffer.append('\n');
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    /** Sends what is left and ends the COPY. */
    public void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    /** Cancels a COPY that was not finished (a failure while reading), so the connection can go on. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
