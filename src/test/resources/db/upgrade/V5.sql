-- A database full of V5's data, for MigrationUpgradeTest: every table holds rows of two
-- municipalities, written as the owner under each one's row-level security binding, as the service
-- would have written them (V5 changed grants and the totals' trigger, no table). Two homes have a
-- placement in one host's service (Hof hosts; Re and Hof place), each with its attributed line, as
-- placed before placements needed the host's confirmation. The next migration must run on this and
-- keep every row.

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

select set_config('app.municipality', 'hof', false);
insert into recipient values
    ('hof', '22222222-0000-0000-0000-000000000001', 'H-1', 2001, true, 'SOMATIC', 1, now(), 'u', now(), 'u');
insert into joint_service values
    ('hof', '33333333-0000-0000-0000-000000000001', '3k', 'Felles bolig', 'SHARED_HOME', 4, 0, now(), 'u', now(), 'u');
insert into placement values
    ('hof', '44444444-0000-0000-0000-000000000001', 'hof', '3k', '33333333-0000-0000-0000-000000000001',
     '22222222-0000-0000-0000-000000000001', 'H-1', '2023-01-01', null, 30.00, 0, now(), 'u', now(), 'u');
insert into joint_cost (municipality_id, joint_service_id, period, category, amount, note, created_at, created_by) values
    ('hof', '33333333-0000-0000-0000-000000000001', '2023-01-01', 'DIRECT_WAGES', 500000.00, null, now(), 'u'),
    ('hof', '33333333-0000-0000-0000-000000000001', '2023-01-01', 'SHARED', 120000.00, null, now(), 'u');
insert into cost_line (municipality_id, recipient_id, period, category, amount, note, placement_id, created_at, created_by)
values ('hof', '22222222-0000-0000-0000-000000000001', '2023-01-01', 'JOINT_SERVICE', 300000.00, null,
        '44444444-0000-0000-0000-000000000001', now(), 'cooperation:3k');

-- Re's recipient in Hof's service: Re's row, naming Hof's service (checked past row-level security).
select set_config('app.municipality', 're', false);
insert into placement values
    ('re', '44444444-0000-0000-0000-000000000002', 'hof', '3k', '33333333-0000-0000-0000-000000000001',
     '11111111-0000-0000-0000-000000000002', 'R-2', '2023-01-01', '2023-06-30', 20.00, 1, now(), 'u', now(), 'u');
insert into cost_line (municipality_id, recipient_id, period, category, amount, note, placement_id, created_at, created_by)
values ('re', '11111111-0000-0000-0000-000000000002', '2023-01-01', 'JOINT_SERVICE', 200000.00, null,
        '44444444-0000-0000-0000-000000000002', now(), 'cooperation:3k');

select set_config('app.municipality', '', false);
