-- Merge forwards (spec/message.md §3.7, §3.11): a merge message's sub-messages are read by it.
create index message_upper on message (upper_message_id, created_at, id);

-- Urgent notifications (§3.13): who was buzzed about which message, and how. Unread urgent
-- messages per person are counted against Feishu's limit of 200, so the person leads the index.
create table message_urgent (
    message_id  bigint      not null references message (id) on delete cascade,
    user_id     bigint      not null references directory_user (id) on delete cascade,
    -- 'app', 'sms' or 'phone'
    kind        varchar(8)  not null,
    urgent_at   bigint      not null,
    primary key (message_id, user_id, kind)
);
create index message_urgent_user on message_urgent (user_id, message_id);

-- Follow-up bubbles (§3.14): at most one set per message, as sent.
create table message_follow_up (
    message_id  bigint          not null primary key references message (id) on delete cascade,
    -- [{"content":…,"i18n_contents":[{"content":…,"language":…}]}]
    follow_ups  varchar(100000) not null,
    created_at  bigint          not null
);
