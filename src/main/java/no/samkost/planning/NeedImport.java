package no.samkost.planning;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
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

/**
 * Imports a CSV of register entries, each with its first conversation, all rows or none, as the
 * cost ledger's import does: each row is checked as it is read and copied into a transaction-local
 * staging table; refs already in the register or given twice in the file are then found with one
 * query, and the rows move into the register with one INSERT ... SELECT per table, under the
 * municipality's row-level security. Nothing is kept in memory per row but the first bad rows.
 *
 * <p>A ref already in the register is a bad row, not a new conversation for that entry: a file is
 * typically a spreadsheet register brought in once, and a row that silently added a conversation
 * to an existing youth (perhaps another one under a reused ref) could not be told apart from a
 * new entry afterwards. A later conversation is recorded with POST .../needs/{ref}/conversations.
 */
@ApplicationScoped
public class NeedImport {

    private static final String OPERATION = "needs.import";

    private final CsvImports imports;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;
    private final Validator validator;

    public NeedImport(
            CsvImports imports, AuditTrail audit, CurrentMunicipality current, Clock clock, Validator validator) {
        this.imports = imports;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
        this.validator = validator;
    }

    /** One transaction for the whole file, with the imports' own time limit (see CostImport). */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "samkost.import.transaction-timeout-seconds")
    public ImportResult importCsv(InputStream body, Optional<String> idempotencyKey) {
        String municipality = current.require().id();
        return imports.run(
                OPERATION,
                body,
                idempotencyKey,
                (connection, importId, records) -> stageCheckAndInsert(connection, municipality, importId, records),
                result -> audit.record("need.import", result.imported() + " entries, import " + result.importId()));
    }

    private ImportResult stageCheckAndInsert(
            Connection connection, String municipality, UUID importId, CsvRecords records)
            throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute(
                    """
                    create temporary table need_import_row (
                        row_number integer not null, need_id uuid not null, conversation_id uuid not null,
                        ref text not null, birth_year integer not null, user_group text not null,
                        status text not null, held_on date not null, expected_move_out_year integer,
                        housing_form integer, base_level text, hours_per_week_min numeric(5,1),
                        hours_per_week_max numeric(5,1)) on commit drop""");
        }
        RowErrors errors = new RowErrors();
        long rows;
        try (CopyRows copy = new CopyRows(connection, "copy need_import_row from stdin with (format text)")) {
            rows = stage(records, copy, errors);
            copy.finish();
        }
        refsTakenOrRepeated(connection, municipality, errors);
        if (errors.count() > 0) {
            throw errors.rejection(rows);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int entries = insert(
                connection,
                """
                insert into need (municipality_id, id, ref, birth_year, user_group, expected_move_out_year,
                                  housing_form, base_level, hours_per_week_min, hours_per_week_max, status,
                                  version, created_at, created_by, updated_at, updated_by)
                select ?, s.need_id, s.ref, s.birth_year, s.user_group, s.expected_move_out_year, s.housing_form,
                       s.base_level, s.hours_per_week_min, s.hours_per_week_max, s.status, 0, ?, ?, ?, ?
                from need_import_row s
                order by s.row_number""",
                municipality,
                now,
                current.subject(),
                now,
                current.subject());
        int conversations = insert(
                connection,
                """
                insert into need_conversation (municipality_id, need_id, id, held_on, expected_move_out_year,
                                               housing_form, base_level, hours_per_week_min, hours_per_week_max,
                                               recorded_at, recorded_by)
                select ?, s.need_id, s.conversation_id, s.held_on, s.expected_move_out_year, s.housing_form,
                       s.base_level, s.hours_per_week_min, s.hours_per_week_max, ?, ?
                from need_import_row s
                order by s.row_number""",
                municipality,
                now,
                current.subject());
        if (entries != rows || conversations != rows) {
            throw new IllegalStateException("staged " + rows + " rows but wrote " + entries + " entries and "
                    + conversations + " conversations");
        }
        return new ImportResult(entries, importId);
    }

    /** The most rows one register import takes. */
    static final int MAX_ROWS = 20_000;

    /** Reads, checks and stages every data row; returns the number of data rows. */
    private long stage(CsvRecords records, CopyRows copy, RowErrors errors) throws IOException, SQLException {
        if (!records.header().equals(Optional.of(NeedCsvRow.HEADER))) {
            throw new ProblemException(
                    ProblemType.IMPORT_REJECTED,
                    "the first line must be the header " + NeedCsvRow.HEADER,
                    List.of(Problem.Violation.field("header", "expected " + NeedCsvRow.HEADER)));
        }
        NeedCsvRow rules = new NeedCsvRow(validator, clock);
        return records.eachDataRow(errors, (row, cells) -> {
            if (row > MAX_ROWS) {
                // A register of youths from 14 is hundreds of entries, thousands in the largest city:
                // a file far past that is a mistake, refused before it holds a connection for minutes.
                throw new ProblemException(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "a register import holds at most " + MAX_ROWS + " rows; row " + row + " is past that",
                        List.of(new Problem.Violation(null, (int) row, "at most " + MAX_ROWS + " rows")));
            }
            if (cells.size() != NeedCsvRow.COLUMNS.size()) {
                errors.add(
                        row,
                        "expected " + NeedCsvRow.COLUMNS.size() + " columns (" + NeedCsvRow.HEADER + "), found "
                                + cells.size());
                return;
            }
            NeedCsvRow.Checked checked = rules.check(cells);
            List<NeedCsvRow.Issue> issues = checked.issues();
            if (!issues.isEmpty()) {
                boolean oneColumn =
                        issues.stream().map(NeedCsvRow.Issue::column).distinct().count() == 1;
                errors.add(
                        oneColumn ? issues.get(0).column() : null,
                        row,
                        String.join(
                                "; ",
                                issues.stream()
                                        .map(i -> i.column() + ": " + i.message())
                                        .toList()));
                return;
            }
            // Staged even after a bad row: the ref check that follows must see every good row.
            NeedCsvRow.Valid valid = checked.row();
            copy.add(
                    row,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    valid.need().ref(),
                    valid.need().birthYear(),
                    valid.need().userGroup(),
                    valid.status(),
                    valid.conversation().heldOn(),
                    valid.conversation().expectedMoveOutYear(),
                    valid.conversation().housingForm(),
                    valid.conversation().baseLevel(),
                    valid.hours().min(),
                    valid.hours().max());
        });
    }

    /** Rows whose ref is already in the register, or given in an earlier row of the file; one query. */
    private static long refsTakenOrRepeated(Connection connection, String municipality, RowErrors errors)
            throws SQLException {
        return errors.addFound(
                connection,
                """
                select row_number, ref, taken, first_row, count(*) over () as total
                from (select s.row_number, s.ref, min(s.row_number) over (partition by s.ref) as first_row,
                             exists (select 1 from need n where n.municipality_id = ? and n.ref = s.ref) as taken
                      from need_import_row s) d
                where taken or row_number > first_row
                order by row_number
                limit ?""",
                municipality,
                "ref",
                rs -> rs.getBoolean(3)
                        ? "ref: '" + rs.getString(2) + "' is already in the register; record a new conversation"
                                + " with POST .../needs/" + rs.getString(2) + "/conversations"
                        : "ref: '" + rs.getString(2) + "' is also in row " + rs.getInt(4));
    }

    private static int insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            return insert.executeUpdate();
        }
    }
}
