-- A database full of V9's data, for MigrationUpgradeTest once a V10 exists: V8's rows (V7's placements in
-- every state, V6's claims, V8's expectation and forecast), and V9's: where Re's recipients live (a
-- correction on the same day included) and Re's future-needs register, one entry linked to a recipient.
-- Re's 2022 is closed here (not 2023, which the test writes into after the upgrade).
-- Placements are written with row-level security relaxed for the owner, as V7 itself did: under
-- V7's policies only a request can be inserted, and confirming it is the host's update.

select set_config('app.municipality', 're', false);
insert into recipient values
    ('re', '11111111-0000-0000-0000-000000000001', 'R-1', 1990, true, 'INTELLECTUAL_DISABILITY', 0,
     now(), 'u', now(), 'u'),
    ('re', '11111111-0000-0000-0000-000000000002', 'R-2', 1980, false, 'OTHER', 3, now(), 'u', now(), 'u');
insert into audit_entry values ('re', gen_random_uuid(), now(), 'u', 'recipient.read', 'R-1');
insert into idempotency_record values ('re', gen_random_uuid(), 'k-1', 'h', '{}', now());
insert into cost_line (municipality_id, recipient_id, period, category, amount, note, created_at, created_by)
select 're', '11111111-0000-0000-0000-000000000001', make_date(2023, m, 1), 'DIRECT_WAGES', 250000.00, null, now(), 'u'
from generate_series(1, 12) m;
insert into cost_line (municipality_id, recipient_id, period, category, amount, note, created_at, created_by) values
    ('re', '11111111-0000-0000-0000-000000000001', '2023-12-01', 'USER_PAYMENT', 40000.00, null, now(), 'u'),
    ('re', '11111111-0000-0000-0000-000000000002', '2023-05-01', 'DIRECT_WAGES', -100.00, 'correction', now(), 'u'),
    ('re', '11111111-0000-0000-0000-000000000002', '2023-05-01', 'DIRECT_WAGES', 900000.00, null, now(), 'u');

alter table placement no force row level security;

select set_config('app.municipality', 'hof', false);
insert into recipient values
    ('hof', '22222222-0000-0000-0000-000000000001', 'H-1', 2001, true, 'SOMATIC', 1, now(), 'u', now(), 'u'),
    ('hof', '22222222-0000-0000-0000-000000000002', 'H-2', 1999, false, 'OTHER', 0, now(), 'u', now(), 'u');
insert into joint_service values
    ('hof', '33333333-0000-0000-0000-000000000001', '3k', 'Felles bolig', 'SHARED_HOME', 4, 0, now(), 'u', now(), 'u');
insert into placement values
    ('hof', '44444444-0000-0000-0000-000000000001', 'hof', '3k', '33333333-0000-0000-0000-000000000001',
     '22222222-0000-0000-0000-000000000001', 'H-1', '2023-01-01', null, 30.00, 0, now(), 'u', now(), 'u',
     'CONFIRMED', null),
    ('hof', '44444444-0000-0000-0000-000000000003', 'hof', '3k', '33333333-0000-0000-0000-000000000001',
     '22222222-0000-0000-0000-000000000002', 'H-2', '2024-01-01', null, null, 0, now(), 'u', now(), 'u',
     'REQUESTED', null),
    ('hof', '44444444-0000-0000-0000-000000000004', 'hof', '3k', '33333333-0000-0000-0000-000000000001',
     '22222222-0000-0000-0000-000000000002', 'H-2', '2023-06-01', null, null, 1, now(), 'u', now(), 'u',
     'DECLINED', 'no place for the summer');
insert into joint_cost (municipality_id, joint_service_id, period, category, amount, note, created_at, created_by) values
    ('hof', '33333333-0000-0000-0000-000000000001', '2023-01-01', 'DIRECT_WAGES', 500000.00, null, now(), 'u'),
    ('hof', '33333333-0000-0000-0000-000000000001', '2023-01-01', 'SHARED', 120000.00, null, now(), 'u');
insert into cost_line (municipality_id, recipient_id, period, category, amount, note, placement_id, created_at, created_by)
values ('hof', '22222222-0000-0000-0000-000000000001', '2023-01-01', 'JOINT_SERVICE', 300000.00,
        -- as V7 writes notes: the attribution reference, not the month's wages
        'share of joint service ''Felles bolig'' 2023-01 for this placement: 31 days x 30 h/week;'
            || ' attribution reference 3k/33333333-0000-0000-0000-000000000001/2023-01 (the host''s attribution view)',
        '44444444-0000-0000-0000-000000000001', now(), 'cooperation:3k');

-- Re's recipient in Hof's service: Re's row, naming Hof's service (checked past row-level security).
select set_config('app.municipality', 're', false);
insert into placement values
    ('re', '44444444-0000-0000-0000-000000000002', 'hof', '3k', '33333333-0000-0000-0000-000000000001',
     '11111111-0000-0000-0000-000000000002', 'R-2', '2023-01-01', '2023-06-30', 20.00, 1, now(), 'u', now(), 'u',
     'CONFIRMED', null);
