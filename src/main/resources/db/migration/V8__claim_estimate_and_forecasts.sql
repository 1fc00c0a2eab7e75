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

-- Monthly totals per recipient, kept by the ledger exactly as the yearly ones (V3, V5): the estimate
-- needs each recipient's months, and reading the year's lines for that costs many times the claim
-- (the national benchmark: 37 ms of query for 1 300 recipients against 2 ms). The runtime role reads
-- them; only the ledger's trigger, running as the owner under forced row-level security, writes them.
create table cost_month_total (
    municipality_id         text          not null,
    recipient_id            uuid          not null,
    period                  date          not null check (extract(day from period) = 1),
    direct_wage_costs       numeric(17,2) not null,  -- DIRECT_WAGES + PURCHASED_SERVICES + JOINT_SERVICE
    earmarked_grants        numeric(17,2) not null,
    host_municipality_grant numeric(17,2) not null,
    user_payments           numeric(17,2) not null,
    indirect_costs          numeric(17,2) not null,  -- recorded, never counted
    lines                   bigint        not null,
    primary key (municipality_id, period, recipient_id),
    foreign key (municipality_id, recipient_id) references recipient (municipality_id, id)
);

-- The months of every line there is, in place (the ledger is append-only: sums of its lines are
-- the totals). Row-level security is forced on cost_line, so it is lifted for this statement.
alter table cost_line no force row level security;
insert into cost_month_total (municipality_id, recipient_id, period, direct_wage_costs, earmarked_grants,
                              host_municipality_grant, user_payments, indirect_costs, lines)
select municipality_id, recipient_id, period,
       coalesce(sum(amount) filter (where category in ('DIRECT_WAGES', 'PURCHASED_SERVICES', 'JOINT_SERVICE')), 0),
       coalesce(sum(amount) filter (where category = 'EARMARKED_GRANT'), 0),
       coalesce(sum(amount) filter (where category = 'HOST_MUNICIPALITY_GRANT'), 0),
       coalesce(sum(amount) filter (where category = 'USER_PAYMENT'), 0),
       coalesce(sum(amount) filter (where category = 'INDIRECT'), 0),
       count(*)
from cost_line
group by 1, 2, 3;
alter table cost_line force row level security;

alter table cost_month_total enable row level security;
alter table cost_month_total force row level security;
create policy municipality_isolation on cost_month_total
    using (municipality_id = nullif(current_setting('app.municipality', true), ''))
    with check (municipality_id = nullif(current_setting('app.municipality', true), ''));
grant select on cost_month_total to ${app_role};

create function add_to_cost_month_totals() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
as $$
begin
    insert into ${flyway:defaultSchema}.cost_month_total as t (municipality_id, recipient_id, period,
                                       direct_wage_costs, earmarked_grants, host_municipality_grant,
                                       user_payments, indirect_costs, lines)
    select municipality_id, recipient_id, period,
           coalesce(sum(amount) filter (where category in ('DIRECT_WAGES', 'PURCHASED_SERVICES', 'JOINT_SERVICE')), 0),
           coalesce(sum(amount) filter (where category = 'EARMARKED_GRANT'), 0),
           coalesce(sum(amount) filter (where category = 'HOST_MUNICIPALITY_GRANT'), 0),
           coalesce(sum(amount) filter (where category = 'USER_PAYMENT'), 0),
           coalesce(sum(amount) filter (where category = 'INDIRECT'), 0),
           count(*)
    from appended
    group by 1, 2, 3
    -- the same fixed order as the yearly totals, so concurrent imports lock in the same order
    order by 1, 3, 2
    on conflict (municipality_id, period, recipient_id) do update set
        direct_wage_costs = t.direct_wage_costs + excluded.direct_wage_costs,
        earmarked_grants = t.earmarked_grants + excluded.earmarked_grants,
        host_municipality_grant = t.host_municipality_grant + excluded.host_municipality_grant,
        user_payments = t.user_payments + excluded.user_payments,
        indirect_costs = t.indirect_costs + excluded.indirect_costs,
        lines = t.lines + excluded.lines;
    return null;
end
$$;
revoke all on function add_to_cost_month_totals() from public;

create trigger cost_line_appended_by_month after insert on cost_line
    referencing new table as appended
    for each statement execute function add_to_cost_month_totals();
