package dev.larkspur.message.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** URL preview tokens and the refreshes bots request for them. */
@Repository
public class UrlPreviewRepository {
    private final JdbcClient jdbc;

    UrlPreviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token: the app whose link-preview service it serves, and the chat the URL was shown in. */
    public record Preview(String token, long appPk, Long chatPk) {}

    public void insert(String token, long appPk, Long chatPk, long now) {
        jdbc.sql(
                        """
                        insert into url_preview (preview_token, app_id, chat_id, issued_at)
                        values (:preview_token, :app_id, :chat_id, :issued_at)""")
                .param("preview_token", token)
                .param("app_id", appPk)
                .param("chat_id", chatPk)
                .param("issued_at", now)
                .update();
    }

    public Optional<Preview> find(String token) {
        return jdbc.sql("select preview_token, app_id, chat_id from url_preview where preview_token = ?")
                .param(token)
                .query((rs, n) -> new Preview(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class)))
                .optional();
    }

    /**
     * Records a refresh unless the token was refreshed less than {@code intervalMs} ago; the check
     * and the write are one statement, so concurrent requests cannot both pass.
     */
    public boolean markRefreshed(String token, long now, long intervalMs) {
        return jdbc.sql("update url_preview set last_refreshed_at = ? where preview_token = ?"
                                + " and (last_refreshed_at is null or last_refreshed_at <= ?)")
                        .params(now, token, now - intervalMs)
                        .update()
                > 0;
    }

    /** {@code userPksJson}: a JSON array of user pks, or null for everyone in the chat. */
    public void addRefresh(String token, String userPksJson, long now) {
        jdbc.sql("insert into url_preview_refresh (preview_token, user_ids, requested_at) values (?, ?, ?)")
                .params(token, userPksJson, now)
                .update();
    }

    /** A requested refresh: the people (a JSON array of user pks, or null for everyone) and when. */
    public record Refresh(String userPksJson, long requestedAt) {}

    /** A token's refreshes, oldest first. */
    public List<Refresh> refreshesOf(String token) {
        return jdbc.sql("select user_ids, requested_at from url_preview_refresh where preview_token = ?"
                        + " order by requested_at, id")
                .param(token)
                .query((rs, n) -> new Refresh(rs.getString(1), rs.getLong(2)))
                .list();
    }
}
