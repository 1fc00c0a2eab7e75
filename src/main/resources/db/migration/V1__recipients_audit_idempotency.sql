-- Runs as the schema owner. The service's runtime role (${app_role}) owns nothing and gets only the
-- privileges it needs; row-level security, forced, keeps every municipality to its own rows.
-- Every tenant-owned table: primary key led by municipality_id (the stable tenant id, not the
-- municipality number, so history survives a merger), RLS enabled and forced, one policy.

create table recipient (
    municipality_id         text        not null,
    id                      uuid        not null,
    ref                     varchar(64) not null check (ref ~ '^[A-Za-z0-9_-]{1,64}$' and ref !~ '^[0-9]{11}$'),
    birth_year              integer     not null check (birth_year between 1900 and 2200),
    intellectual_disability boolean     not null,
    user_group              text        not null check (user_group in
                                ('INTELLECTUAL_DISABILITY', 'MENTAL_HEALTH_SUBSTANCE', 'SOMATIC', 'OTHER')),
    version                 bigint      not null,
    created_at              timestamptz not null,
    created_by              text        not null,
    updated_at              timestamptz not null,
    updated_by              text        not null,
    primary key (municipality_id, id),
    unique (municipality_id, ref)
);

-- Who read or wrote recipient-level data. Append-only for the service: no update, no delete.
create table audit_entry (
    municipality_id text        not null,
    id              uuid        not null,
    at              timestamptz not null,
    actor           text        not null,
    action          text        not null,
    resource        text        not null,
    primary key (municipality_id, id)
);
create index audit_entry_at on audit_entry (municipality_id, at);

create table idempotency_record (
    municipality_id text        not null,
    id              uuid        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_body   text        not null,
    created_at      timestamptz not null,
    primary key (municipality_id, id),
    unique (municipality_id, idempotency_key)
);

do $$
declare
    t text;
begin
    foreach t in array array['recipient', 'audit_entry', 'idempotency_record'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy municipality_isolation on %I
                           using (municipality_id = nullif(current_setting('app.municipality', true), ''))
                           with check (municipality_id = nullif(current_setting('app.municipality', true), ''))$p$, t);
    end loop;
end
$$;

grant select, insert, update on recipient to ${app_role};
grant select, insert on audit_entry to ${app_role};
grant select, insert on idempotency_record to ${app_role};
