-- Planning (issue 12, part B): where recipients live (housing form 1-5 and base level, a dated
-- history), and the future-needs register of youths from age 14 with every yearly conversation
-- kept. Only pseudonymous refs, birth years and answers from fixed lists: no free text.

-- Where a recipient lives from a date on: a history, appended and never changed (a correction is a
-- new row from the same or a later date; the newest row for a date wins).
create table recipient_housing (
    municipality_id text        not null,
    recipient_id    uuid        not null,
    id              uuid        not null,
    valid_from      date        not null check (valid_from between '2000-01-01' and '2100-12-31'),
    housing_form    integer     not null check (housing_form between 1 and 5),
    base_level      text        check (base_level in ('PLUSS', 'BASIS', 'UTVIDET', 'EKSTRA')),
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (municipality_id, id),
    foreign key (municipality_id, recipient_id) references recipient (municipality_id, id)
);
create index recipient_housing_by_recipient
    on recipient_housing (municipality_id, recipient_id, valid_from, recorded_at);

-- A youth in the future-needs register: pseudonymous (the recipients' ref rules), what the family
-- said most recently, and a status; becoming a recipient links the recipient.
create table need (
    municipality_id        text          not null,
    id                     uuid          not null,
    ref                    varchar(64)   not null check (ref ~ '^[A-Za-z0-9_-]{1,64}$' and ref !~ '^[0-9]{11}$'),
    birth_year             integer       not null check (birth_year between 1900 and 2200),
    user_group             text          not null check (user_group in
                               ('INTELLECTUAL_DISABILITY', 'MENTAL_HEALTH_SUBSTANCE', 'SOMATIC', 'OTHER')),
    expected_move_out_year integer       check (expected_move_out_year between 2000 and 2100),
    housing_form           integer       check (housing_form between 1 and 5),
    base_level             text          check (base_level in ('PLUSS', 'BASIS', 'UTVIDET', 'EKSTRA')),
    hours_per_week_min     numeric(5, 1) check (hours_per_week_min between 0 and 168),
    hours_per_week_max     numeric(5, 1) check (hours_per_week_max between 0 and 168),
    status                 text          not null check (status in
                               ('ACTIVE', 'DECLINED', 'MOVED_AWAY', 'BECAME_RECIPIENT')),
    recipient_id           uuid,
    version                bigint        not null,
    created_at             timestamptz   not null,
    created_by             text          not null,
    updated_at             timestamptz   not null,
    updated_by             text          not null,
    primary key (municipality_id, id),
    unique (municipality_id, ref),
    foreign key (municipality_id, recipient_id) references recipient (municipality_id, id),
    check ((status = 'BECAME_RECIPIENT') = (recipient_id is not null)),
    check (hours_per_week_min is null or hours_per_week_max is null or hours_per_week_min <= hours_per_week_max)
);

-- Each yearly conversation as held: what the family answered that day. Never changed.
create table need_conversation (
    municipality_id        text          not null,
    need_id                uuid          not null,
    id                     uuid          not null,
    held_on                date          not null check (held_on between '2000-01-01' and '2100-12-31'),
    expected_move_out_year integer       check (expected_move_out_year between 2000 and 2100),
    housing_form           integer       check (housing_form between 1 and 5),
    base_level             text          check (base_level in ('PLUSS', 'BASIS', 'UTVIDET', 'EKSTRA')),
    hours_per_week_min     numeric(5, 1) check (hours_per_week_min between 0 and 168),
    hours_per_week_max     numeric(5, 1) check (hours_per_week_max between 0 and 168),
    recorded_at            timestamptz   not null,
    recorded_by            text          not null,
    primary key (municipality_id, id),
    foreign key (municipality_id, need_id) references need (municipality_id, id),
    check (hours_per_week_min is null or hours_per_week_max is null or hours_per_week_min <= hours_per_week_max)
);
create index need_conversation_by_need on need_conversation (municipality_id, need_id, held_on);

do $$
declare
    t text;
begin
    foreach t in array array['recipient_housing', 'need', 'need_conversation'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy municipality_isolation on %I
                           using (municipality_id = nullif(current_setting('app.municipality', true), ''))
                           with check (municipality_id = nullif(current_setting('app.municipality', true), ''))$p$, t);
    end loop;
end
$$;

-- History rows are only added; a register entry changes (its status, its latest answers), never
-- its key, and is never deleted.
grant select, insert on recipient_housing to ${app_role};
grant select, insert on need_conversation to ${app_role};
grant select, insert on need to ${app_role};
grant update (birth_year, user_group, expected_move_out_year, housing_form, base_level, hours_per_week_min,
              hours_per_week_max, status, recipient_id, version, updated_at, updated_by)
    on need to ${app_role};
