package dev.larkspur.message.internal;

import dev.larkspur.message.Operator;
import dev.larkspur.message.reactions.Reaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReactionRepository {
    private static final String SELECT = "select id, reaction_id, message_id, emoji_type, operator_kind, operator_id,"
            + " action_time from message_reaction";

    private final JdbcClient jdbc;

    ReactionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the reaction unless the operator already reacted with this emoji (the unique key decides,
     * also between concurrent requests); false when it was already there.
     */
    public boolean insert(String reactionId, long messagePk, String emojiType, Operator operator, long now) {
        return jdbc.sql(
                                """
                                insert into message_reaction (reaction_id, message_id, emoji_type, operator_kind,
                                    operator_id, action_time)
                                values (:reaction_id, :message_id, :emoji_type, :operator_kind,
                                    :operator_id, :action_time)
                                on conflict do nothing""")
                        .param("reaction_id", reactionId)
                        .param("message_id", messagePk)
                        .param("emoji_type", emojiType)
                        .param("operator_kind", operator.kind())
                        .param("operator_id", operator.pk())
                        .param("action_time", now)
                        .update()
                > 0;
    }

    public Optional<Reaction> find(long messagePk, String emojiType, Operator operator) {
        return jdbc.sql(SELECT
                        + " where message_id = :message_id and emoji_type = :emoji_type"
                        + " and operator_kind = :operator_kind and operator_id = :operator_id")
                .param("message_id", messagePk)
                .param("emoji_type", emojiType)
                .param("operator_kind", operator.kind())
                .param("operator_id", operator.pk())
                .query(ReactionRepository::map)
                .optional();
    }

    public Optional<Reaction> findByReactionId(String reactionId) {
        return jdbc.sql(SELECT + " where reaction_id = ?")
                .param(reactionId)
                .query(ReactionRepository::map)
                .optional();
    }

    /** The reactions of a message after {@code afterPk}, oldest first; all types when {@code emojiType} is null. */
    public List<Reaction> page(long messagePk, String emojiType, long afterPk, int limit) {
        String byType = emojiType == null ? "" : " and emoji_type = :type";
        return jdbc.sql(SELECT + " where message_id = :message" + byType + " and id > :after order by id limit :limit")
                .param("message", messagePk)
                .param("type", emojiType)
                .param("after", afterPk)
                .param("limit", limit)
                .query(ReactionRepository::map)
                .list();
    }

    /** False when another request deleted it first. */
    public boolean delete(long pk) {
        return jdbc.sql("delete from message_reaction where id = ?").param(pk).update() > 0;
    }

    private static Reaction map(ResultSet rs, int row) throws SQLException {
        return new Reaction(
                rs.getLong("id"),
                rs.getString("reaction_id"),
                rs.getLong("message_id"),
                rs.getString("emoji_type"),
                new Operator(rs.getString("operator_kind"), rs.getLong("operator_id")),
                rs.getLong("action_time"));
    }
}
