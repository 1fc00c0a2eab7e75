-- Integrity rules the runtime role cannot get around, added in place on a database full of data.
--
-- 1. cost_year_total, which every claim reads, changes only through the ledger: the runtime role
--    may read it, not write it. The trigger that keeps it runs as the owner (SECURITY DEFINER) with a
--    fixed search_path, so a session cannot put its own table or function in the trigger's way.
--    Row-level security is forced on the table, so the owner's trigger still writes only the rows of
--    the municipality the session is bound to.
-- 2. Key columns are never updated: the runtime role may update only a recipient's attributes
--    (placement and joint_service got column grants in V4; cost_line, joint_cost, audit_entry and
--    idempotency_record take no updates at all).

revoke insert, update, delete on cost_year_total from ${app_role};

create or replace function add_to_cost_year_totals() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
as $$
begin
    insert into ${flyway:defaultSchema}.cost_year_total as t (municipality_id, recipient_id, year, direct_wage_costs,
                                      earmarked_grants, host_municipality_grant, user_payments, indirect_costs, lines)
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

-- Only the trigger calls it; nobody may call it directly.
revoke all on function add_to_cost_year_totals() from public;
-- Nobody but the owner creates objects in the schema (a cluster first made on PostgreSQL 14 or older
-- still grants CREATE to PUBLIC): nothing can be put in the definer function's search path.
revoke create on schema ${flyway:defaultSchema} from public;

revoke update on recipient from ${app_role};
grant update (birth_year, intellectual_disability, user_group, version, updated_at, updated_by)
    on recipient to ${app_role};
