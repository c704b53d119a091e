package dev.larkspur.chat.internal;

import dev.larkspur.chat.ChatMenuItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The menus of a chat, top-level and children alike. Every write happens under the chat's row lock. */
@Repository
public class MenuRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    MenuRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One stored menu; {@code parentPk} is null for a top-level menu. */
    public record MenuRow(long pk, String menuId, Long parentPk, int position, ChatMenuItem item) {}

    /** All menus of the chat in display order (top-level among themselves, children within their parent). */
    public List<MenuRow> list(long chatPk) {
        return jdbc.sql("select id, menu_id, parent_id, position, action_type, name, i18n_names, image_key,"
                        + " redirect_link from chat_menu where chat_id = ? order by position, id")
                .param(chatPk)
                .query(this::map)
                .list();
    }

    public long insert(long chatPk, String menuId, Long parentPk, int position, ChatMenuItem item) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        insert into chat_menu (chat_id, menu_id, parent_id, position, action_type, name, i18n_names,
                            image_key, redirect_link)
                        values (:chat, :menuId, :parent, :position, :actionType, :name, :i18nNames,
                            :imageKey, :redirectLink)""")
                .params(shown(item))
                .param("chat", chatPk)
                .param("menuId", menuId)
                .param("parent", parentPk)
                .param("position", position)
                .param("actionType", item.actionType())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Rewrites what a menu shows; its type, place and children stay. */
    public void updateItem(long pk, ChatMenuItem item) {
        jdbc.sql(
                        """
                        update chat_menu set name = :name, i18n_names = :i18nNames, image_key = :imageKey,
                            redirect_link = :redirectLink
                        where id = :id""")
                .params(shown(item))
                .param("id", pk)
                .update();
    }

    /** What a menu shows, which insert and update both write. */
    private Map<String, Object> shown(ChatMenuItem item) {
        var shown = new HashMap<String, Object>(); // any of these may be null, which Map.of refuses
        shown.put("name", item.name());
        shown.put("i18nNames", toJson(item.i18nNames()));
        shown.put("imageKey", item.imageKey());
        shown.put("redirectLink", toJson(item.redirectLink()));
        return shown;
    }

    public void setPosition(long pk, int position) {
        jdbc.sql("update chat_menu set position = :position where id = :id")
                .param("position", position)
                .param("id", pk)
                .update();
    }

    /** Deletes top-level menus with their children. */
    public void deleteTopLevels(Collection<Long> pks) {
        if (pks.isEmpty()) {
            return;
        }
        jdbc.sql("delete from chat_menu where parent_id in (:pks)")
                .param("pks", pks)
                .update();
        jdbc.sql("delete from chat_menu where id in (:pks)").param("pks", pks).update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private MenuRow map(ResultSet rs, int row) throws SQLException {
        String i18n = rs.getString("i18n_names");
        String link = rs.getString("redirect_link");
        var item = new ChatMenuItem(
                rs.getString("action_type"),
                link == null ? null : json.readValue(link, ChatMenuItem.RedirectLink.class),
                rs.getString("image_key"),
                rs.getString("name"),
                i18n == null ? null : json.readValue(i18n, ChatMenuItem.I18nNames.class));
        return new MenuRow(
                rs.getLong("id"),
                rs.getString("menu_id"),
                rs.getObject("parent_id", Long.class),
                rs.getInt("position"),
                item);
    }
}
