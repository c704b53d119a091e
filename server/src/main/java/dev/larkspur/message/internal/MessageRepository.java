package dev.larkspur.message.internal;

import dev.larkspur.message.Mention;
import dev.larkspur.message.Message;
import dev.larkspur.platform.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class MessageRepository {
    private static final String SELECT = "select m.id, m.message_id, m.chat_id, c.chat_id as chat_public, c.chat_mode,"
            + " c.tenant_id, r.message_id as root_public, p.message_id as parent_public, m.thread_id,"
            + " up.message_id as upper_public, m.sender_user_id, m.sender_app_id, m.msg_type, m.content,"
            + " m.raw_content, m.mentions, m.deleted, m.updated, m.edit_count, m.created_at, m.updated_at"
            + " from message m join chat c on c.id = m.chat_id"
            + " left join message r on r.id = m.root_id left join message p on p.id = m.parent_id"
            + " left join message up on up.id = m.upper_message_id";
    private static final TypeReference<List<Mention>> MENTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MessageRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a new row holds; relatives by pk. Built by {@link #of}, then {@link #under} and {@link #sentBy}. */
    public record NewRow(
            String messageId,
            long chatPk,
            Long rootPk,
            Long parentPk,
            String threadId,
            Long senderUserPk,
            Long senderAppPk,
            String msgType,
            String content,
            String rawContent,
            List<Mention> mentions,
            long now) {

        /** A row with a new message id, no relatives and no sender yet (a custom bot's post has none). */
        public static NewRow of(
                long chatPk, String msgType, String content, String rawContent, List<Mention> mentions, long now) {
            return new NewRow(
                    "om_" + Ids.hex(32),
                    chatPk,
                    null,
                    null,
                    null,
                    null,
                    null,
                    msgType,
                    content,
                    rawContent,
                    mentions,
                    now);
        }

        /** This row as a reply: its root, its parent and its thread (null when not in one). */
        public NewRow under(Long rootPk, Long parentPk, String threadId) {
            return with(rootPk, parentPk, threadId, senderUserPk, senderAppPk);
        }

        /** This row sent by a user or by an app; one of the two is set. */
        public NewRow sentBy(Long senderUserPk, Long senderAppPk) {
            return with(rootPk, parentPk, threadId, senderUserPk, senderAppPk);
        }

        private NewRow with(Long rootPk, Long parentPk, String threadId, Long senderUserPk, Long senderAppPk) {
            return new NewRow(
                    messageId,
                    chatPk,
                    rootPk,
                    parentPk,
                    threadId,
                    senderUserPk,
                    senderAppPk,
                    msgType,
                    content,
                    rawContent,
                    mentions,
                    now);
        }
    }

    public long insert(NewRow row) {
        return insert(row, null);
    }

    /**
     * A row whose sender is a group's custom bot when {@code customBotId} is set (then neither
     * sender pk is): custom bots are not apps, so they are named by their public id.
     */
    public long insert(NewRow row, String customBotId) {
        String senderKind = customBotId != null ? "custom_bot" : row.senderUserPk() != null ? "user" : "app";
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        insert into message (message_id, chat_id, root_id, parent_id, thread_id, sender_kind,
                            sender_user_id, sender_app_id, sender_custom_bot_id, msg_type, content, raw_content,
                            mentions, created_at, updated_at)
                        values (:message_id, :chat_id, :root_id, :parent_id, :thread_id, :sender_kind,
                            :sender_user_id, :sender_app_id, :sender_custom_bot_id, :msg_type, :content, :raw_content,
                            :mentions, :created_at, :created_at)""")
                .param("message_id", row.messageId())
                .param("chat_id", row.chatPk())
                .param("root_id", row.rootPk())
                .param("parent_id", row.parentPk())
                .param("thread_id", row.threadId())
                .param("sender_kind", senderKind)
                .param("sender_user_id", row.senderUserPk())
                .param("sender_app_id", row.senderAppPk())
                .param("sender_custom_bot_id", customBotId)
                .param("msg_type", row.msgType())
                .param("content", row.content())
                .param("raw_content", row.rawContent())
                .param("mentions", mentionsJson(row.mentions()))
                .param("created_at", row.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The custom bot that sent each of these messages, by message pk; others are absent. */
    public Map<Long, String> customBotSenders(Collection<Long> messagePks) {
        if (messagePks.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        "select id, sender_custom_bot_id from message where id in (:pks) and sender_custom_bot_id is not null")
                .param("pks", messagePks)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("sender_custom_bot_id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<Message> findByMessageId(String messageId) {
        return jdbc.sql(SELECT + " where m.message_id = ?")
                .param(messageId)
                .query(this::map)
                .optional();
    }

    public Optional<Message> findByPk(long pk) {
        return jdbc.sql(SELECT + " where m.id = ?").param(pk).query(this::map).optional();
    }

    public Optional<Long> pkOf(String messageId) {
        return jdbc.sql("select id from message where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .optional();
    }

    public void setThread(long pk, String threadId) {
        jdbc.sql("update message set thread_id = :thread where id = :id")
                .param("thread", threadId)
                .param("id", pk)
                .update();
    }

    public void updateContent(long pk, String content, String rawContent, List<Mention> mentions, long now) {
        jdbc.sql(
                        """
                        update message set content = :content, raw_content = :rawContent, mentions = :mentions,
                            updated = true, edit_count = edit_count + 1, updated_at = :now
                        where id = :id""")
                .param("content", content)
                .param("rawContent", rawContent)
                .param("mentions", mentionsJson(mentions))
                .param("now", now)
                .param("id", pk)
                .update();
    }

    public void markRecalled(long pk, long now) {
        jdbc.sql("update message set deleted = true, updated_at = :now where id = :id")
                .param("now", now)
                .param("id", pk)
                .update();
    }

    /**
     * One page of a chat's history between {@code fromMs} and {@code toMs}, after (ascending) or
     * before (descending) the keyset position; thread replies are left to their thread and the
     * sub-messages of merge forwards to their merge message.
     */
    /**
     * After or before the position (:t, :pk) in (created_at, id) order. The bound on created_at
     * alone is what lets the database start its index scan at the position; with only the OR,
     * PostgreSQL scanned the chat from its first message (0.4 s deep in a chat of 1,000,000).
     */
    private static final String KEYSET_AFTER = " and m.created_at >= :t and (m.created_at > :t or m.id > :pk)";

    private static final String KEYSET_BEFORE = " and m.created_at <= :t and (m.created_at < :t or m.id < :pk)";

    public List<Message> pageOfChat(
            long chatPk, long fromMs, long toMs, boolean ascending, long atTime, long atPk, int limit) {
        String keyset = ascending ? KEYSET_AFTER : KEYSET_BEFORE;
        // The index's leading column belongs in ORDER BY although it is fixed: without it H2 does not
        // see that the index is already in order, and reads and sorts the whole chat.
        String order = ascending
                ? " order by m.chat_id, m.created_at, m.id"
                : " order by m.chat_id desc, m.created_at desc, m.id desc";
        return jdbc.sql(SELECT + " where m.chat_id = :chat and m.created_at >= :from and m.created_at <= :to"
                        + " and not (m.thread_id is not null and m.root_id is not null)"
                        + " and m.upper_message_id is null" + keyset + order
                        + " limit :limit")
                .param("chat", chatPk)
                .param("from", fromMs)
                .param("to", toMs)
                .param("t", atTime)
                .param("pk", atPk)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** One page of a thread: its root and replies, by key. */
    public List<Message> pageOfThread(String threadId, boolean ascending, long atTime, long atPk, int limit) {
        String keyset = ascending ? KEYSET_AFTER : KEYSET_BEFORE;
        String order = ascending
                ? " order by m.thread_id, m.created_at, m.id"
                : " order by m.thread_id desc, m.created_at desc, m.id desc";
        return jdbc.sql(SELECT + " where m.thread_id = :thread" + keyset + order + " limit :limit")
                .param("thread", threadId)
                .param("t", atTime)
                .param("pk", atPk)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    // Merge forwards (spec/message.md §3.7, §3.11): sub-messages are copies that name their merge
    // message in upper_message_id.

    public List<Message> findByMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where m.message_id in (:ids)")
                .param("ids", messageIds)
                .query(this::map)
                .list();
    }

    /** The direct sub-messages of a merge message, oldest first. */
    public List<Message> subMessagesOf(long upperPk) {
        return jdbc.sql(SELECT + " where m.upper_message_id = ? order by m.created_at, m.id")
                .param(upperPk)
                .query(this::map)
                .list();
    }

    public void setUpper(long pk, long upperPk) {
        jdbc.sql("update message set upper_message_id = :upper where id = :id")
                .param("upper", upperPk)
                .param("id", pk)
                .update();
    }

    /** Mentions as stored: none is null, not an empty array. */
    private String mentionsJson(List<Mention> mentions) {
        return mentions.isEmpty() ? null : json.writeValueAsString(mentions);
    }

    private Message map(ResultSet rs, int row) throws SQLException {
        String mentions = rs.getString("mentions");
        return new Message(
                rs.getLong("id"),
                rs.getString("message_id"),
                rs.getLong("chat_id"),
                rs.getString("chat_public"),
                rs.getString("chat_mode"),
                rs.getLong("tenant_id"),
                rs.getString("root_public"),
                rs.getString("parent_public"),
                rs.getString("thread_id"),
                rs.getString("upper_public"),
                rs.getObject("sender_user_id", Long.class),
                rs.getObject("sender_app_id", Long.class),
                rs.getString("msg_type"),
                rs.getString("content"),
                rs.getString("raw_content"),
                mentions == null ? List.of() : json.readValue(mentions, MENTIONS),
                rs.getBoolean("deleted"),
                rs.getBoolean("updated"),
                rs.getInt("edit_count"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }
}
