package dev.larkspur.message.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReadRepository {
    private final JdbcClient jdbc;

    ReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One read receipt. */
    public record Read(long userPk, long readAt) {}

    /** Records the read; false when the user had already read the message. */
    public boolean insert(long messagePk, long userPk, long now) {
        return jdbc.sql(
                                "insert into message_read (message_id, user_id, read_at) values (?, ?, ?) on conflict do nothing")
                        .params(messagePk, userPk, now)
                        .update()
                > 0;
    }

    /** Which of these messages the user has read already, in one query. */
    public java.util.Set<Long> readAmong(long userPk, List<Long> messagePks) {
        if (messagePks.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("select message_id from message_read where user_id = :user and message_id in (:messages)")
                        .param("user", userPk)
                        .param("messages", messagePks)
                        .query(Long.class)
                        .list());
    }

    public List<Read> page(long messagePk, long afterReadAt, long afterUserPk, int limit) {
        return jdbc.sql(
                        """
                        select user_id, read_at from message_read
                        where message_id = :message
                          and (read_at > :readAt or (read_at = :readAt and user_id > :user))
                        order by read_at, user_id limit :limit""")
                .param("message", messagePk)
                .param("readAt", afterReadAt)
                .param("user", afterUserPk)
                .param("limit", limit)
                .query((rs, n) -> new Read(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /**
     * Moves the person's read position in a chat up to this message; a position already past it
     * stays. Two readers racing on a first insert leave one of their positions, both of them read.
     */
    public void advance(long chatPk, long userPk, long createdAt, long messagePk) {
        var position = Map.of("chat", chatPk, "user", userPk, "readAt", createdAt, "message", messagePk);
        int moved = jdbc.sql(
                        """
                        update chat_read_position set read_at = :readAt, message_id = :message
                        where chat_id = :chat and user_id = :user
                          and (read_at < :readAt or (read_at = :readAt and message_id < :message))""")
                .params(position)
                .update();
        if (moved == 0) {
            jdbc.sql(
                            """
                            insert into chat_read_position (chat_id, user_id, read_at, message_id)
                            values (:chat, :user, :readAt, :message)
                            on conflict do nothing""")
                    .params(position)
                    .update();
        }
    }

    /**
     * Per chat, how many messages others wrote after the person's read position, counted up to
     * {@code cap}: two statements for the whole page (the positions, then one branch per chat),
     * each branch a range of the message_history index that stops at the cap, so a long unread
     * chat costs no more than a short one.
     */
    public Map<Long, Integer> unreadCounts(long userPk, List<Long> chatPks, int cap) {
        var counts = new HashMap<Long, Integer>();
        if (chatPks.isEmpty()) {
            return counts;
        }
        var positions = new HashMap<Long, long[]>();
        var marks = String.join(", ", java.util.Collections.nCopies(chatPks.size(), "?"));
        var lookup = new ArrayList<Object>(chatPks);
        lookup.add(0, userPk);
        jdbc.sql("select chat_id, read_at, message_id from chat_read_position where user_id = ? and chat_id in ("
                        + marks + ")")
                .params(lookup)
                .query((rs, n) -> positions.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        var sql = new StringBuilder("select chat_id, count(*) from (");
        var params = new ArrayList<Object>();
        for (int i = 0; i < chatPks.size(); i++) {
            long[] at = positions.getOrDefault(chatPks.get(i), new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
            sql.append(i == 0 ? "" : " union all ")
                    .append("(select chat_id from message where chat_id = ? and created_at >= ?")
                    .append(" and (created_at > ? or id > ?) and deleted = false")
                    .append(" and (sender_user_id is null or sender_user_id <> ?)")
                    .append(" order by created_at desc, id desc limit ?)");
            params.addAll(List.of(chatPks.get(i), at[0], at[0], at[1], userPk, cap));
        }
        sql.append(") unread group by chat_id");
        jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }
}
