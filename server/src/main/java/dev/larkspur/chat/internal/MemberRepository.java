package dev.larkspur.chat.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MemberRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One membership: a user ({@code userPk}) or a bot ({@code appPk}). */
    public record Member(long pk, String kind, Long userPk, Long appPk, boolean manager) {}

    /** A user member as the members list shows it, with the ids the caller's app sees. */
    public record UserMemberRow(
            long pk, long userPk, String name, String tenantKey, String openId, String unionId, String userId) {}

    public void insertUsers(long chatPk, Collection<Long> userPks, long now) {
        insert(chatPk, "user", "user_id", userPks, now);
    }

    public void insertBots(long chatPk, Collection<Long> appPks, long now) {
        insert(chatPk, "bot", "app_id", appPks, now);
    }

    private void insert(long chatPk, String kind, String column, Collection<Long> pks, long now) {
        var rows = List.copyOf(pks);
        template.batchUpdate(
                "insert into chat_member (chat_id, kind, " + column + ", joined_at) values (?, ?, ?, ?)",
                rows,
                500,
                (ps, pk) -> {
                    ps.setLong(1, chatPk);
                    ps.setString(2, kind);
                    ps.setLong(3, pk);
                    ps.setLong(4, now);
                });
    }

    public int deleteUsers(long chatPk, Collection<Long> userPks) {
        if (userPks.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from chat_member where chat_id = :chat and user_id in (:pks)")
                .param("chat", chatPk)
                .param("pks", userPks)
                .update();
    }

    public int deleteBots(long chatPk, Collection<Long> appPks) {
        if (appPks.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from chat_member where chat_id = :chat and app_id in (:pks)")
                .param("chat", chatPk)
                .param("pks", appPks)
                .update();
    }

    public Optional<Member> findUser(long chatPk, long userPk) {
        return one("user_id", chatPk, userPk);
    }

    public Optional<Member> findBot(long chatPk, long appPk) {
        return one("app_id", chatPk, appPk);
    }

    /**
     * The member's key is looked up in the unique (chat_id, column) index, which holds it, and the
     * row then by key. Asked for the row directly, H2 took the index of the column alone (its
     * foreign key's), as cheap by its sampled statistics, and read every membership of the person:
     * 1,039 rows for someone in a thousand chats, half of a send's CPU in the benchmark's profile.
     */
    private Optional<Member> one(String column, long chatPk, long pk) {
        return jdbc.sql("select id, kind, user_id, app_id, is_manager from chat_member"
                        + " where id = (select id from chat_member where chat_id = ? and " + column + " = ?)")
                .params(chatPk, pk)
                .query((rs, n) -> new Member(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class),
                        rs.getBoolean(5)))
                .optional();
    }

    /** Which of these users are members of the chat. */
    public Set<Long> existingUsers(long chatPk, Collection<Long> userPks) {
        return existing("user_id", chatPk, userPks);
    }

    /** Which of these bots are members of the chat. */
    public Set<Long> existingBots(long chatPk, Collection<Long> appPks) {
        return existing("app_id", chatPk, appPks);
    }

    private Set<Long> existing(String column, long chatPk, Collection<Long> pks) {
        if (pks.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("select " + column + " from chat_member where chat_id = :chat and " + column + " in (:pks)")
                        .param("chat", chatPk)
                        .param("pks", pks)
                        .query(Long.class)
                        .list());
    }

    public List<Member> managers(long chatPk) {
        return jdbc.sql("select id, kind, user_id, app_id, is_manager from chat_member where chat_id = ?"
                        + " and is_manager = true order by id")
                .param(chatPk)
                .query((rs, n) -> new Member(
                        rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class), true))
                .list();
    }

    public void setManager(long chatPk, String column, Collection<Long> pks, boolean manager) {
        if (pks.isEmpty()) {
            return;
        }
        jdbc.sql("update chat_member set is_manager = :m where chat_id = :chat and " + column + " in (:pks)")
                .param("m", manager)
                .param("chat", chatPk)
                .param("pks", pks)
                .update();
    }

    /** Bots in the chat, by app pk. */
    public List<Long> botAppPks(long chatPk) {
        return jdbc.sql("select app_id from chat_member where chat_id = ? and kind = 'bot' order by id")
                .param(chatPk)
                .query(Long.class)
                .list();
    }

    /** The longest-standing user member other than those excluded: the next owner when one leaves. */
    public Optional<Long> oldestUserExcept(long chatPk, Collection<Long> excluded) {
        var rows = jdbc.sql("select user_id from chat_member where chat_id = ? and kind = 'user' order by id limit ?")
                .params(chatPk, excluded.size() + 1)
                .query(Long.class)
                .list();
        return rows.stream().filter(pk -> !excluded.contains(pk)).findFirst();
    }

    /**
     * One page of a chat's user members after the keyset position {@code afterPk}, with names and
     * the ids that app {@code appPk} sees. Index (chat_id, kind, id) makes every page cost the same.
     */
    public List<UserMemberRow> pageUsers(long chatPk, long appPk, long afterPk, int limit) {
        // The whole index key in ORDER BY, or H2 sorts the chat's members (see MessageRepository.pageOfChat).
        return jdbc.sql(
                        """
                        select m.id, u.id, u.name, t.tenant_key, au.open_id, u.union_id, u.user_id
                        from chat_member m join directory_user u on u.id = m.user_id
                            join tenant t on t.id = u.tenant_id
                            left join app_user au on au.user_id = u.id and au.app_id = :app_id
                        where m.chat_id = :chat_id and m.kind = 'user' and m.id > :after
                        order by m.chat_id, m.kind, m.id limit :limit""")
                .param("app_id", appPk)
                .param("chat_id", chatPk)
                .param("after", afterPk)
                .param("limit", limit)
                .query((rs, n) -> new UserMemberRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
