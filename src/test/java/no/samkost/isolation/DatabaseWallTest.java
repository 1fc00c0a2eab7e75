package no.samkost.isolation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.support.Api;
import no.samkost.support.Database;
import no.samkost.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The third wall, proven with raw SQL as the service's own database role: whatever the
 * application does wrong, PostgreSQL shows a session bound to Re none of Hof's rows. Tables and
 * views come from the catalog, so a table added later is checked without editing this test.
 */
@QuarkusTest
class DatabaseWallTest {

    static final String RE = "re";
    static final String HOF = "hof";

    /** Tables that are shared on purpose; everything else must be walled. */
    static final List<String> SHARED_TABLES = List.of("flyway_schema_history");

    static final String POLICY =
            "(municipality_id = NULLIF(current_setting('app.municipality'::text, true), ''::text))";

    @BeforeEach
    void bothMunicipalitiesHaveRowsInEveryTable() {
        for (String code : List.of("0716", "0714")) {
            String ref = Api.uniqueRef("WALL");
            given().auth()
                    .oauth2(Tokens.coordinator(code))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json")
                    .body("{\"ref\":\"" + ref + "\",\"birthYear\":1990,\"intellectualDisability\":false,"
                            + "\"userGroup\":\"OTHER\"}")
                    .post("/api/v1/municipalities/{code}/recipients", code)
                    .then()
                    .statusCode(201);
            Api.cost(code, ref, "2023-01", "DIRECT_WAGES", "100.00", null);
        }
        // Cooperation rows, planted directly (this test is about the wall, not the API): Re and Hof
        // each host a service with a cost line; each places a recipient in the other's service, and
        // Hof also in Holmestrand's, which Re (neither home nor host) must not see.
        try (Connection c = Database.superuser();
                Statement s = c.createStatement()) {
            s.execute(
                    """
                    with hosts(host) as (values ('re'), ('hof'), ('holmestrand'))
                    insert into joint_service (municipality_id, id, cooperation_id, name, kind, capacity, version,
                                               created_at, created_by, updated_at, updated_by)
                    select host, gen_random_uuid(), 'wall-test', 'WALL ' || gen_random_uuid(), 'SHARED_HOME', 10, 0,
                           now(), 'wall', now(), 'wall'
                    from hosts""");
            s.execute(
                    """
                    insert into joint_cost (municipality_id, joint_service_id, period, category, amount, created_at,
                                            created_by)
                    select municipality_id, id, date '2023-01-01', 'SHARED', 10, now(), 'wall'
                    from joint_service where name like 'WALL %'""");
            s.execute(
                    """
                    with placed(home, host, status, usage) as (values ('re', 'hof', 'REQUESTED', null::numeric),
                                                                      ('hof', 're', 'REQUESTED', null),
                                                                      ('hof', 'holmestrand', 'CONFIRMED', 10))
                    insert into placement (municipality_id, id, host_municipality_id, cooperation_id, joint_service_id,
                                           recipient_id, recipient_ref, starts_on, usage_hours_per_week, status,
                                           version, created_at, created_by, updated_at, updated_by)
                    select p.home, gen_random_uuid(), p.host, 'wall-test',
                           (select id from joint_service where municipality_id = p.host and name like 'WALL %' limit 1),
                           r.id, r.ref, date '2023-01-01', p.usage, p.status, 0, now(), 'wall', now(), 'wall'
                    from placed p
                    join lateral (select id, ref from recipient where municipality_id = p.home
                                  order by created_at desc limit 1) r on true""");
            // The sign-off's rows for a year no test signs (2001, reopened), so no year is closed for others.
            s.execute(
                    """
                    insert into claim_submission (municipality_id, id, cost_year, number, state, snapshot,
                                                  snapshot_sha256, submitted_at, submitted_by, ended_at, ended_by,
                                                  end_reason)
                    select m, gen_random_uuid(), 2001, 1, 'REOPENED', '{}', encode(sha256(convert_to('{}', 'UTF8')),
                           'hex'), now(), 'wall', now(), 'wall', 'wall test'
                    from unnest(array['re', 'hof']) m
                    on conflict do nothing""");
            s.execute(
                    """
                    insert into closed_cost_year (municipality_id, year, closed, changed_at, changed_by)
                    select m, 2001, false, now(), 'wall' from unnest(array['re', 'hof']) m
                    on conflict do nothing""");
            // The estimate's rows for the same year: an expectation for the newest recipient, a forecast.
            s.execute(
                    """
                    insert into estimate_override (municipality_id, cost_year, recipient_id, end_month, version,
                                                   changed_at, changed_by)
                    select m, 2001, (select id from recipient where municipality_id = m order by created_at desc
                                     limit 1), 6, 0, now(), 'wall'
                    from unnest(array['re', 'hof']) m
                    on conflict do nothing""");
            s.execute(
                    """
                    insert into claim_forecast (municipality_id, id, cost_year, label, snapshot, snapshot_sha256,
                                                made_at, made_by)
                    select m, gen_random_uuid(), 2001, 'wall', '{}', encode(sha256(convert_to('{}', 'UTF8')), 'hex'),
                           now(), 'wall'
                    from unnest(array['re', 'hof']) m""");
            // Planning's rows: where the newest recipient lives, a register entry with a conversation.
            s.execute(
                    """
                    insert into recipient_housing (municipality_id, recipient_id, id, valid_from, housing_form,
                                                   base_level, recorded_at, recorded_by)
                    select m, (select id from recipient where municipality_id = m order by created_at desc limit 1),
                           gen_random_uuid(), date '2023-01-01', 4, 'UTVIDET', now(), 'wall'
                    from unnest(array['re', 'hof']) m""");
            s.execute(
                    """
                    with entry as (
                        insert into need (municipality_id, id, ref, birth_year, user_group, status, version,
                                          created_at, created_by, updated_at, updated_by)
                        select m, gen_random_uuid(), 'WALLNEED-' || substr(md5(random()::text), 1, 12), 2010,
                               'INTELLECTUAL_DISABILITY', 'ACTIVE', 0, now(), 'wall', now(), 'wall'
                        from unnest(array['re', 'hof']) m
                        returning municipality_id, id)
                    insert into need_conversation (municipality_id, need_id, id, held_on, recorded_at, recorded_by)
                    select municipality_id, id, gen_random_uuid(), date '2024-03-01', now(), 'wall' from entry""");
            // A name of the municipality's own for base level PLUSS, and a scenario.
            s.execute(
                    """
                    insert into housing_name (municipality_id, kind, code, name, updated_at, updated_by)
                    select m, 'BASE_LEVEL', 'PLUSS', 'Wall', now(), 'wall' from unnest(array['re', 'hof']) m
                    on conflict do nothing""");
            s.execute(
                    """
                    insert into scenario (municipality_id, id, name, yearly_wage_growth, yearly_extra_step,
                                          yearly_exit_rate, parameters, version, created_at, created_by, updated_at,
                                          updated_by)
                    select m, gen_random_uuid(), 'wall ' || md5(random()::text), 0.04, 0, 0,
                           '{"annualCosts":[],"newResidentForms":[],"jointServiceMoves":[],"savings":[]}', 0, now(),
                           'wall', now(), 'wall'
                    from unnest(array['re', 'hof']) m""");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rows a session bound to Re may see beyond its own, on purpose: a placement is also its
     * host's (the pseudonymous ref and usage cross to the host that serves the recipient).
     */
    static final Map<String, String> ALSO_VISIBLE_TO_RE = Map.of("placement", "host_municipality_id = 're'");

    static final String HOST_POLICY =
            "(host_municipality_id = NULLIF(current_setting('app.municipality'::text, true), ''::text))";

    /**
     * Tables whose policies are not the one municipality policy: each policy by name, with its
     * command, USING and WITH CHECK, exactly.
     */
    static final Map<String, Map<String, String[]>> OTHER_POLICIES = Map.of(
            "placement",
            Map.of(
                    "home_or_host_reads",
                    new String[] {
                        "SELECT",
                        "((municipality_id = NULLIF(current_setting('app.municipality'::text, true), ''::text))"
                                + " OR (host_municipality_id = NULLIF(current_setting('app.municipality'::text, true),"
                                + " ''::text)))",
                        null
                    },
                    "home_inserts",
                    new String[] {
                        "INSERT",
                        null,
                        "((municipality_id = NULLIF(current_setting('app.municipality'::text, true), ''::text))"
                                + " AND (status = 'REQUESTED'::text) AND (usage_hours_per_week IS NULL)"
                                + " AND (decline_reason IS NULL))"
                    },
                    "home_updates",
                    new String[] {"UPDATE", POLICY, POLICY},
                    "host_updates",
                    new String[] {"UPDATE", HOST_POLICY, HOST_POLICY}));

    static Connection boundTo(String municipality) throws SQLException {
        Connection c = Database.runtimeRole();
        c.setAutoCommit(false);
        if (municipality != null) {
            try (PreparedStatement bind = c.prepareStatement("select set_config('app.municipality', ?, true)")) {
                bind.setString(1, municipality);
                bind.execute();
            }
        }
        return c;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyTenantTableIsCovered() throws SQLException {
        try (Connection c = Database.superuser()) {
            List<String> tables = Database.tenantTables(c);
            assertTrue(
                    tables.containsAll(List.of("recipient", "audit_entry", "idempotency_record")), tables.toString());
            for (String table : tables) {
                assertTrue(
                        count(c, "select count(*) from " + table + " where municipality_id = 'hof'") > 0,
                        table + " has no Hof rows, so the wall test would prove nothing for it");
            }
        }
    }

    @Test
    void aSessionBoundToReSeesNoRowOfHof() throws SQLException {
        try (Connection c = boundTo(RE)) {
            for (String table : tenantTables()) {
                String foreign = "municipality_id <> 're'"
                        + (ALSO_VISIBLE_TO_RE.containsKey(table)
                                ? " and not (" + ALSO_VISIBLE_TO_RE.get(table) + ")"
                                : "");
                assertEquals(0, count(c, "select count(*) from " + table + " where " + foreign), table);
                assertTrue(count(c, "select count(*) from " + table) > 0, table + ": Re should see its own rows");
            }
            c.rollback();
        }
    }

    @Test
    void aSessionBoundToNoMunicipalitySeesNothing() throws SQLException {
        for (String binding : new String[] {null, ""}) {
            try (Connection c = boundTo(binding)) {
                for (String table : tenantTables()) {
                    assertEquals(0, count(c, "select count(*) from " + table), table + " with binding " + binding);
                }
                c.rollback();
            }
        }
        // Autocommit, as a connection used outside a transaction would be: still nothing.
        try (Connection c = Database.runtimeRole()) {
            for (String table : tenantTables()) {
                assertEquals(0, count(c, "select count(*) from " + table), table + " in autocommit");
            }
        }
    }

    @Test
    void aSessionBoundToReCannotInsertAHofRowIntoAnyTable() throws SQLException {
        for (String table : tenantTables()) {
            try (Connection c = boundTo(RE);
                    Statement s = c.createStatement()) {
                String columns = String.join(", ", insertableColumns(c, table));
                // Copy one of Re's own rows, relabelled as Hof's: the policy must refuse it.
                SQLException refused = assertThrows(
                        SQLException.class,
                        () -> s.executeUpdate("insert into " + table
                                + " (" + columns + ") select " + columns + " from jsonb_populate_record(null::" + table
                                + ", (select to_jsonb(t) || '{\"municipality_id\": \"hof\"}' from " + table
                                + " t limit 1))"),
                        table);
                assertEquals("42501", refused.getSQLState(), table + ": " + refused.getMessage());
                c.rollback();
            }
        }
    }

    @Test
    void aSessionBoundToReCannotWriteHofsRows() throws SQLException {
        try (Connection c = boundTo(RE)) {
            SQLException insert = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(
                            """
                            insert into recipient (municipality_id, id, ref, birth_year, intellectual_disability, user_group,
                              version, created_at, created_by, updated_at, updated_by)
                            values ('hof', gen_random_uuid(), 'PLANTED', 1990, false, 'OTHER', 0, now(), 'x', now(), 'x')""");
                }
            });
            assertEquals("42501", insert.getSQLState(), insert.getMessage());
            c.rollback();
        }
        try (Connection c = boundTo(RE);
                Statement s = c.createStatement()) {
            for (String table : tenantTables()) {
                // Hof's rows are invisible, so they cannot be updated either.
                if (hasUpdatePrivilege(c, table)) {
                    assertEquals(
                            0,
                            s.executeUpdate("update " + table + " set municipality_id = municipality_id"
                                    + " where municipality_id = 'hof'"),
                            table);
                }
            }
            c.rollback();
        }
        try (Connection c = boundTo(RE)) {
            SQLException moveToHof = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("update recipient set municipality_id = 'hof'");
                }
            });
            assertEquals("42501", moveToHof.getSQLState(), moveToHof.getMessage());
            c.rollback();
        }
    }

    @Test
    void aPlacementCannotBeRepointedAtAnotherHostServiceOrRecipient() throws SQLException {
        for (String column : List.of(
                "host_municipality_id = 'holmestrand'",
                "joint_service_id = gen_random_uuid()",
                "cooperation_id = 'other'",
                "recipient_ref = 'SOMEONE'",
                "municipality_id = 'hof'")) {
            try (Connection c = boundTo(RE);
                    Statement s = c.createStatement()) {
                SQLException refused = assertThrows(
                        SQLException.class,
                        () -> s.executeUpdate("update placement set " + column + " where municipality_id = 're'"),
                        column);
                assertEquals("42501", refused.getSQLState(), column + ": " + refused.getMessage());
                c.rollback();
            }
        }
        // A new placement must name a service that exists with that host in that cooperation, and
        // the home's own recipient under its own ref: foreign keys see past row-level security.
        try (Connection c = boundTo(RE);
                Statement s = c.createStatement()) {
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate(
                            """
                            insert into placement (municipality_id, id, host_municipality_id, cooperation_id,
                                                   joint_service_id, recipient_id, recipient_ref, starts_on,
                                                   status, version, created_at, created_by,
                                                   updated_at, updated_by)
                            select municipality_id, gen_random_uuid(), host_municipality_id, 'some-other-cooperation',
                                   joint_service_id, recipient_id, recipient_ref, starts_on, 'REQUESTED', 0,
                                   now(), 'x', now(), 'x'
                            from placement where municipality_id = 're' limit 1"""));
            assertEquals("23503", refused.getSQLState(), refused.getMessage());
            c.rollback();
        }
    }

    /** One statement as the service's role bound to {@code municipality}: the rows it changed. */
    static int updateAs(Connection c, String municipality, String sql) throws SQLException {
        try (PreparedStatement bind = c.prepareStatement("select set_config('app.municipality', ?, true)")) {
            bind.setString(1, municipality);
            bind.execute();
        }
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** The statement is refused for lack of privilege (the policy's or the trigger's), and nothing else. */
    static void refused(String municipality, String... statements) throws SQLException {
        try (Connection c = boundTo(null)) {
            for (int i = 0; i < statements.length - 1; i++) {
                assertEquals(1, updateAs(c, statements[i].startsWith("hof:") ? HOF : RE, statements[i].substring(4)));
            }
            String last = statements[statements.length - 1];
            SQLException refusal =
                    assertThrows(SQLException.class, () -> updateAs(c, municipality, last), municipality + ": " + last);
            assertEquals("42501", refusal.getSQLState(), last + ": " + refusal.getMessage());
            c.rollback();
        }
    }

    /** Re's requests in Hof's service (planted above): Re is their home, Hof their host, Holmestrand neither. */
    static final String ALL_RE_IN_HOF = " where municipality_id = 're' and host_municipality_id = 'hof'";

    /** The one planted for this test. */
    static final String RE_IN_HOF = ALL_RE_IN_HOF + " and id = (select id from placement" + ALL_RE_IN_HOF
            + " order by created_at desc, id limit 1)";

    static final String CONFIRM =
            "update placement set status = 'CONFIRMED', usage_hours_per_week = 20, version = version + 1" + RE_IN_HOF;

    @Test
    void eachPartyMakesOnlyItsOwnPlacementChanges() throws SQLException {
        // The host cannot change the home's dates, withdraw its request, or confirm without usage.
        refused(HOF, "update placement set starts_on = starts_on + 1, version = version + 1" + RE_IN_HOF);
        refused(HOF, "update placement set ends_on = date '2023-12-31', version = version + 1" + RE_IN_HOF);
        refused(HOF, "update placement set status = 'WITHDRAWN', version = version + 1" + RE_IN_HOF);
        refused(
                HOF,
                "update placement set status = 'CONFIRMED', starts_on = date '2023-02-01',"
                        + " usage_hours_per_week = 20, version = version + 1" + RE_IN_HOF);
        // The home cannot confirm its own placement, set usage, or decline; nor skip a version.
        refused(RE, CONFIRM.replace(RE_IN_HOF, " where municipality_id = 're'"));
        refused(RE, "update placement set usage_hours_per_week = 168, version = version + 1" + RE_IN_HOF);
        refused(
                RE,
                "update placement set status = 'DECLINED', decline_reason = 'x', version = version + 1" + RE_IN_HOF);
        refused(RE, "update placement set starts_on = date '2023-02-01'" + RE_IN_HOF);
        // Once confirmed: the home cannot move the start, change usage, extend or end in the past;
        // the host cannot set the end or decline what it confirmed; nobody un-confirms.
        String confirmed = "hof:" + CONFIRM;
        refused(RE, confirmed, "update placement set starts_on = date '2023-02-01', version = version + 1" + RE_IN_HOF);
        refused(RE, confirmed, "update placement set usage_hours_per_week = 40, version = version + 1" + RE_IN_HOF);
        refused(RE, confirmed, "update placement set ends_on = current_date - 10, version = version + 1" + RE_IN_HOF);
        refused(
                RE,
                confirmed,
                "re: update placement set ends_on = current_date + 30, version = version + 1" + RE_IN_HOF,
                "update placement set ends_on = current_date + 31, version = version + 1" + RE_IN_HOF);
        refused(
                RE,
                confirmed,
                "update placement set status = 'REQUESTED', usage_hours_per_week = null," + " version = version + 1"
                        + RE_IN_HOF);
        refused(HOF, confirmed, "update placement set ends_on = current_date + 30, version = version + 1" + RE_IN_HOF);
        refused(
                HOF,
                confirmed,
                "update placement set status = 'DECLINED', usage_hours_per_week = null,"
                        + " decline_reason = 'x', version = version + 1" + RE_IN_HOF);
        // A declined or withdrawn placement is final for both.
        String declined = "hof:update placement set status = 'DECLINED', decline_reason = 'no place',"
                + " version = version + 1" + RE_IN_HOF;
        refused(HOF, declined, CONFIRM);
        refused(
                RE,
                declined,
                "update placement set status = 'REQUESTED', decline_reason = null," + " version = version + 1"
                        + RE_IN_HOF);
        String withdrawn = "re: update placement set status = 'WITHDRAWN', version = version + 1" + RE_IN_HOF;
        refused(HOF, withdrawn, CONFIRM);
        refused(RE, withdrawn, "update placement set status = 'REQUESTED', version = version + 1" + RE_IN_HOF);
        // A home inserts requests only: never a confirmed placement, never usage.
        for (String copy : List.of("'CONFIRMED', 10", "'REQUESTED', 10", "'DECLINED', null")) {
            try (Connection c = boundTo(RE);
                    Statement s = c.createStatement()) {
                SQLException refusal = assertThrows(
                        SQLException.class,
                        () -> s.executeUpdate(
                                """
                                insert into placement (municipality_id, id, host_municipality_id, cooperation_id,
                                                       joint_service_id, recipient_id, recipient_ref, starts_on,
                                                       status, usage_hours_per_week, version, created_at,
                                                       created_by, updated_at, updated_by)
                                select municipality_id, gen_random_uuid(), host_municipality_id, cooperation_id,
                                       joint_service_id, recipient_id, recipient_ref, starts_on + 400, """
                                        + copy + ", 0, now(), 'x', now(), 'x'" + " from placement" + RE_IN_HOF),
                        copy);
                assertEquals("42501", refusal.getSQLState(), copy + ": " + refusal.getMessage());
                c.rollback();
            }
        }
    }

    @Test
    void eachPartyMakesItsOwnPlacementChangesAndAThirdMemberNone() throws SQLException {
        try (Connection c = boundTo(null)) {
            // A third member (Holmestrand, in Re's request to Hof) sees nothing to change.
            assertEquals(0, updateAs(c, "holmestrand", CONFIRM.replace(RE_IN_HOF, ALL_RE_IN_HOF)));
            assertEquals(
                    0,
                    updateAs(
                            c,
                            "holmestrand",
                            "update placement set status = 'WITHDRAWN'," + " version = version + 1" + ALL_RE_IN_HOF));
            // Re is neither home nor host of Hof's placement at Holmestrand.
            assertEquals(
                    0,
                    updateAs(
                            c,
                            RE,
                            "update placement set ends_on = current_date + 30,"
                                    + " version = version + 1 where municipality_id = 'hof' and host_municipality_id = 'holmestrand'"));
            // The home changes its wished dates; the host confirms with usage and changes it; the
            // home ends it from a day not in the past and brings the end forward.
            assertEquals(
                    1,
                    updateAs(
                            c,
                            RE,
                            "update placement set starts_on = date '2023-02-01',"
                                    + " ends_on = date '2099-12-31', version = version + 1" + RE_IN_HOF));
            assertEquals(1, updateAs(c, HOF, CONFIRM));
            assertEquals(
                    1,
                    updateAs(
                            c,
                            HOF,
                            "update placement set usage_hours_per_week = 22.5," + " version = version + 1"
                                    + RE_IN_HOF));
            assertEquals(
                    1,
                    updateAs(
                            c,
                            RE,
                            "update placement set ends_on = current_date + 30," + " version = version + 1"
                                    + RE_IN_HOF));
            assertEquals(
                    1,
                    updateAs(
                            c,
                            RE,
                            "update placement set ends_on = current_date," + " version = version + 1" + RE_IN_HOF));
            c.rollback();
        }
        try (Connection c = boundTo(null)) {
            assertEquals(
                    1,
                    updateAs(
                            c,
                            HOF,
                            "update placement set status = 'DECLINED',"
                                    + " decline_reason = 'no place', version = version + 1" + RE_IN_HOF));
            c.rollback();
        }
        try (Connection c = boundTo(null)) {
            assertEquals(
                    1,
                    updateAs(
                            c,
                            RE,
                            "update placement set status = 'WITHDRAWN'," + " version = version + 1" + RE_IN_HOF));
            c.rollback();
        }
    }

    /** Tenant tables whose rows are current state, not history, so the service may delete them: why. */
    static final Map<String, String> DELETABLE = Map.of(
            "estimate_override",
            "a coordinator's current expectation for a recipient; each change and drop is in the audit trail",
            "housing_name",
            "a municipality's own name for a housing form or base level; deleting it restores the default",
            "scenario",
            "a planning scenario: assumptions, not a record; its changes and deletion are in the audit trail");

    @Test
    void theServiceCannotDeleteHistory() throws SQLException {
        for (String table : tenantTables()) {
            if (DELETABLE.containsKey(table)) {
                continue;
            }
            try (Connection c = boundTo(RE);
                    Statement s = c.createStatement()) {
                SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("delete from " + table));
                assertEquals("42501", delete.getSQLState(), table);
                c.rollback();
            }
        }
    }

    /** The functions that run with their owner's rights, each reviewed; a new one must be added here on purpose. */
    static final List<String> REVIEWED_SECURITY_DEFINER_FUNCTIONS =
            List.of("add_to_cost_month_totals", "add_to_cost_year_totals", "refuse_lines_in_closed_years");

    @Test
    void theTotalsEveryClaimReadsChangeOnlyThroughTheLedger() throws SQLException {
        try (Connection c = Database.runtimeRole();
                Statement s = c.createStatement()) {
            for (String totals : List.of("cost_year_total", "cost_month_total")) {
                for (String privilege : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
                    assertFalse(
                            tablePrivilege(c, totals, privilege),
                            "the runtime role must not " + privilege + " " + totals);
                }
                assertTrue(tablePrivilege(c, totals, "SELECT"));
            }
        }
        for (String totals : List.of("cost_year_total", "cost_month_total")) {
            try (Connection c = boundTo(RE);
                    Statement s = c.createStatement()) {
                SQLException update = assertThrows(
                        SQLException.class, () -> s.executeUpdate("update " + totals + " set direct_wage_costs = 0"));
                assertEquals("42501", update.getSQLState(), update.getMessage());
                c.rollback();
            }
        }
    }

    /**
     * A closed cost year is a wall in the database too: the service's own role, bound to Re, cannot
     * append a ledger line in it (SQLSTATE SK409, naming the year), and cannot close or reopen Hof's
     * years or change a frozen snapshot.
     */
    @Test
    void aClosedYearTakesNoLineAndASnapshotNeverChanges() throws SQLException {
        try (Connection c = boundTo(RE);
                Statement s = c.createStatement()) {
            s.executeUpdate("insert into closed_cost_year (municipality_id, year, closed, changed_at, changed_by)"
                    + " values ('re', 2002, true, now(), 'wall')");
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate(
                            """
                            insert into cost_line (municipality_id, recipient_id, period, category, amount,
                                                   created_at, created_by)
                            select 're', id, date '2002-06-01', 'DIRECT_WAGES', 1.00, now(), 'wall'
                            from recipient where municipality_id = 're' limit 1"""));
            assertEquals("SK409", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("cost year 2002 is closed"), refused.getMessage());
            c.rollback();
        }
        try (Connection c = boundTo(RE);
                Statement s = c.createStatement()) {
            assertEquals(0, s.executeUpdate("update closed_cost_year set closed = true where municipality_id = 'hof'"));
            SQLException snapshot = assertThrows(
                    SQLException.class, () -> s.executeUpdate("update claim_submission set snapshot = '{}'"));
            assertEquals("42501", snapshot.getSQLState(), snapshot.getMessage());
            c.rollback();
        }
    }

    /**
     * Keys the service may set after a row exists, each for a reason: a joint service may be renamed
     * (its id is what everything names); a register entry is linked to the recipient it became once
     * it becomes one (the link's key includes the municipality, which is not updatable, so it can
     * only name the same municipality's recipient); a scenario may be renamed (its id is what
     * projections and comparisons name).
     */
    static final List<String> RENAMABLE_UNIQUE_COLUMNS =
            List.of("joint_service.name", "need.recipient_id", "scenario.name");

    @Test
    void noKeyColumnCanBeUpdatedByTheService() throws SQLException {
        List<String> updatableKeys = new ArrayList<>();
        try (Connection c = Database.runtimeRole();
                Statement s = c.createStatement();
                ResultSet keys = s.executeQuery(
                        """
                        select distinct cl.relname, a.attname
                        from pg_constraint k
                        join pg_class cl on cl.oid = k.conrelid
                        join pg_namespace n on n.oid = cl.relnamespace
                        join pg_attribute a on a.attrelid = cl.oid and a.attnum = any(k.conkey)
                        where n.nspname = 'public' and k.contype in ('p', 'u', 'f')
                          and cl.relname <> 'flyway_schema_history'
                        order by 1, 2""")) {
            int seen = 0;
            while (keys.next()) {
                seen++;
                String table = keys.getString(1);
                String column = keys.getString(2);
                try (PreparedStatement privilege =
                        c.prepareStatement("select has_column_privilege(current_user, ?, ?, 'UPDATE')")) {
                    privilege.setString(1, table);
                    privilege.setString(2, column);
                    try (ResultSet rs = privilege.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            updatableKeys.add(table + "." + column);
                        }
                    }
                }
            }
            assertTrue(seen > 10, "found only " + seen + " key columns");
        }
        updatableKeys.removeAll(RENAMABLE_UNIQUE_COLUMNS);
        assertEquals(List.of(), updatableKeys, "key columns (primary, unique, foreign) the runtime role may update");
    }

    @Test
    void everyFunctionWithItsOwnersRightsIsReviewedAndHasAFixedSearchPath() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = Database.superuser();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        select p.proname, coalesce(array_to_string(p.proconfig, ','), '')
                        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
                        order by 1""")) {
            while (rs.next()) {
                found.add(rs.getString(1));
                assertTrue(
                        rs.getString(2).matches(".*search_path=pg_catalog, ?[a-z_]+, ?pg_temp.*"),
                        rs.getString(1) + " runs as its owner and must fix its search_path (pg_temp last): "
                                + rs.getString(2));
            }
        }
        assertEquals(REVIEWED_SECURITY_DEFINER_FUNCTIONS, found, "SECURITY DEFINER functions");
        try (Connection c = Database.runtimeRole();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select has_schema_privilege(current_user, current_schema(), 'CREATE')")) {
            rs.next();
            assertFalse(rs.getBoolean(1), "the runtime role must not create objects in the schema");
        }
    }

    @Test
    void theCatalogShowsTheWallIsBuiltRight() throws SQLException {
        try (Connection c = Database.runtimeRole();
                Statement s = c.createStatement()) {
            try (ResultSet role = s.executeQuery(
                    "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")) {
                assertTrue(role.next());
                for (int column = 1; column <= 4; column++) {
                    assertFalse(role.getBoolean(column), "runtime role attribute " + column + " must be false");
                }
            }
            assertEquals(
                    0,
                    count(
                            c,
                            """
                    select count(*) from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                    where n.nspname = 'public' and pg_has_role(current_user, cl.relowner, 'MEMBER')"""),
                    "the runtime role must own nothing, directly or through a role: owners bypass row-level security");
            assertEquals(
                    0,
                    count(
                            c,
                            "select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member"
                                    + " where r.rolname = current_user"),
                    "the runtime role must be a member of no role (SET ROLE to an owner would switch RLS off)");
            List<String> unwalled = new ArrayList<>();
            String policy = POLICY.replace("'", "''");
            try (ResultSet tables = s.executeQuery("select cl.relname,"
                    + " exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'municipality_id'"
                    + "         and not a.attisdropped),"
                    + " (select count(*) from pg_policies p where p.schemaname = 'public' and p.tablename = cl.relname),"
                    + " (select count(*) from pg_policies p where p.schemaname = 'public' and p.tablename = cl.relname"
                    + "         and p.cmd = 'ALL' and p.permissive = 'PERMISSIVE' and p.qual = '" + policy + "'"
                    + "         and p.with_check = '" + policy + "')"
                    + " from pg_class cl join pg_namespace n on n.oid = cl.relnamespace"
                    + " where n.nspname = 'public' and cl.relkind in ('r', 'p')")) {
                while (tables.next()) {
                    String table = tables.getString(1);
                    if (OTHER_POLICIES.containsKey(table)) {
                        continue;
                    }
                    if (!SHARED_TABLES.contains(table)
                            && (!tables.getBoolean(2) || tables.getLong(3) != 1 || tables.getLong(4) != 1)) {
                        unwalled.add(table);
                    }
                }
            }
            assertEquals(
                    List.of(),
                    unwalled,
                    "every table must carry municipality_id and exactly one policy: the municipality policy");
            for (Map.Entry<String, Map<String, String[]>> table : OTHER_POLICIES.entrySet()) {
                Map<String, String[]> found = new java.util.HashMap<>();
                try (PreparedStatement policies =
                        c.prepareStatement("select policyname, cmd, qual, with_check, permissive from pg_policies"
                                + " where schemaname = 'public' and tablename = ?")) {
                    policies.setString(1, table.getKey());
                    try (ResultSet rs = policies.executeQuery()) {
                        while (rs.next()) {
                            assertEquals("PERMISSIVE", rs.getString(5), table.getKey());
                            found.put(
                                    rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                        }
                    }
                }
                assertEquals(table.getValue().keySet(), found.keySet(), table.getKey() + ": policies by name");
                for (Map.Entry<String, String[]> expected : table.getValue().entrySet()) {
                    assertArrayEquals(
                            expected.getValue(),
                            found.get(expected.getKey()),
                            table.getKey() + " " + expected.getKey() + ": "
                                    + String.join(" / ", found.get(expected.getKey())));
                }
            }
            List<String> unprotected = new ArrayList<>();
            try (ResultSet tables = s.executeQuery(
                    """
                    select cl.relname, cl.relrowsecurity, cl.relforcerowsecurity,
                           (select count(*) from pg_policy p where p.polrelid = cl.oid) as policies
                    from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                    where n.nspname = 'public' and cl.relkind in ('r', 'p')
                      and exists (select 1 from pg_attribute a where a.attrelid = cl.oid
                                  and a.attname = 'municipality_id' and not a.attisdropped)""")) {
                int seen = 0;
                while (tables.next()) {
                    seen++;
                    if (!tables.getBoolean(2) || !tables.getBoolean(3) || tables.getLong(4) < 1) {
                        unprotected.add(tables.getString(1));
                    }
                }
                assertTrue(seen >= 3, "found only " + seen + " tenant tables");
            }
            assertEquals(List.of(), unprotected, "tables with municipality_id but without forced RLS and a policy");
            assertEquals(
                    0,
                    count(
                            c,
                            """
                    select count(*) from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                    where n.nspname = 'public' and cl.relkind in ('v', 'm')
                      and not coalesce('security_invoker=true' = any(cl.reloptions), false)
                      and not coalesce('security_invoker=on' = any(cl.reloptions), false)"""),
                    "every view must be security_invoker, or it reads with its owner's rights");
        }
    }

    private static List<String> tenantTables() throws SQLException {
        try (Connection c = Database.superuser()) {
            return Database.tenantTables(c);
        }
    }

    private static List<String> insertableColumns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                """
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = ? and is_identity = 'NO' and is_generated = 'NEVER'
                order by ordinal_position""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static boolean tablePrivilege(Connection c, String table, String privilege) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select has_table_privilege(current_user, ?, ?)")) {
            s.setString(1, table);
            s.setString(2, privilege);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean hasUpdatePrivilege(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select has_table_privilege(current_user, ?, 'UPDATE')")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
