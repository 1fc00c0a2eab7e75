-- Yearly totals per recipient, one row per recipient and year with a column per kind of amount,
-- kept by the database as lines are appended, so that a claim reads one row per recipient instead
-- of every monthly line (a claim of a large municipality must answer in milliseconds). The ledger
-- is append-only, so inserts are the only change to follow; the trigger is per statement, so an
-- import of 100 000 lines updates each total once. It runs with the inserting session's rights:
-- row-level security applies to it as well.

create table cost_year_total (
    municipality_id         text          not null,
    recipient_id            uuid          not null,
    year                    integer       not null,
    direct_wage_costs       numeric(17,2) not null,  -- DIRECT_WAGES + PURCHASED_SERVICES + JOINT_SERVICE
    earmarked_grants        numeric(17,2) not null,
    host_municipality_grant numeric(17,2) not null,
    user_payments           numeric(17,2) not null,
    indirect_costs          numeric(17,2) not null,  -- recorded, never counted
    lines                   bigint        not null,
    primary key (municipality_id, year, recipient_id),
    foreign key (municipality_id, recipient_id) references recipient (municipality_id, id)
);

alter table cost_year_total enable row level security;
alter table cost_year_total force row level security;
create policy municipality_isolation on cost_year_total
    using (municipality_id = nullif(current_setting('app.municipality', true), ''))
    with check (municipality_id = nullif(current_setting('app.municipality', true), ''));

create function add_to_cost_year_totals() returns trigger language plpgsql as $$
begin
    insert into cost_year_total as t (municipality_id, recipient_id, year, direct_wage_costs, earmarked_grants,
                                      host_municipality_grant, user_payments, indirect_costs, lines)
    select municipality_id, recipient_id, extract(year from period)::integer,
           coalesce(sum(amount) filter (where category in ('DIRECT_WAGES', 'PURCHASED_SERVICES', 'JOINT_SERVICE')), 0),
           coalesce(sum(amount) filter (where category = 'EARMARKED_GRANT'), 0),
           coalesce(sum(amount) filter (where category = 'HOST_MUNICIPALITY_GRANT'), 0),
           coalesce(sum(amount) filter (where category = 'USER_PAYMENT'), 0),
           coalesce(sum(amount) filter (where category = 'INDIRECT'), 0),
           count(*)
    from appended
    group by 1, 2, 3
    -- a fixed order, so concurrent imports touching the same totals lock them in the same order
    order by 1, 3, 2
    on conflict (municipality_id, year, recipient_id) do update set
        direct_wage_costs = t.direct_wage_costs + excluded.direct_wage_costs,
        earmarked_grants = t.earmarked_grants + excluded.earmarked_grants,
        host_municipality_grant = t.host_municipality_grant + excluded.host_municipality_grant,
        user_payments = t.user_payments + excluded.user_payments,
        indirect_costs = t.indirect_costs + excluded.indirect_costs,
        lines = t.lines + excluded.lines;
    return null;
end
$$;

create trigger cost_line_appended after insert on cost_line
    referencing new table as appended
    for each statement execute function add_to_cost_year_totals();

-- V2 and V3 were released together, so the ledger is empty here and there is nothing to backfill.
-- Should that ever not hold, stop rather than leave totals that disagree with the lines.
do $$
begin
    if exists (select 1 from cost_line) then
        raise exception 'cost_line has rows: backfill cost_year_total before adding the trigger';
    end if;
end
$$;

grant select, insert, update on cost_year_total to ${app_role};
