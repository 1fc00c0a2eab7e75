-- The cost ledger: one line per recipient, month and category, append-only. A correction is a new
-- line with a negative amount and a note; the service may insert and read, never update or delete.

create table cost_line (
    municipality_id text          not null,
    id              bigint        generated always as identity,
    recipient_id    uuid          not null,
    period          date          not null check (extract(day from period) = 1),
    category        text          not null check (category in ('DIRECT_WAGES', 'PURCHASED_SERVICES', 'JOINT_SERVICE',
                                      'INDIRECT', 'EARMARKED_GRANT', 'HOST_MUNICIPALITY_GRANT', 'USER_PAYMENT')),
    amount          numeric(15,2) not null check (amount <> 0 and abs(amount) <= 100000000),
    note            text          check (note is null or length(note) <= 500),
    import_id       uuid,
    created_at      timestamptz   not null,
    created_by      text          not null,
    primary key (municipality_id, id),
    check (amount > 0 or note is not null),
    -- The recipient must be the same municipality's: the key includes the tenant.
    foreign key (municipality_id, recipient_id) references recipient (municipality_id, id)
);

-- Claims read one municipality-year; listings page by period.
create index cost_line_by_period on cost_line (municipality_id, period, recipient_id) include (category, amount);
create index cost_line_by_recipient on cost_line (municipality_id, recipient_id, period);

alter table cost_line enable row level security;
alter table cost_line force row level security;
create policy municipality_isolation on cost_line
    using (municipality_id = nullif(current_setting('app.municipality', true), ''))
    with check (municipality_id = nullif(current_setting('app.municipality', true), ''));

grant select, insert on cost_line to ${app_role};
grant usage on sequence cost_line_id_seq to ${app_role};
-- Imports are staged in a temporary table (COPY into cost_line itself is refused under RLS).
grant temporary on database "${flyway:database}" to ${app_role};
