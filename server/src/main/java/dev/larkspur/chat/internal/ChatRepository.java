package dev.larkspur.chat.internal;

import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatSettings;
import dev.larkspur.chat.RestrictedMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ChatRepository {
    static final String COLUMNS = "c.id, c.chat_id, c.tenant_id, c.chat_mode, c.chat_type, c.name, c.description,"
            + " c.i18n_names, c.avatar, c.owner_user_id, c.owner_app_id, c.creator_app_id, c.add_member_permission,"
            + " c.share_card_permission, c.at_all_permission, c.edit_permission, c.group_message_type,"
            + " c.join_message_visibility, c.leave_message_visibility, c.membership_approval,"
            + " c.moderation_permission, c.urgent_setting, c.video_conference_setting, c.hide_member_count_setting,"
            + " c.restricted_mode_setting, c.chat_status, c.external, c.user_count, c.bot_count, c.p2p_user_id,"
            + " c.p2p_app_id, c.p2p_peer_user_id, c.created_at, c.last_active_at";
    /** Which chats a member's chat list shows: groups, and p2p chats between two people. */
    private static final String LISTED = "(c.chat_mode <> 'p2p' or c.p2p_peer_user_id is not null)";

    private static final TypeReference<Map<String, String>> I18N = new TypeReference<>() {};

    /**
     * The search condition on i18n names: one of the names contains {@code :q}, not the JSON text
     * around them (else "us" would find every chat with an {@code en_us} name). Each name is cut out
     * of the stored JSON with string functions that H2 and PostgreSQL share.
     */
    private static final String I18N_VALUE_MATCHES = String.join(
            " or ",
            Stream.of("zh_cn", "en_us", "ja_jp")
                    .map(key -> "lower(" + i18nValue(key) + ") like :q escape '\\'")
                    .toList());

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ActivityBuffer activity;

    ChatRepository(JdbcClient jdbc, JsonMapper json, ActivityBuffer activity) {
        this.jdbc = jdbc;
        this.json = json;
        this.activity = activity;
    }

    public long insert(Chat c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        insert into chat (chat_id, tenant_id, chat_mode, chat_type, name, description, i18n_names,
                            avatar, owner_user_id, owner_app_id, creator_app_id, add_member_permission,
                            share_card_permission, at_all_permission, edit_permission, group_message_type,
                            join_message_visibility, leave_message_visibility, membership_approval,
                            moderation_permission, urgent_setting, video_conference_setting,
                            hide_member_count_setting, restricted_mode_setting, chat_status, external, user_count,
                            bot_count, p2p_user_id, p2p_app_id, p2p_peer_user_id, created_at, last_active_at)
                        values (:chat_id, :tenant_id, :chat_mode, :chat_type, :name, :description, :i18n_names,
                            :avatar, :owner_user_id, :owner_app_id, :creator_app_id, :add_member_permission,
                            :share_card_permission, :at_all_permission, :edit_permission, :group_message_type,
                            :join_message_visibility, :leave_message_visibility, :membership_approval,
                            :moderation_permission, :urgent_setting, :video_conference_setting,
                            :hide_member_count_setting, :restricted_mode_setting, :chat_status, :external, :user_count,
                            :bot_count, :p2p_user_id, :p2p_app_id, :p2p_peer_user_id, :created_at, :last_active_at)""")
                .params(settingColumns(c.settings()))
                .param("chat_id", c.chatId())
                .param("tenant_id", c.tenantPk())
                .param("chat_mode", c.chatMode())
                .param("owner_user_id", c.ownerUserPk())
                .param("owner_app_id", c.ownerAppPk())
                .param("creator_app_id", c.creatorAppPk())
                .param("chat_status", c.chatStatus())
                .param("external", c.external())
                .param("user_count", c.userCount())
                .param("bot_count", c.botCount())
                .param("p2p_user_id", c.p2pUserPk())
                .param("p2p_app_id", c.p2pAppPk())
                .param("p2p_peer_user_id", c.p2pPeerUserPk())
                .param("created_at", c.createdAt())
                .param("last_active_at", c.lastActiveAt())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Writes the settings and owner of a chat. */
    public void updateSettings(Chat c) {
        jdbc.sql(
                        """
                        update chat set chat_type = :chat_type, name = :name, description = :description,
                            i18n_names = :i18n_names, avatar = :avatar, owner_user_id = :owner_user_id,
                            owner_app_id = :owner_app_id, add_member_permission = :add_member_permission,
                            share_card_permission = :share_card_permission, at_all_permission = :at_all_permission,
                            edit_permission = :edit_permission, group_message_type = :group_message_type,
                            join_message_visibility = :join_message_visibility,
                            leave_message_visibility = :leave_message_visibility,
                            membership_approval = :membership_approval, moderation_permission = :moderation_permission,
                            urgent_setting = :urgent_setting, video_conference_setting = :video_conference_setting,
                            hide_member_count_setting = :hide_member_count_setting,
                            restricted_mode_setting = :restricted_mode_setting
                        where id = :id""")
                .params(settingColumns(c.settings()))
                .param("owner_user_id", c.ownerUserPk())
                .param("owner_app_id", c.ownerAppPk())
                .param("id", c.pk())
                .update();
    }

    /** The settings as the chat table's columns, each parameter named as its column. */
    private Map<String, Object> settingColumns(ChatSettings s) {
        var columns = new HashMap<String, Object>(); // some settings are null, which Map.of refuses
        columns.put("chat_type", s.chatType());
        columns.put("name", s.name());
        columns.put("description", s.description());
        columns.put("i18n_names", s.i18nNames() == null ? null : json.writeValueAsString(s.i18nNames()));
        columns.put("avatar", s.avatar());
        columns.put("add_member_permission", s.addMemberPermission());
        columns.put("share_card_permission", s.shareCardPermission());
        columns.put("at_all_permission", s.atAllPermission());
        columns.put("edit_permission", s.editPermission());
        columns.put("group_message_type", s.groupMessageType());
        columns.put("join_message_visibility", s.joinMessageVisibility());
        columns.put("leave_message_visibility", s.leaveMessageVisibility());
        columns.put("membership_approval", s.membershipApproval());
        columns.put("moderation_permission", s.moderationPermission());
        columns.put("urgent_setting", s.urgentSetting());
        columns.put("video_conference_setting", s.videoConferenceSetting());
        columns.put("hide_member_count_setting", s.hideMemberCountSetting());
        columns.put("restricted_mode_setting", json.writeValueAsString(s.restrictedModeSetting()));
        return columns;
    }

    public void setStatus(long pk, String status) {
        jdbc.sql("update chat set chat_status = :status where id = :id")
                .param("status", status)
                .param("id", pk)
                .update();
    }

    public void setOwner(long pk, Long userPk, Long appPk) {
        jdbc.sql("update chat set owner_user_id = :user, owner_app_id = :app where id = :id")
                .param("user", userPk)
                .param("app", appPk)
                .param("id", pk)
                .update();
    }

    /** Adjusts the denormalised member counts in the same transaction as the membership change. */
    public void addToCounts(long pk, int users, int bots) {
        jdbc.sql("update chat set user_count = user_count + :users, bot_count = bot_count + :bots where id = :id")
                .param("users", users)
                .param("bots", bots)
                .param("id", pk)
                .update();
    }

    public Optional<Chat> findByChatId(String chatId) {
        return jdbc.sql("select " + COLUMNS + " from chat c where c.chat_id = ?")
                .param(chatId)
                .query(this::map)
                .optional();
    }

    /** Locks the chat row for the rest of the transaction: membership changes serialise per chat. */
    public Optional<Chat> lockByChatId(String chatId) {
        return jdbc.sql("select " + COLUMNS + " from chat c where c.chat_id = ? for update")
                .param(chatId)
                .query(this::map)
                .optional();
    }

    public Optional<Chat> findByPk(long pk) {
        return jdbc.sql("select " + COLUMNS + " from chat c where c.id = ?")
                .param(pk)
                .query(this::map)
                .optional();
    }

    public Optional<Chat> findP2p(long appPk, long userPk) {
        return jdbc.sql("select " + COLUMNS + " from chat c where c.p2p_app_id = :app and c.p2p_user_id = :user")
                .param("app", appPk)
                .param("user", userPk)
                .query(this::map)
                .optional();
    }

    /** The p2p chat of two people, {@code lowerUserPk} being the smaller row key. */
    public Optional<Chat> findPeople(long lowerUserPk, long higherUserPk) {
        return jdbc.sql("select " + COLUMNS
                        + " from chat c where c.p2p_user_id = :lower and c.p2p_peer_user_id = :higher")
                .param("lower", lowerUserPk)
                .param("higher", higherUserPk)
                .query(this::map)
                .optional();
    }

    /**
     * Group chats and p2p chats between two people that the member (a bot by app pk, or a user by
     * user pk) is in, oldest first, after the keyset position {@code afterPk}. A person's p2p chats
     * with bots stay out, as Feishu leaves p2p chats out; chats between people are listed so that a
     * person's client finds its conversations (issue 17). No bot is ever in one.
     */
    public List<Chat> pageByCreation(String memberColumn, long memberPk, long afterPk, int limit) {
        return jdbc.sql("select " + COLUMNS + " from chat_member m join chat c on c.id = m.chat_id where m."
                        + memberColumn(memberColumn) + " = :member and " + LISTED + " and c.chat_status = 'normal'"
                        + " and c.id > :after order by c.id limit :limit")
                .param("member", memberPk)
                .param("after", afterPk)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** As {@link #pageByCreation}, most recently active first; the keyset is (last_active_at, id). */
    public List<Chat> pageByActivity(String memberColumn, long memberPk, long beforeActive, long beforePk, int limit) {
        activity.flush();
        return jdbc.sql("select " + COLUMNS + " from chat_member m join chat c on c.id = m.chat_id where m."
                        + memberColumn(memberColumn) + " = :member and " + LISTED + " and c.chat_status = 'normal'"
                        + " and (c.last_active_at < :active or (c.last_active_at = :active and c.id < :before))"
                        + " order by c.last_active_at desc, c.id desc limit :limit")
                .param("member", memberPk)
                .param("active", beforeActive)
                .param("before", beforePk)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * Group chats of the tenant that the member is in or that are public, whose name, i18n names or
     * a member's name contains {@code needle} (lower case), oldest first after {@code afterPk}.
     */
    public List<Chat> search(
            long tenantPk, String memberColumn, long memberPk, String needle, long afterPk, int limit) {
        String col = memberColumn(memberColumn);
        String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from chat c where c.tenant_id = :tenant and c.chat_mode <> 'p2p'"
                        + " and c.chat_status = 'normal' and c.id > :after"
                        + " and (c.chat_type = 'public' or exists (select 1 from chat_member m where m.chat_id = c.id"
                        + " and m." + col + " = :member))"
                        + " and (lower(c.name) like :q escape '\\' or " + I18N_VALUE_MATCHES
                        + " or exists (select 1 from chat_member m2 join directory_user u on u.id = m2.user_id"
                        + " where m2.chat_id = c.id and lower(u.name) like :q escape '\\'))"
                        + " order by c.id limit :limit")
                .param("tenant", tenantPk)
                .param("after", afterPk)
                .param("member", memberPk)
                .param("q", like)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** The text of one i18n name inside the stored JSON, or null when there is none. */
    private static String i18nValue(String key) {
        String marker = "'\"" + key + "\":\"'";
        String rest =
                "substring(c.i18n_names from position(" + marker + " in c.i18n_names) + " + (key.length() + 4) + ")";
        return "case when position(" + marker + " in c.i18n_names) > 0 then substring(" + rest
                + " from 1 for position('\"' in " + rest + ") - 1) end";
    }

    private static String memberColumn(String column) {
        if (!column.equals("user_id") && !column.equals("app_id")) {
            throw new IllegalArgumentException(column);
        }
        return column;
    }

    private Chat map(ResultSet rs, int row) throws SQLException {
        String i18n = rs.getString("i18n_names");
        var settings = new ChatSettings(
                rs.getString("name"),
                rs.getString("description"),
                i18n == null ? null : json.readValue(i18n, I18N),
                rs.getString("avatar"),
                rs.getString("chat_type"),
                rs.getString("add_member_permission"),
                rs.getString("share_card_permission"),
                rs.getString("at_all_permission"),
                rs.getString("edit_permission"),
                rs.getString("group_message_type"),
                rs.getString("join_message_visibility"),
                rs.getString("leave_message_visibility"),
                rs.getString("membership_approval"),
                rs.getString("moderation_permission"),
                rs.getString("urgent_setting"),
                rs.getString("video_conference_setting"),
                rs.getString("hide_member_count_setting"),
                json.readValue(rs.getString("restricted_mode_setting"), RestrictedMode.class));
        return new Chat(
                rs.getLong("id"),
                rs.getString("chat_id"),
                rs.getLong("tenant_id"),
                rs.getString("chat_mode"),
                settings,
                rs.getObject("owner_user_id", Long.class),
                rs.getObject("owner_app_id", Long.class),
                rs.getObject("creator_app_id", Long.class),
                rs.getString("chat_status"),
                rs.getBoolean("external"),
                rs.getInt("user_count"),
                rs.getInt("bot_count"),
                rs.getObject("p2p_user_id", Long.class),
                rs.getObject("p2p_app_id", Long.class),
                rs.getObject("p2p_peer_user_id", Long.class),
                rs.getLong("created_at"),
                activity.overlay(rs.getLong("id"), rs.getLong("last_active_at")));
    }
}