insert into cost_line (municipality_id, recipient_id, period, category, amount, note, placement_id, created_at, created_by)
values ('re', '11111111-0000-0000-0000-000000000002', '2023-01-01', 'JOINT_SERVICE', 200000.00, null,
        '44444444-0000-0000-0000-000000000002', now(), 'cooperation:3k');

select set_config('app.municipality', '', false);
alter table placement force row level security;


-- V6: Re's claim for 2022 submitted, returned and submitted again (closed); Hof's reopened (open).
select set_config('app.municipality', 're', false);
insert into claim_submission (municipality_id, id, cost_year, number, state, snapshot, snapshot_sha256,
                              submitted_at, submitted_by, attested_at, attested_by, attestation_remark,
                              ended_at, ended_by, end_reason)
select 're', gen_random_uuid(), 2022, n, state, snapshot, encode(sha256(convert_to(snapshot, 'UTF8')), 'hex'),
       now(), 'u', attested_at, attested_by, remark, ended_at, ended_by, reason
from (values
    (1, 'RETURNED', '{"costYear":2022,"n":1}', now(), 'a', 'ok', now(), 'a', 'March is missing'),
    (2, 'ATTESTED', '{"costYear":2022,"n":2}', now(), 'a', null, null, null, null))
    as v(n, state, snapshot, attested_at, attested_by, remark, ended_at, ended_by, reason);
insert into closed_cost_year values ('re', 2022, true, now(), 'u');

select set_config('app.municipality', 'hof', false);
insert into claim_submission (municipality_id, id, cost_year, number, state, snapshot, snapshot_sha256,
                              submitted_at, submitted_by, ended_at, ended_by, end_reason)
values ('hof', gen_random_uuid(), 2023, 1, 'REOPENED', '{}', encode(sha256(convert_to('{}', 'UTF8')), 'hex'),
        now(), 'u', now(), 'u', 'late payroll');
insert into closed_cost_year values ('hof', 2023, false, now(), 'u');

select set_config('app.municipality', '', false);


-- V8: Re's expectation for a recipient in 2024 and a forecast of 2024 (its snapshot checked by
-- the database); the monthly totals came from the lines above through V8's trigger.
select set_config('app.municipality', 're', false);
insert into estimate_override values
    ('re', 2024, '11111111-0000-0000-0000-000000000002', 6, 80000.00, null, 0, now(), 'u');
insert into claim_forecast
select 're', gen_random_uuid(), 2024, '1. tertial', snapshot, encode(sha256(convert_to(snapshot, 'UTF8')), 'hex'),
       now(), 'u'
from (values ('{"costYear":2024,"grant":"0.00"}')) as v(snapshot);
select set_config('app.municipality', '', false);


-- V9: Re's recipients' housing (R-1 corrected on the day it moved), and two register entries with
-- their conversations: one ACTIVE, one that became R-2.
select set_config('app.municipality', 're', false);
insert into recipient_housing values
    ('re', '11111111-0000-0000-0000-000000000001', gen_random_uuid(), '2023-01-01', 4, 'UTVIDET', now(), 'u'),
    ('re', '11111111-0000-0000-0000-000000000001', gen_random_uuid(), '2024-03-01', 3, null, now(), 'u'),
    ('re', '11111111-0000-0000-0000-000000000001', gen_random_uuid(), '2024-03-01', 2, 'BASIS', now(), 'u'),
    ('re', '11111111-0000-0000-0000-000000000002', gen_random_uuid(), '2023-05-01', 5, 'EKSTRA', now(), 'u');
insert into need values
    ('re', '55555555-0000-0000-0000-000000000001', 'U-2010-1', 2010, 'INTELLECTUAL_DISABILITY', 2028, 3, 'UTVIDET',
     20.0, 30.0, 'ACTIVE', null, 1, now(), 'u', now(), 'u'),
    ('re', '55555555-0000-0000-0000-000000000002', 'U-2005-1', 2005, 'OTHER', 2023, 5, 'EKSTRA',
     40.0, null, 'BECAME_RECIPIENT', '11111111-0000-0000-0000-000000000002', 2, now(), 'u', now(), 'u');
insert into need_conversation values
    ('re', '55555555-0000-0000-0000-000000000001', gen_random_uuid(), '2024-05-02', 2029, 4, null, 30.0, 30.0,
     now(), 'u'),
    ('re', '55555555-0000-0000-0000-000000000001', gen_random_uuid(), '2025-05-06', 2028, 3, 'UTVIDET', 20.0, 30.0,
     now(), 'u'),
    ('re', '55555555-0000-0000-0000-000000000002', gen_random_uuid(), '2022-04-01', 2023, 5, 'EKSTRA', 40.0, null,
     now(), 'u');
select set_config('app.municipality', '', false);
