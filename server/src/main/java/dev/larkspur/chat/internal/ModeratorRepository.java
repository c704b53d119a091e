package dev.larkspur.chat.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users who may speak when a chat is in {@code moderator_list} mode, and the chat's moderation
 * mode itself. Only moderators who are still members count: every read joins {@code chat_member}.
 */
@Repository
public class ModeratorRepository {
    private static final String STILL_MEMBER =
            " and exists (select 1 from chat_member m where m.chat_id = d.chat_id" + " and m.user_id = d.user_id)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ModeratorRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A moderator as listed, with its tenant and the ids that one app sees. */
    public record ModeratorRow(long pk, long userPk, String tenantKey, String openId, String unionId, String userId) {}

    public void setModerationPermission(long chatPk, String moderationPermission) {
        jdbc.sql("update chat set moderation_permission = ? where id = ?")
                .params(moderationPermission, chatPk)
                .update();
    }

    /** The current moderators' user pks, oldest first. */
    public List<Long> userPks(long chatPk) {
        return jdbc.sql("select d.user_id from chat_moderator d where d.chat_id = ?" + STILL_MEMBER + " order by d.id")
                .param(chatPk)
                .query(Long.class)
                .list();
    }

    public void add(long chatPk, Collection<Long> userPks, long now) {
        template.batchUpdate(
                "insert into chat_moderator (chat_id, user_id, added_at) values (?, ?, ?)",
                List.copyOf(userPks),
                500,
                (ps, pk) -> {
                    ps.setLong(1, chatPk);
                    ps.setLong(2, pk);
                    ps.setLong(3, now);
                });
    }

    public void remove(long chatPk, Collection<Long> userPks) {
        if (userPks.isEmpty()) {
            return;
        }
        jdbc.sql("delete from chat_moderator where chat_id = :chat and user_id in (:pks)")
                .param("chat", chatPk)
                .param("pks", userPks)
                .update();
    }

    /** Forgets every moderator of the chat, members or not. */
    public void clear(long chatPk) {
        jdbc.sql("delete from chat_moderator where chat_id = ?").param(chatPk).update();
    }

    /** Forgets moderators who have left the chat, so that rejoining does not restore the right. */
    public void purgeDeparted(long chatPk) {
        jdbc.sql("delete from chat_moderator where chat_id = ? and not exists (select 1 from chat_member m"
                        + " where m.chat_id = chat_moderator.chat_id and m.user_id = chat_moderator.user_id)")
                .param(chatPk)
                .update();
    }

    /** One page of moderators after the keyset position {@code afterPk}, as app {@code appPk} sees them. */
    public List<ModeratorRow> page(long chatPk, long appPk, long afterPk, int limit) {
        return jdbc.sql(
                        """
                        select d.id, u.id, t.tenant_key, au.open_id, u.union_id, u.user_id
                        from chat_moderator d join directory_user u on u.id = d.user_id
                            join tenant t on t.id = u.tenant_id
                            left join app_user au on au.user_id = u.id and au.app_id = :app_id
                        where d.chat_id = :chat_id and d.id > :after"""
                                + STILL_MEMBER + " order by d.id limit :limit")
                .param("app_id", appPk)
                .param("chat_id", chatPk)
                .param("after", afterPk)
                .param("limit", limit)
                .query((rs, n) -> new ModeratorRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** The tenant key of each user, for the event's {@code list_event_moderator} entries. */
    public Map<Long, String> tenantKeys(Collection<Long> userPks) {
        if (userPks.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select u.id, t.tenant_key from directory_user u join tenant t on t.id = u.tenant_id"
                        + " where u.id in (:pks)")
                .param("pks", userPks)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
