-- How far each person has read in each chat: the newest message they read, by (created_at, id).
-- The chat list counts unread messages from here on, one index range per chat, rather than
-- checking every message of the chat against message_read (a chat of 100,000 never-read
-- messages would otherwise cost 100,000 lookups on every list).
create table chat_read_position (
    chat_id     bigint not null references chat (id) on delete cascade,
    user_id     bigint not null references directory_user (id) on delete cascade,
    read_at     bigint not null,
    message_id  bigint not null,
    primary key (chat_id, user_id)
);

-- Positions of the reads made before this table existed.
insert into chat_read_position (chat_id, user_id, read_at, message_id)
select chat_id, user_id, created_at, id
from (select m.chat_id, r.user_id, m.created_at, m.id,
             row_number() over (partition by m.chat_id, r.user_id order by m.created_at desc, m.id desc) as n
      from message_read r join message m on m.id = r.message_id) newest
where n = 1;
