-- Placements are requested by the home and confirmed by the host (issue 9, part C).
--
-- Until now a home placed its recipient with usage it declared itself, and so rewrote the other
-- homes' JOINT_SERVICE lines on its own say-so. Now a placement has a status: a home REQUESTS a
-- place (wished dates, no usage); the host CONFIRMS it with the usage it will provide, or DECLINES
-- it with a reason; a home may WITHDRAW a request, and end its confirmed placement from a day not in
-- the past. Only a confirmed placement takes a place, carries usage and is attributed.
--
-- Who may change what is enforced here per party, not only in the service: the host may now update
-- the placements in its services (a second UPDATE policy), and a trigger allows each party exactly
-- its own transitions. Every placement there is was placed under the old rules and stays in force:
-- it becomes CONFIRMED with its usage.

alter table placement add column status text not null default 'CONFIRMED'
    check (status in ('REQUESTED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN'));
alter table placement alter column status drop default;
alter table placement add column decline_reason varchar(500)
    check (decline_reason is null or length(trim(decline_reason)) > 0);
alter table placement alter column usage_hours_per_week drop not null;
-- Usage is the host's, given with the confirmation; a reason belongs to a decline only.
alter table placement add constraint placement_usage_only_when_confirmed
    check ((status = 'CONFIRMED') = (usage_hours_per_week is not null));
alter table placement add constraint placement_reason_only_when_declined
    check ((status = 'DECLINED') = (decline_reason is not null));

-- Capacity and attribution read the confirmed placements of a service.
create index placement_confirmed_by_service on placement (host_municipality_id, joint_service_id, starts_on)
    where status = 'CONFIRMED';

-- A home inserts only requests: no usage, no status of its own choosing.
drop policy home_inserts on placement;
create policy home_inserts on placement for insert
    with check (municipality_id = nullif(current_setting('app.municipality', true), '')
                and status = 'REQUESTED' and usage_hours_per_week is null and decline_reason is null);
-- The host may update the placements in its services; what each party may change is the trigger's.
create policy host_updates on placement for update
    using (host_municipality_id = nullif(current_setting('app.municipality', true), ''))
    with check (host_municipality_id = nullif(current_setting('app.municipality', true), ''));

create function placement_changes_by_party() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
declare
    bound text := nullif(current_setting('app.municipality', true), '');
    is_home boolean := bound is not null and old.municipality_id = bound;
    is_host boolean := bound is not null and old.host_municipality_id = bound;
    same_dates boolean := new.starts_on = old.starts_on and new.ends_on is not distinct from old.ends_on;
    -- the service's "not in the past", a day's leeway for a request that crosses midnight
    yesterday date := (now() at time zone 'Europe/Oslo')::date - 1;
begin
    if new.version <> old.version + 1 then
        raise exception using errcode = '42501', message = 'a placement''s version goes up by one with each change';
    end if;
    if is_home and (
           -- withdraw a request
           (old.status = 'REQUESTED' and new.status = 'WITHDRAWN' and same_dates
                and new.usage_hours_per_week is null and new.decline_reason is null)
           -- change the wished dates of a request
        or (old.status = 'REQUESTED' and new.status = 'REQUESTED'
                and new.usage_hours_per_week is null and new.decline_reason is null)
           -- set or bring forward the end of a confirmed placement, not into the past
        or (old.status = 'CONFIRMED' and new.status = 'CONFIRMED' and new.starts_on = old.starts_on
                and new.usage_hours_per_week = old.usage_hours_per_week
                and new.ends_on is not null and new.ends_on >= yesterday
                and (old.ends_on is null or new.ends_on <= old.ends_on))) then
        return new;
    end if;
    if is_host and same_dates and (
           -- confirm a request with the usage the host will provide
           (old.status = 'REQUESTED' and new.status = 'CONFIRMED' and new.usage_hours_per_week is not null
                and new.decline_reason is null)
           -- decline a request with a reason
        or (old.status = 'REQUESTED' and new.status = 'DECLINED' and new.usage_hours_per_week is null
                and new.decline_reason is not null)
           -- change the usage of a confirmed placement
        or (old.status = 'CONFIRMED' and new.status = 'CONFIRMED' and new.usage_hours_per_week is not null)) then
        return new;
    end if;
    raise exception using
        errcode = '42501',
        message = format('placement %s (%s): not a change %s may make', old.id, old.status, coalesce(bound, 'nobody'));
end
$$;

create trigger placement_changes_by_party before update on placement
    for each row execute function placement_changes_by_party();

grant update (status, decline_reason) on placement to ${app_role};

-- Issue 9 B, in the same upgrade: JOINT_SERVICE lines written before it ended their note with the
-- month's direct wages of the joint service; with its own amount a home could work out the month's total weight and so
-- the other placements' care. The wages part is replaced by the attribution reference the host can
-- look up (GET /api/v1/cooperations/{id}/services/{serviceId}/attribution/{costYear}). Runs as the
-- schema owner; row-level security is forced on both tables, so it is lifted for this statement.
alter table cost_line no force row level security;
alter table placement no force row level security;
update cost_line c
   set note = regexp_replace(
           c.note,
           ', of the month''s direct wages -?[0-9]+(\.[0-9]+)?$',
           '; attribution reference ' || p.cooperation_id || '/' || p.joint_service_id || '/'
               || to_char(c.period, 'YYYY-MM') || ' (the host''s attribution view)')
  from placement p
 where p.municipality_id = c.municipality_id
   and p.id = c.placement_id
   and c.category = 'JOINT_SERVICE'
   and c.note ~ ', of the month''s direct wages -?[0-9]+(\.[0-9]+)?$';
alter table placement force row level security;
alter table cost_line force row level security;

-- Issue 9, found by the outside attack: a cost line's id came from one sequence for every
-- municipality, so the gaps between a home's ids counted the lines written meanwhile in other
-- municipalities' ledgers (an attribution run writes every home's lines in turn). The API now names
-- a line by a random id; the sequence's number only keeps the ledger's order and is never shown.
alter table cost_line add column line_id uuid not null default gen_random_uuid();
alter table cost_line add constraint cost_line_line_id unique (municipality_id, line_id);
