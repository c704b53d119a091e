-- Fan-out reads the outbox by key from one cursor instead of setting a flag on every event it has
-- fanned out (issue 14): the rewrite of each outbox row was a tenth of PostgreSQL's time in the
-- benchmark's send step. Keys show up in commit order, not key order, so the cursor also keeps the
-- ranges below it that were missing when it passed them (see FanoutCursor).
create table fanout_cursor (
    id    integer primary key,
    -- every event with a higher key is still to fan out
    high  bigint           not null,
    -- missing ranges to read again: "from-to@millis" joined by commas
    gaps  varchar(1000000) not null
);

-- From just before the first event not fanned out yet. Any fanned out after it are read again;
-- their deliveries exist already, and a delivery is made once per (event, app).
insert into fanout_cursor (id, high, gaps)
values (1, coalesce((select min(id) - 1 from event_outbox where fanned_out = false),
                    (select max(id) from event_outbox), 0), '');

drop index event_outbox_pending;
alter table event_outbox drop column fanned_out;
