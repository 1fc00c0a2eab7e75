package no.samkost.costs;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.BodyLimits;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.LimitedInputStream;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.costs.CostDtos.ImportResult;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.Municipality;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Imports a CSV of cost lines, all rows or none, streaming: each row is checked as it is read and
 * copied into a transaction-local staging table; unknown recipients are then found with one query,
 * and the rows move into the ledger with one INSERT ... SELECT. Nothing is kept in memory per row
 * except the first bad rows to report. Any bad row rolls the whole transaction back.
 *
 * <p>Staging is needed because PostgreSQL refuses COPY into a table with row-level security; the
 * final INSERT runs under the municipality's policy like any other write.
 */
@ApplicationScoped
public class CostImport {

    public static final String HEADER = "recipient_ref,period,category,amount,note";
    static final int MAX_LISTED_ERRORS = 1000;
    private static final String OPERATION = "costs.import";
    private static final int COPY_CHUNK = 1 << 16;

    private final EntityManager entityManager;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;
    private final long csvLimit;

    public CostImport(
            EntityManager entityManager,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock,
            BodyLimits limits) {
        this.csvLimit = limits.csv().asLongValue();
        this.entityManager = entityManager;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    /**
     * One transaction for the whole file, so its timeout is chosen here rather than inherited from
     * the 60 s default meant for ordinary requests: a million lines take about 20 s on two loaded
     * cores, the largest body allowed several minutes.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "samkost.import.transaction-timeout-seconds")
    public ImportResult importCsv(InputStream body, Optional<String> idempotencyKey) {
        MessageDigest sha256 = sha256();
        DigestInputStream digesting = new DigestInputStream(new LimitedInputStream(body, csvLimit), sha256);
        if (idempotencyKey.isPresent()) {
            // A retry is recognised by its bytes, so they are hashed only when the key was seen before.
            Optional<ImportResult> earlier = idempotency.earlierResponse(
                    OPERATION, idempotencyKey.get(), () -> new BodyHash(hashOf(digesting, sha256)), ImportResult.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Municipality municipality = current.require();
        UUID importId = UUID.randomUUID();
        ImportResult result = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try {
                return stageCheckAndInsert(connection, municipality, importId, digesting);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        idempotencyKey.ifPresent(key ->
                idempotency.remember(OPERATION, key, new BodyHash(HexFormat.of().formatHex(sha256.digest())), result));
        audit.record("cost.import", result.imported() + " lines, import " + importId);
        return result;
    }

    /** The body's hash stands for the request in the idempotency record. */
    public record BodyHash(String sha256) {}

    private ImportResult stageCheckAndInsert(
            Connection connection, Municipality municipality, UUID importId, InputStream body)
            throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute(
                    "create temporary table cost_import_row (row_number integer not null, recipient_ref text not null,"
                            + " period date not null, category text not null, amount numeric(15,2) not null, note text)"
                            + " on commit drop");
        }
        List<Problem.Violation> errors = new ArrayList<>();
        long[] badRows = {0};
        CopyIn copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy cost_import_row from stdin with (format text)");
        long rows;
        try {
            rows = stage(reader(body), copy, errors, badRows);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        long closed = rowsInClosedYears(connection, municipality, errors);
        badRows[0] += closed;
        badRows[0] += unknownRecipients(connection, municipality, errors);
        if (badRows[0] > 0 && badRows[0] == closed) {
            errors.sort(Comparator.comparing(Problem.Violation::row));
            List<Problem.Violation> listed =
                    errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors;
            throw new ProblemException(
                    ProblemType.YEAR_CLOSED,
                    closed + " of " + rows + " rows are in a closed cost year (its claim is submitted); nothing was"
                            + " imported",
                    listed);
        }
        if (badRows[0] > 0) {
            errors.sort(Comparator.comparing(Problem.Violation::row));
            List<Problem.Violation> listed =
                    errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors;
            throw new ProblemException(
                    ProblemType.IMPORT_REJECTED,
                    badRows[0] + " of " + rows + " rows are bad"
                            + (badRows[0] > listed.size() ? "; the first " + listed.size() + " are listed" : "")
                            + "; nothing was imported"
                            + (listed.stream().anyMatch(e -> e.message().contains("UTF-8"))
                                    ? ". Some rows hold bytes that are not UTF-8: save the file as UTF-8"
                                    : ""),
                    listed);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into cost_line (municipality_id, recipient_id, period, category, amount, note, import_id,
                                       created_at, created_by)
                select ?, r.id, s.period, s.category, s.amount, s.note, ?, ?, ?
                from cost_import_row s
                join recipient r on r.municipality_id = ? and r.ref = s.recipient_ref
                order by s.row_number""")) {
            insert.setString(1, municipality.id());
            insert.setObject(2, importId);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.setString(4, current.subject());
            insert.setString(5, municipality.id());
            int inserted = insert.executeUpdate();
            if (inserted != rows) {
                throw new IllegalStateException("staged " + rows + " rows but inserted " + inserted);
            }
            return new ImportResult(inserted, importId);
        }
    }

    /** Reads, checks and stages every data row; returns the number of data rows. */
    private long stage(BufferedReader in, CopyIn copy, List<Problem.Violation> errors, long[] badRows)
            throws IOException, SQLException {
        CsvRecords records = new CsvRecords(in);
        List<String> header;
        try {
            header = records.next();
        } catch (CsvRecords.MalformedRecord e) {
            header = null;
        }
        if (header == null
                || !(String.join(",", header).trim().equals(HEADER)
                        || String.join(",", header).trim().equals(HEADER.substring(0, HEADER.lastIndexOf(','))))) {
            throw new ProblemException(
                    ProblemType.IMPORT_REJECTED,
                    "the first line must be the header " + HEADER + " (note is optional)",
                    List.of(Problem.Violation.field("header", "expected " + HEADER)));
        }
        int latestYear = Year.now(clock).getValue() + 1;
        StringBuilder buffer = new StringBuilder(COPY_CHUNK + 512);
        long row = 0;
        while (true) {
            List<String> fields;
            row++;
            try {
                fields = records.next();
            } catch (CsvRecords.MalformedRecord e) {
                bad(errors, badRows, row, e.getMessage());
                continue;
            }
            if (fields == null) {
                row--;
                break;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                row--; // an empty line, e.g. at the end of the file (a line of spaces or tabs is a bad row)
                continue;
            }
            if (fields.size() != 4 && fields.size() != 5) {
                bad(errors, badRows, row, "expected 4 or 5 columns (" + HEADER + "), found " + fields.size());
                continue;
            }
            CostLineRules.Checked checked = CostLineRules.check(
                    fields.get(0),
                    fields.get(1),
                    fields.get(2),
                    fields.get(3),
                    fields.size() == 5 ? fields.get(4) : null,
                    latestYear);
            if (!checked.valid()) {
                bad(
                        errors,
                        badRows,
                        row,
                        String.join(
                                "; ",
                                checked.issues().stream()
                                        .map(i -> column(i.field()) + ": " + i.message())
                                        .toList()));
                continue;
            }
            // Staged even after a bad row: the recipient check that follows must see every row.
            appendCopyRow(buffer, row, checked.line());
            if (buffer.length() >= COPY_CHUNK) {
                flush(copy, buffer);
            }
        }
        flush(copy, buffer);
        return row;
    }

    /**
     * Rows in a cost year whose claim is submitted; one query over the staged rows. The database
     * refuses them anyway (V6's trigger); this names the rows.
     */
    private long rowsInClosedYears(Connection connection, Municipality municipality, List<Problem.Violation> errors)
            throws SQLException {
        return rowErrors(
                connection,
                """
                select s.row_number, extract(year from s.period)::integer, count(*) over () as total
                from cost_import_row s
                join closed_cost_year c on c.municipality_id = ? and c.closed
                                       and c.year = extract(year from s.period)::integer
                order by s.row_number
                limit ?""",
                municipality,
                rs -> "period: cost year " + rs.getInt(2) + " is closed (its claim is submitted)",
                errors);
    }

    /** Rows whose recipient is not the caller's; one query over the staged rows. */
    private long unknownRecipients(Connection connection, Municipality municipality, List<Problem.Violation> errors)
            throws SQLException {
        return rowErrors(
                connection,
                """
                select s.row_number, s.recipient_ref, count(*) over () as total
                from cost_import_row s
                where not exists (select 1 from recipient r where r.municipality_id = ? and r.ref = s.recipient_ref)
                order by s.row_number
                limit ?""",
                municipality,
                rs -> "recipient_ref: no recipient '" + rs.getString(2) + "' in your municipality",
                errors);
    }

    private interface RowMessage {
        String of(ResultSet row) throws SQLException;
    }

    /**
     * Lists the first bad rows a query over the staged rows finds (row number first, the total
     * count third) and answers how many there are in all.
     */
    private static long rowErrors(
            Connection connection,
            String query,
            Municipality municipality,
            RowMessage message,
            List<Problem.Violation> errors)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(query)) {
            rows.setString(1, municipality.id());
            rows.setInt(2, MAX_LISTED_ERRORS);
            long total = 0;
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    errors.add(Problem.Violation.row(rs.getInt(1), message.of(rs)));
                    total = rs.getLong(3);
                }
            }
            return total;
        }
    }

    private static void bad(List<Problem.Violation> errors, long[] badRows, long row, String message) {
        badRows[0]++;
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(Problem.Violation.row((int) row, message));
        }
    }

    private static String column(String field) {
        return switch (field) {
            case "recipientRef" -> "recipient_ref";
            default -> field;
        };
    }

    private static void appendCopyRow(StringBuilder out, long row, CostLineRules.ValidLine line) {
        out.append(row).append('\t');
        escape(out, line.recipientRef()).append('\t');
        out.append(line.period().atDay(1)).append('\t');
        out.append(line.category().name()).append('\t');
        out.append(line.amount().toPlainString()).append('\t');
        if (line.note() == null) {
            out.append("\\N");
        } else {
            escape(out, line.note());
        }
        out.append('\n');
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private static StringBuilder escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private static BufferedReader reader(InputStream body) {
        // The decoder reads ahead, so an exception would name a later row than the bad bytes. Each
        // undecodable byte becomes U+FFFD instead, which the row's own check refuses by its number.
        return new BufferedReader(
                new InputStreamReader(
                        body,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
    }

    private static String hashOf(InputStream in, MessageDigest digest) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
