package no.samkost.costs;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.CopyRows;
import no.samkost.common.CsvImports;
import no.samkost.common.CsvRecords;
import no.samkost.common.ImportResult;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.common.RowErrors;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.Municipality;

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
    private static final String OPERATION = "costs.import";

    private final CsvImports imports;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public CostImport(CsvImports imports, AuditTrail audit, CurrentMunicipality current, Clock clock) {
        this.imports = imports;
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
        Municipality municipality = current.require();
        return imports.run(
                OPERATION,
                body,
                idempotencyKey,
                (connection, importId, records) -> stageCheckAndInsert(connection, municipality, importId, records),
                result -> audit.record("cost.import", result.imported() + " lines, import " + result.importId()));
    }

    private ImportResult stageCheckAndInsert(
            Connection connection, Municipality municipality, UUID importId, CsvRecords records)
            throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute(
                    "create temporary table cost_import_row (row_number integer not null, recipient_ref text not null,"
                            + " period date not null, category text not null, amount numeric(15,2) not null, note text)"
                            + " on commit drop");
        }
        RowErrors errors = new RowErrors();
        long rows;
        try (CopyRows copy = new CopyRows(connection, "copy cost_import_row from stdin with (format text)")) {
            rows = stage(records, copy, errors);
            copy.finish();
        }
        long closed = rowsInClosedYears(connection, municipality, errors);
        unknownRecipients(connection, municipality, errors);
        if (errors.count() > 0 && errors.count() == closed) {
            throw new ProblemException(
                    ProblemType.YEAR_CLOSED,
                    closed + " of " + rows + " rows are in a closed cost year (its claim is submitted); nothing was"
                            + " imported",
                    errors.listed());
        }
        if (errors.count() > 0) {
            throw errors.rejection(rows);
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
    private long stage(CsvRecords records, CopyRows copy, RowErrors errors) throws IOException, SQLException {
        Optional<String> header = records.header();
        if (header.isEmpty()
                || !(header.get().equals(HEADER)
                        || header.get().equals(HEADER.substring(0, HEADER.lastIndexOf(','))))) {
            throw new ProblemException(
                    ProblemType.IMPORT_REJECTED,
                    "the first line must be the header " + HEADER + " (note is optional)",
                    List.of(Problem.Violation.field("header", "expected " + HEADER)));
        }
        int latestYear = Year.now(clock).getValue() + 1;
        return records.eachDataRow(errors, (row, fields) -> {
            if (fields.size() != 4 && fields.size() != 5) {
                errors.add(row, "expected 4 or 5 columns (" + HEADER + "), found " + fields.size());
                return;
            }
            CostLineRules.Checked checked = CostLineRules.check(
                    fields.get(0),
                    fields.get(1),
                    fields.get(2),
                    fields.get(3),
                    fields.size() == 5 ? fields.get(4) : null,
                    latestYear);
            if (!checked.valid()) {
                errors.add(
                        row,
                        String.join(
                                "; ",
                                checked.issues().stream()
                                        .map(i -> column(i.field()) + ": " + i.message())
                                        .toList()));
                return;
            }
            // Staged even after a bad row: the recipient check that follows must see every row.
            CostLineRules.ValidLine line = checked.line();
            copy.add(row, line.recipientRef(), line.period().atDay(1), line.category(), line.amount(), line.note());
        });
    }

    /**
     * Rows in a cost year whose claim is submitted; one query over the staged rows. The database
     * refuses them anyway (V6's trigger); this names the rows.
     */
    private long rowsInClosedYears(Connection connection, Municipality municipality, RowErrors errors)
            throws SQLException {
        return errors.addFound(
                connection,
                """
                select s.row_number, extract(year from s.period)::integer, count(*) over () as total
                from cost_import_row s
                join closed_cost_year c on c.municipality_id = ? and c.closed
                                       and c.year = extract(year from s.period)::integer
                order by s.row_number
                limit ?""",
                municipality.id(),
                null,
                rs -> "period: cost year " + rs.getInt(2) + " is closed (its claim is submitted)");
    }

    /** Rows whose recipient is not the caller's; one query over the staged rows. */
    private long unknownRecipients(Connection connection, Municipality municipality, RowErrors errors)
            throws SQLException {
        return errors.addFound(
                connection,
                """
                select s.row_number, s.recipient_ref, count(*) over () as total
                from cost_import_row s
                where not exists (select 1 from recipient r where r.municipality_id = ? and r.ref = s.recipient_ref)
                order by s.row_number
                limit ?""",
                municipality.id(),
                null,
                rs -> "recipient_ref: no recipient '" + rs.getString(2) + "' in your municipality");
    }

    private static String column(String field) {
        return switch (field) {
            case "recipientRef" -> "recipient_ref";
            default -> field;
        };
    }
}
