-- The delivery inspector pages one app's deliveries newest first by (created_at, id), narrowed by
-- status, event type and a time range. Each combination of filters it offers has an index that
-- leads with its equality columns and ends with the page key, so every page is one index range
-- scan whatever the number of deliveries. The event type is kept on the delivery for that (it
-- never changes once recorded).
alter table delivery add column event_type varchar(128);
update delivery set event_type = (select e.event_type from event_outbox e where e.id = delivery.event_id);
alter table delivery alter column event_type set not null;

drop index delivery_app;
create index delivery_app on delivery (app_id, created_at, id);
create index delivery_app_status on delivery (app_id, status, created_at, id);
create index delivery_app_type on delivery (app_id, event_type, created_at, id);
create index delivery_app_status_type on delivery (app_id, status, event_type, created_at, id);
