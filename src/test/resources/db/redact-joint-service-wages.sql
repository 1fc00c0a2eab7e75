-- Issue 9 B: JOINT_SERVICE lines written before it ended their note with the month's direct wages
-- of the joint service; with its own amount a home could work out the month's total weight and so
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
