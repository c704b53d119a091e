package dev.larkspur.webhook.internal;

import dev.larkspur.webhook.CustomBot;
import dev.larkspur.webhook.IpAllowList;
import dev.larkspur.webhook.Keywords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Custom bots, found by hook token (every post), by public id, or by chat (the admin list). */
@Repository
public class CustomBotRepository {
    private static final String SELECT = "select id, bot_id, chat_id, tenant_key, name, hook_token, secret, keywords,"
            + " ip_allow_list, created_at from custom_bot";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomBotRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a new row holds; lists are stored as null when empty (the rule is off). */
    public record NewRow(
            String botId,
            String chatId,
            String tenantKey,
            String name,
            String hookToken,
            String secret,
            List<String> keywords,
            List<String> ipAllowList,
            long now) {}

    public CustomBot insert(NewRow row) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        insert into custom_bot (bot_id, chat_id, tenant_key, name, hook_token, secret, keywords,
                            ip_allow_list, created_at)
                        values (:bot_id, :chat_id, :tenant_key, :name, :hook_token, :secret, :keywords,
                            :ip_allow_list, :created_at)""")
                .param("bot_id", row.botId())
                .param("chat_id", row.chatId())
                .param("tenant_key", row.tenantKey())
                .param("name", row.name())
                .param("hook_token", row.hookToken())
                .param("secret", row.secret())
                .param("keywords", list(row.keywords()))
                .param("ip_allow_list", list(row.ipAllowList()))
                .param("created_at", row.now())
                .update(keys, "id");
        long pk = keys.getKeyAs(Number.class).longValue();
        return jdbc.sql(SELECT + " where id = ?").param(pk).query(this::map).single();
    }

    public Optional<CustomBot> findByToken(String hookToken) {
        return jdbc.sql(SELECT + " where hook_token = ?")
                .param(hookToken)
                .query(this::map)
                .optional();
    }

    public List<CustomBot> ofChat(String chatId) {
        return jdbc.sql(SELECT + " where chat_id = ? order by id")
                .param(chatId)
                .query(this::map)
                .list();
    }

    /** Sets a new signing secret; empty when there is no bot with that id. */
    public Optional<CustomBot> resetSecret(String botId, String secret) {
        if (jdbc.sql("update custom_bot set secret = ? where bot_id = ?")
                        .params(secret, botId)
                        .update()
                == 0) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where bot_id = ?")
                .param(botId)
                .query(this::map)
                .optional();
    }

    /** Removes the bot; false when there was none with that id. */
    public boolean delete(String botId) {
        return jdbc.sql("delete from custom_bot where bot_id = ?").param(botId).update() > 0;
    }

    private String list(List<String> values) {
        return values == null || values.isEmpty() ? null : json.writeValueAsString(values);
    }

    private List<String> list(String stored) {
        return stored == null ? List.of() : json.readValue(stored, STRINGS);
    }

    private CustomBot map(ResultSet rs, int row) throws SQLException {
        return new CustomBot(
                rs.getLong("id"),
                rs.getString("bot_id"),
                rs.getString("chat_id"),
                rs.getString("tenant_key"),
                rs.getString("name"),
                rs.getString("hook_token"),
                rs.getString("secret"),
                Keywords.of(list(rs.getString("keywords"))),
                IpAllowList.of(list(rs.getString("ip_allow_list"))),
                rs.getLong("created_at"));
    }
}
