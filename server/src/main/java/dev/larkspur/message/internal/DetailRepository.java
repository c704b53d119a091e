package dev.larkspur.message.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a client shows around a page of messages, one query per kind for the whole page: reaction
 * counts, pins, read counts and the number of replies in threads.
 */
@Repository
public class DetailRepository {
    private final JdbcClient jdbc;

    DetailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One emoji on one message: how many reacted with it, and the operator's own reaction, if any. */
    public record ReactionCount(long messagePk, String emojiType, int count, String operatorsReactionId) {}

    /** Per message, its emojis in the order they were first used. */
    public List<ReactionCount> reactionCounts(Collection<Long> messagePks, String operatorKind, long operatorPk) {
        if (messagePks.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select message_id, emoji_type, count(*) as n, min(id) as first_id,"
                        + " max(case when operator_kind = :kind and operator_id = :op then reaction_id end) as mine"
                        + " from message_reaction where message_id in (:pks)"
                        + " group by message_id, emoji_type order by message_id, first_id")
                .param("kind", operatorKind)
                .param("op", operatorPk)
                .param("pks", messagePks)
                .query((rs, n) -> new ReactionCount(
                        rs.getLong("message_id"), rs.getString("emoji_type"), rs.getInt("n"), rs.getString("mine")))
                .list();
    }

    public Set<Long> pinned(Collection<Long> messagePks) {
        if (messagePks.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select message_id from message_pin where message_id in (:pks)")
                .param("pks", messagePks)
                .query((rs, n) -> rs.getLong(1))
                .list());
    }

    /** How many people have read each message; messages nobody read are absent. */
    public Map<Long, Integer> readCounts(Collection<Long> messagePks) {
        var counts = new HashMap<Long, Integer>();
        if (messagePks.isEmpty()) {
            return counts;
        }
        jdbc.sql("select message_id, count(*) from message_read where message_id in (:pks) group by message_id")
                .param("pks", messagePks)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** The replies in each thread (its root not counted, recalled replies left out). */
    public Map<String, Integer> threadReplies(Collection<String> threadIds) {
        var counts = new HashMap<String, Integer>();
        if (threadIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select thread_id, count(*) from message where thread_id in (:threads)"
                        + " and root_id is not null and deleted = false group by thread_id")
                .param("threads", threadIds)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }
}
