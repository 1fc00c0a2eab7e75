-- Yearly totals per recipient and category, kept by the database as lines are appended, so that a
-- claim reads a handful of rows per recipient instead of every monthly line (a claim of a large
-- municipality must answer in milliseconds). The ledger is append-only, so inserts are the only
-- change to follow; the trigger is per statement, so an import of 100 000 lines updates each total
-- once. It runs with the inserting session's rights: row-level security applies to it as well.

create table cost_year_total (
    municipality_id text          not null,
    recipient_id    uuid          not null,
    year            integer       not null,
    category        text          not null,
    amount          numeric(17,2) not null,
    lines           bigint        not null,
    primary key (municipality_id, year, recipient_id, category),
    foreign key (municipality_id, recipient_id) references recipient (municipality_id, id)
);

alter table cost_year_total enable row level security;
alter table cost_year_total force row level security;
create policy municipality_isolation on cost_year_total
    using (municipality_id = nullif(current_setting('app.municipality', true), ''))
    with check (municipality_id = nullif(current_setting('app.municipality', true), ''));

create function add_to_cost_year_totals() returns trigger language plpgsql as $$
begin
    insert into cost_year_total as t (municipality_id, recipient_id, year, category, amount, lines)
    select municipality_id, recipient_id, extract(year from period)::integer, category, sum(amount), count(*)
    from appended
    group by 1, 2, 3, 4
    -- a fixed order, so concurrent imports touching the same totals lock them in the same order
    order by 1, 3, 2, 4
    on conflict (municipality_id, year, recipient_id, category)
    do update set amount = t.amount + excluded.amount, lines = t.lines + excluded.lines;
    return null;
end
$$;

create trigger cost_line_appended after insert on cost_line
    referencing new table as appended
    for each statement execute function add_to_cost_year_totals();

insert into cost_year_total (municipality_id, recipient_id, year, category, amount, lines)
select municipality_id, recipient_id, extract(year from period)::integer, category, sum(amount), count(*)
from cost_line
group by 1, 2, 3, 4;

grant select, insert, update on cost_year_total to ${app_role};
