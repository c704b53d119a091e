-- The person who owns an app, as a Feishu app has an owner in its developer console. Legacy
-- bot/v4/add lets a bot join a group only when its owner is already in it (issue 13).
alter table app add column owner_user_id bigint references directory_user (id);
