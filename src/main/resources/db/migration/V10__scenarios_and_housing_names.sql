-- Planning (issue 12, parts B and C): a municipality's own names for the housing forms and base
-- levels (Drammen's are the default, kept in code), and named scenarios for the projection.

-- A name a municipality gives a housing form ('1'-'5') or a base level; absent: the default name.
create table housing_name (
    municipality_id text         not null,
    kind            text         not null check (kind in ('HOUSING_FORM', 'BASE_LEVEL')),
    code            text         not null,
    name            varchar(80)  not null check (length(btrim(name)) > 0),
    updated_at      timestamptz  not null,
    updated_by      text         not null,
    primary key (municipality_id, kind, code),
    check ((kind = 'HOUSING_FORM' and code in ('1', '2', '3', '4', '5'))
        or (kind = 'BASE_LEVEL' and code in ('PLUSS', 'BASIS', 'UTVIDET', 'EKSTRA')))
);

-- A scenario: the projection's assumptions as a municipality states them. The scalar assumptions
-- that feed the projected rules are columns with their bounds; the lists (costs by housing form,
-- the forms new residents get, moves into joint services, savings) are one JSON document the
-- service validates as a whole, because a scenario is read and replaced as a whole.
create table scenario (
    municipality_id    text          not null,
    id                 uuid          not null,
    name               varchar(100)  not null check (length(btrim(name)) > 0),
    yearly_wage_growth numeric(7, 6) not null check (yearly_wage_growth between -0.2 and 0.5),
    yearly_extra_step  numeric(9, 2) not null check (yearly_extra_step between 0 and 1000000),
    yearly_exit_rate   numeric(5, 4) not null check (yearly_exit_rate between 0 and 1),
    parameters         jsonb         not null check (jsonb_typeof(parameters) = 'object'),
    version            bigint        not null,
    created_at         timestamptz   not null,
    created_by         text          not null,
    updated_at         timestamptz   not null,
    updated_by         text          not null,
    primary key (municipality_id, id),
    unique (municipality_id, name)
);

do $$
declare
    t text;
begin
    foreach t in array array['housing_name', 'scenario'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy municipality_isolation on %I
                           using (municipality_id = nullif(current_setting('app.municipality', true), ''))
                           with check (municipality_id = nullif(current_setting('app.municipality', true), ''))$p$, t);
    end loop;
end
$$;

-- A renamed form can be named again or reset to its default (deleted); keys never change.
grant select, insert, delete on housing_name to ${app_role};
grant update (name, updated_at, updated_by) on housing_name to ${app_role};
-- A scenario is planning data, not a record: it can be changed (with its version) and deleted; the
-- audit trail keeps who did what.
grant select, insert, delete on scenario to ${app_role};
grant update (name, yearly_wage_growth, yearly_extra_step, yearly_exit_rate, parameters, version, updated_at,
              updated_by)
    on scenario to ${app_role};
