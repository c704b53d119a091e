package dev.larkspur.chat.internal;

import dev.larkspur.chat.ChatTab;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tabs of a chat, in display order. Every write happens under the chat's row lock. */
@Repository
public class TabRepository {
    private final JdbcClient jdbc;

    TabRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All tabs of the chat, the message tab (position 0) first. */
    public List<ChatTab> list(long chatPk) {
        return jdbc.sql("select tab_id, tab_type, tab_name, url, doc, icon_key, is_built_in from chat_tab"
                        + " where chat_id = ? order by position, id")
                .param(chatPk)
                .query(TabRepository::map)
                .list();
    }

    /** The last position in use; 0 when only the message tab exists. */
    public int maxPosition(long chatPk) {
        return jdbc.sql("select coalesce(max(position), 0) from chat_tab where chat_id = ?")
                .param(chatPk)
                .query(Integer.class)
                .single();
    }

    public void insert(long chatPk, ChatTab tab, int position) {
        jdbc.sql(
                        """
                        insert into chat_tab (chat_id, tab_id, tab_type, tab_name, url, doc, icon_key, is_built_in,
                            position)
                        values (:chat, :tab, :type, :name, :url, :doc, :iconKey, :builtIn, :position)""")
                .params(fields(tab))
                .param("chat", chatPk)
                .param("tab", tab.tabId())
                .param("position", position)
                .update();
    }

    /** Rewrites a tab's fields; its id and position stay. */
    public void update(long chatPk, ChatTab tab) {
        jdbc.sql(
                        """
                        update chat_tab set tab_type = :type, tab_name = :name, url = :url, doc = :doc,
                            icon_key = :iconKey, is_built_in = :builtIn
                        where chat_id = :chat and tab_id = :tab""")
                .params(fields(tab))
                .param("chat", chatPk)
                .param("tab", tab.tabId())
                .update();
    }

    public void setPosition(long chatPk, String tabId, int position) {
        jdbc.sql("update chat_tab set position = :position where chat_id = :chat and tab_id = :tab")
                .param("position", position)
                .param("chat", chatPk)
                .param("tab", tabId)
                .update();
    }

    /** The fields that insert and update both write, content and config flattened into columns. */
    private static Map<String, Object> fields(ChatTab tab) {
        var content = tab.tabContent();
        var config = tab.tabConfig();
        var fields = new HashMap<String, Object>(); // absent content or config is null, which Map.of refuses
        fields.put("type", tab.tabType());
        fields.put("name", tab.tabName());
        fields.put("url", content == null ? null : content.url());
        fields.put("doc", content == null ? null : content.doc());
        fields.put("iconKey", config == null ? null : config.iconKey());
        fields.put("builtIn", config == null ? null : config.isBuiltIn());
        return fields;
    }

    public void delete(long chatPk, Collection<String> tabIds) {
        if (tabIds.isEmpty()) {
            return;
        }
        jdbc.sql("delete from chat_tab where chat_id = :chat and tab_id in (:ids)")
                .param("chat", chatPk)
                .param("ids", tabIds)
                .update();
    }

    private static ChatTab map(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("tab_type");
        String url = rs.getString("url");
        String doc = rs.getString("doc");
        String iconKey = rs.getString("icon_key");
        Boolean builtIn = rs.getObject("is_built_in", Boolean.class);
        return new ChatTab(
                rs.getString("tab_id"),
                rs.getString("tab_name"),
                type,
                url == null && doc == null ? null : new ChatTab.Content(url, doc, null, null),
                iconKey == null && builtIn == null ? null : new ChatTab.Config(iconKey, builtIn));
    }
}
