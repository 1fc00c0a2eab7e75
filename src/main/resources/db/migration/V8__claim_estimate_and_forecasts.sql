-- The claim estimated while the cost year runs (issue 11, part C): the coordinator's expectations
-- for single recipients, and estimates saved as forecasts (municipalities report in tertials) so
-- that the final claim can later be explained against them.

-- What the coordinator expects of one recipient in one cost year; the estimate's method uses it
-- before its own (README, "The claim during the year"). A start month needs the monthly amount it
-- starts at; an end month before the start is refused.
create table estimate_override (
    municipality_id           text          not null,
    cost_year                 integer       not null check (cost_year between 2000 and 2100),
    recipient_id              uuid          not null,
    end_month                 integer       check (end_month between 1 and 12),
    monthly_direct_wage_costs numeric(14, 2) check (monthly_direct_wage_costs between 0 and 100000000),
    from_month                integer       check (from_month between 1 and 12),
    version                   bigint        not null,
    changed_at                timestamptz   not null,
    changed_by                text          not null,
    primary key (municipality_id, cost_year, recipient_id),
    foreign key (municipality_id, recipient_id) references recipient (municipality_id, id),
    check (end_month is not null or monthly_direct_wage_costs is not null or from_month is not null),
    check (from_month is null or monthly_direct_wage_costs is not null),
    check (end_month is null or from_month is null or end_month >= from_month)
);

-- An estimate as it stood when saved: canonical JSON and its SHA-256, never changed (no update
-- grant), checked by the database as the claim's snapshots are.
create table claim_forecast (
    municipality_id text         not null,
    id              uuid         not null,
    cost_year       integer      not null check (cost_year between 2000 and 2100),
    label           varchar(200) not null check (length(trim(label)) > 0),
    snapshot        text         not null,
    snapshot_sha256 text         not null check (snapshot_sha256 ~ '^[0-9a-f]{64}$'),
    made_at         timestamptz  not null,
    made_by         text         not null,
    primary key (municipality_id, id),
    check (snapshot_sha256 = encode(sha256(convert_to(snapshot, 'UTF8')), 'hex'))
);
create index claim_forecast_by_year on claim_forecast (municipality_id, cost_year, made_at);

do $$
declare
    t text;
begin
    foreach t in array array['estimate_override', 'claim_forecast'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy municipality_isolation on %I
                           using (municipality_id = nullif(current_setting('app.municipality', true), ''))
                           with check (municipality_id = nullif(current_setting('app.municipality', true), ''))$p$, t);
    end loop;
end
$$;

-- An expectation is the coordinator's current view, not history (each change is in the audit
-- trail), so it may be changed and dropped; never moved to another year or recipient.
grant select, insert, delete on estimate_override to ${app_role};
grant update (end_month, monthly_direct_wage_costs, from_month, version, changed_at, changed_by)
    on estimate_override to ${app_role};
grant select, insert on claim_forecast to ${app_role};
