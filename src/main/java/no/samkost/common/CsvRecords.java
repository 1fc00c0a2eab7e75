package no.samkost.common;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 CSV one record at a time from a stream, so an import of a million lines never
 * holds more than one record in memory. Quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF and LF both end a record; a leading byte order mark is skipped. Every import reads
 * its file through it, header first, then {@link #eachDataRow}.
 */
public final class CsvRecords {

    /** A record whose quotes are unbalanced or that is absurdly long. */
    public static final class MalformedRecord extends Exception {
        MalformedRecord(String message) {
            super(message);
        }
    }

    public static final int MAX_FIELD = 10_000;
    /** No record of ours has more; a line of a million commas must not become a million strings. */
    public static final int MAX_FIELDS = 16;

    private final Reader in;
    private int peeked = -2;
    private boolean first = true;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** The first line as written (its fields joined by commas, trimmed), or empty when it is missing or malformed. */
    public Optional<String> header() throws IOException {
        try {
            List<String> header = next();
            return header == null
                    ? Optional.empty()
                    : Optional.of(String.join(",", header).trim());
        } catch (MalformedRecord e) {
            return Optional.empty();
        }
    }

    /** What an import does with one data row: check it, then stage it or add it to the bad rows. */
    public interface DataRow {
        void accept(long row, List<String> fields) throws SQLException;
    }

    /**
     * Every data row after the header, numbered from 1 as a person counts them in the file; an
     * empty line (e.g. at the end) is no row, a malformed one is a bad row. Answers how many rows.
     */
    public long eachDataRow(RowErrors errors, DataRow each) throws IOException, SQLException {
        long row = 0;
        while (true) {
            List<String> fields;
            try {
                fields = next();
            } catch (MalformedRecord e) {
                errors.add(++row, e.getMessage());
                continue;
            }
            if (fields == null) {
                return row;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // a line of spaces or tabs is not empty: a bad row
            }
            each.accept(++row, fields);
        }
    }

    /** The next record's fields, or null at the end of the input. */
    public List<String> next() throws IOException, MalformedRecord {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>(5);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String problem = null;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedRecord("a quoted field is not closed");
                } else if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (fields.size() >= MAX_FIELDS) {
                    skipRecord();
                    throw new MalformedRecord("more than " + MAX_FIELDS + " columns");
                }
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        unread(next);
                    }
                }
                fields.add(field.toString());
                if (problem != null) {
                    throw new MalformedRecord(problem);
                }
                return fields;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"' || wasQuoted) {
                problem = "a quote may only enclose a whole field";
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                skipRecord();
                throw new MalformedRecord("a field is longer than " + MAX_FIELD + " characters");
            }
            c = read();
        }
    }

    private void skipRecord() throws IOException {
        int c;
        do {
            c = read();
        } while (c != -1 && c != '\n');
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }
}
