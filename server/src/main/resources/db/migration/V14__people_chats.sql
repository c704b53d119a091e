-- p2p chats between two people (issue 17). Such a chat has no app: p2p_user_id holds the person
-- with the smaller row key and p2p_peer_user_id the other, so that the unique index gives the pair
-- one chat whichever of them writes first. Bot p2p chats keep p2p_app_id and leave the peer null;
-- null entries are distinct in a unique index on both databases, so they never collide here.
alter table chat add column p2p_peer_user_id bigint;
alter table chat add constraint chat_p2p_peer_user foreign key (p2p_peer_user_id) references directory_user (id);
create unique index chat_p2p_people on chat (p2p_user_id, p2p_peer_user_id);
