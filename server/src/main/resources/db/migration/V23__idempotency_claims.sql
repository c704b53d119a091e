-- One table for the claims of idempotent requests (issue 16 item 2): a client's uuid on chat
-- creation (10 hours) and on sends, replies and forwards (1 hour). The first request for
-- (app, scope, uuid, target) inserts the claim in the transaction that does its work and records
-- the id of what it made; a repeat within the window finds that id. The target is what else the
-- request named (the owner of a chat, the receiver of a message), so the same uuid for another
-- target is another request.
create table idempotency_claim (
    app_id      bigint       not null references app (id) on delete cascade,
    scope       varchar(32)  not null,
    uuid        varchar(64)  not null,
    target      varchar(160) not null,
    result_id   bigint,
    expires_at  bigint       not null,
    primary key (app_id, scope, uuid, target)
);

-- Every row moves, expired ones too: expiry is judged against the server's clock when a request
-- reads its claim (expires_at > now), not the database's, and an expired row is replaced by the
-- next claim of its key, as before.
insert into idempotency_claim (app_id, scope, uuid, target, result_id, expires_at)
select app_id, 'chat.create', uuid, owner_key, chat_id, expires_at from chat_create_request;

insert into idempotency_claim (app_id, scope, uuid, target, result_id, expires_at)
select app_id, 'message.send', uuid, target, message_id, expires_at from message_request;

drop table chat_create_request;
drop table message_request;
