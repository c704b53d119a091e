-- Who read which message, when. read_users pages by (message, read_at, user).
create table message_read (
    message_id  bigint not null references message (id) on delete cascade,
    user_id     bigint not null references directory_user (id) on delete cascade,
    read_at     bigint not null,
    primary key (message_id, user_id)
);
create index message_read_page on message_read (message_id, read_at, user_id);
