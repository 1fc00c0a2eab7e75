-- The claim's sign-off (issue 9, part D). A coordinator submits the claim for a cost year: a
-- snapshot of every line, frozen as canonical JSON with its SHA-256, and the cost year is closed:
-- no ledger line with a period in that year is written any more, by anyone (by hand, import or a
-- cooperation's attribution). The auditor attests or returns it; the coordinator may reopen it
-- before attestation. Every submission is kept; a resubmission is a new row.

-- One row per submission; the snapshot and its hash never change (no column grant covers them).
-- The database itself checks that the hash is the SHA-256 of the stored text, so anyone who reads
-- the row can recompute it, and no row can hold a hash of something else.
create table claim_submission (
    municipality_id    text          not null,
    id                 uuid          not null,
    cost_year          integer       not null check (cost_year between 2000 and 2100),
    number             integer       not null check (number >= 1),
    state              text          not null check (state in ('SUBMITTED', 'ATTESTED', 'RETURNED', 'REOPENED')),
    snapshot           text          not null,
    snapshot_sha256    text          not null check (snapshot_sha256 ~ '^[0-9a-f]{64}$'),
    submitted_at       timestamptz   not null,
    submitted_by       text          not null,
    attested_at        timestamptz,
    attested_by        text,
    attestation_remark text          check (attestation_remark is null or length(attestation_remark) <= 2000),
    ended_at           timestamptz,  -- returned by the auditor or reopened by the coordinator
    ended_by           text,
    end_reason         text          check (end_reason is null or length(end_reason) <= 2000),
    primary key (municipality_id, id),
    unique (municipality_id, cost_year, number),
    check (snapshot_sha256 = encode(sha256(convert_to(snapshot, 'UTF8')), 'hex')),
    check ((state = 'ATTESTED') = (attested_at is not null) or state = 'RETURNED'),
    check ((state in ('RETURNED', 'REOPENED')) = (ended_at is not null and end_reason is not null))
);

-- Closed cost years per municipality. A year is closed while its latest submission is SUBMITTED or
-- ATTESTED; reopening sets closed to false (history is never deleted: the submissions keep it).
create table closed_cost_year (
    municipality_id text        not null,
    year            integer     not null check (year between 2000 and 2100),
    closed          boolean     not null,
    changed_at      timestamptz not null,
    changed_by      text        not null,
    primary key (municipality_id, year)
);

do $$
declare
    t text;
begin
    foreach t in array array['claim_submission', 'closed_cost_year'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy municipality_isolation on %I
                           using (municipality_id = nullif(current_setting('app.municipality', true), ''))
                           with check (municipality_id = nullif(current_setting('app.municipality', true), ''))$p$, t);
    end loop;
end
$$;

grant select, insert on claim_submission to ${app_role};
grant update (state, attested_at, attested_by, attestation_remark, ended_at, ended_by, end_reason)
    on claim_submission to ${app_role};
grant select, insert on closed_cost_year to ${app_role};
grant update (closed, changed_at, changed_by) on closed_cost_year to ${app_role};

-- The wall: a ledger line in a closed year is refused, whoever writes it. Per statement, so an
-- import of 100 000 lines checks once. A shared advisory lock per municipality-year waits for a
-- submission that is closing that year (it takes the lock exclusively before it reads the claim),
-- so no line can slip in between the snapshot and the close. SQLSTATE SK409 and the message name
-- the year; the service maps it to the 409 problem urn:samkost:problem:year-closed.
create function refuse_lines_in_closed_years() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
as $$
declare
    closed_year integer;
begin
    perform pg_advisory_xact_lock_shared(hashtextextended('cost-year:' || y.municipality_id || ':' || y.year, 0))
    from (select distinct municipality_id, extract(year from period)::integer as year from appended
          order by 1, 2) y;
    select min(c.year) into closed_year
    from ${flyway:defaultSchema}.closed_cost_year c
    where c.closed
      and (c.municipality_id, c.year) in (select distinct municipality_id, extract(year from period)::integer
                                          from appended);
    if closed_year is not null then
        raise exception using
            errcode = 'SK409',
            message = format('cost year %s is closed', closed_year),
            detail = 'its claim is submitted; the auditor returns it or the coordinator reopens it first',
            hint = closed_year::text;
    end if;
    return null;
end
$$;

revoke all on function refuse_lines_in_closed_years() from public;

create trigger cost_line_in_closed_year after insert on cost_line
    referencing new table as appended
    for each statement execute function refuse_lines_in_closed_years();

-- A recipient's birth year and intellectual disability decide its grant in every year it has costs:
-- changing them would change a submitted claim as surely as a ledger line would. Refused the same
-- way, naming the earliest closed year the recipient has lines in.
-- With the caller's rights: a coordinator updates only its own recipients, and reads its own lines
-- and closed years.
create function refuse_recipient_changes_in_closed_years() returns trigger
    language plpgsql
    set search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
as $$
declare
    closed_year integer;
begin
    if new.birth_year is not distinct from old.birth_year
       and new.intellectual_disability is not distinct from old.intellectual_disability then
        return new;
    end if;
    select min(c.year) into closed_year
    from ${flyway:defaultSchema}.closed_cost_year c
    where c.municipality_id = old.municipality_id
      and c.closed
      and exists (select 1 from ${flyway:defaultSchema}.cost_line l
                  where l.municipality_id = old.municipality_id and l.recipient_id = old.id
                    and l.period >= make_date(c.year, 1, 1) and l.period < make_date(c.year + 1, 1, 1));
    if closed_year is not null then
        raise exception using
            errcode = 'SK409',
            message = format('cost year %s is closed', closed_year),
            detail = 'the recipient''s birth year and intellectual disability decide its grant in that year''s'
                     || ' submitted claim',
            hint = closed_year::text;
    end if;
    return new;
end
$$;

create trigger recipient_in_closed_year before update on recipient
    for each row execute function refuse_recipient_changes_in_closed_years();
