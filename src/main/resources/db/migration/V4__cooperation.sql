-- The cooperation module: joint services run by a host municipality, placements of the members'
-- recipients in them, and the joint services' costs. Cooperations and their agreements are
-- operator files (tenants/cooperations/); only what the municipalities record lives here.
--
-- Whose rows: a joint service and its costs are the host's; a placement is the home
-- municipality's (it places its own recipient), and the host of the service reads it too: the
-- pseudonymous ref, dates and usage are exactly what may cross to the host (DOMAIN.md, Privacy),
-- and the row holds nothing else about the recipient.

create table joint_service (
    municipality_id text         not null,  -- the host
    id              uuid         not null,
    cooperation_id  text         not null check (cooperation_id ~ '^[a-z0-9-]{1,64}$'),
    name            varchar(200) not null check (length(trim(name)) > 0),
    kind            text         not null check (kind in ('SHARED_HOME', 'DAY_SERVICE', 'RELIEF_CARE', 'OTHER')),
    capacity        integer      not null check (capacity between 1 and 500),
    version         bigint       not null,
    created_at      timestamptz  not null,
    created_by      text         not null,
    updated_at      timestamptz  not null,
    updated_by      text         not null,
    primary key (municipality_id, id),
    unique (municipality_id, cooperation_id, name),
    unique (municipality_id, cooperation_id, id)  -- what a placement names: host, cooperation, service
);

-- A placement carries its recipient's ref for the host; the key ties the copy to the recipient.
alter table recipient add constraint recipient_id_and_ref unique (municipality_id, id, ref);

create table placement (
    municipality_id      text         not null,  -- the home municipality
    id                   uuid         not null,
    host_municipality_id text         not null,
    cooperation_id       text         not null,
    joint_service_id     uuid         not null,
    recipient_id         uuid         not null,
    recipient_ref        varchar(64)  not null,  -- the home's pseudonymous ref, for the host
    starts_on            date         not null,
    ends_on              date,                   -- last day, inclusive; null while open
    usage_hours_per_week numeric(5,2) not null check (usage_hours_per_week > 0 and usage_hours_per_week <= 168),
    version              bigint       not null,
    created_at           timestamptz  not null,
    created_by           text         not null,
    updated_at           timestamptz  not null,
    updated_by           text         not null,
    primary key (municipality_id, id),
    unique (municipality_id, id, recipient_id),
    check (ends_on is null or ends_on >= starts_on),
    -- Foreign keys are checked past row-level security, so they are what ties a home's row to
    -- facts it cannot see: the service exists, with that host, in that cooperation; the ref is its
    -- own recipient's.
    foreign key (municipality_id, recipient_id, recipient_ref) references recipient (municipality_id, id, ref),
    foreign key (host_municipality_id, cooperation_id, joint_service_id)
        references joint_service (municipality_id, cooperation_id, id)
);
create index placement_by_recipient on placement (municipality_id, recipient_id, starts_on);
-- The host reads its services' placements; capacity checks and attribution go by service and date.
create index placement_by_service on placement (host_municipality_id, joint_service_id, starts_on);

-- A joint service's costs per month, append-only like the ledger (a correction is a negative line
-- with a note). DIRECT_WAGES are attributed to the placements; SHARED are split among the members.
create table joint_cost (
    municipality_id  text          not null,  -- the host
    id               bigint        generated always as identity,
    joint_service_id uuid          not null,
    period           date          not null check (extract(day from period) = 1),
    category         text          not null check (category in ('DIRECT_WAGES', 'SHARED')),
    amount           numeric(15,2) not null check (amount <> 0 and abs(amount) <= 100000000),
    note             text          check (note is null or length(note) <= 500),
    created_at       timestamptz   not null,
    created_by       text          not null,
    primary key (municipality_id, id),
    check (amount > 0 or note is not null),
    foreign key (municipality_id, joint_service_id) references joint_service (municipality_id, id)
);
create index joint_cost_by_service on joint_cost (municipality_id, joint_service_id, period);

-- A JOINT_SERVICE ledger line is always a placement's attributed share of a month's joint direct
-- wages, and only such a line names a placement. Re-attribution appends a reversal and a new line;
-- the current share of a placement-month is the sum of its lines.
alter table cost_line add column placement_id uuid;
alter table cost_line add constraint cost_line_joint_service_names_its_placement
    check ((category = 'JOINT_SERVICE') = (placement_id is not null));
alter table cost_line add constraint cost_line_placement_is_the_recipients
    foreign key (municipality_id, placement_id, recipient_id) references placement (municipality_id, id, recipient_id);
create index cost_line_by_placement on cost_line (municipality_id, placement_id, period) where placement_id is not null;

do $$
declare
    t text;
begin
    foreach t in array array['joint_service', 'joint_cost'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy municipality_isolation on %I
                           using (municipality_id = nullif(current_setting('app.municipality', true), ''))
                           with check (municipality_id = nullif(current_setting('app.municipality', true), ''))$p$, t);
    end loop;
end
$$;

-- Placements: the home reads and writes its own; the host reads the placements in its services.
alter table placement enable row level security;
alter table placement force row level security;
create policy home_or_host_reads on placement for select
    using (municipality_id = nullif(current_setting('app.municipality', true), '')
           or host_municipality_id = nullif(current_setting('app.municipality', true), ''));
create policy home_inserts on placement for insert
    with check (municipality_id = nullif(current_setting('app.municipality', true), ''));
create policy home_updates on placement for update
    using (municipality_id = nullif(current_setting('app.municipality', true), ''))
    with check (municipality_id = nullif(current_setting('app.municipality', true), ''));

-- Updates only of what may change: never the keys, the host, the cooperation or the recipient.
grant select, insert on joint_service to ${app_role};
grant update (name, kind, capacity, version, updated_at, updated_by) on joint_service to ${app_role};
grant select, insert on placement to ${app_role};
grant update (starts_on, ends_on, usage_hours_per_week, version, updated_at, updated_by) on placement to ${app_role};
grant select, insert on joint_cost to ${app_role};
grant usage on sequence joint_cost_id_seq to ${app_role};
