package dev.larkspur.message.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delayed card update tokens, and what people see of non-shared cards updated for them alone. */
@Repository
public class CardRepository {
    private final JdbcClient jdbc;

    CardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An issued token: the card message it updates, the app it belongs to, its uses and expiry. */
    public record CardToken(String token, long messagePk, long appPk, int uses, long expiresAt) {}

    public void insert(String token, long messagePk, long appPk, long now, long expiresAt) {
        jdbc.sql(
                        """
                        insert into card_token (token, message_id, app_id, issued_at, expires_at)
                        values (:token, :message_id, :app_id, :issued_at, :expires_at)""")
                .param("token", token)
                .param("message_id", messagePk)
                .param("app_id", appPk)
                .param("issued_at", now)
                .param("expires_at", expiresAt)
                .update();
    }

    public Optional<CardToken> find(String token) {
        return jdbc.sql("select token, message_id, app_id, uses, expires_at from card_token where token = ?")
                .param(token)
                .query((rs, n) ->
                        new CardToken(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5)))
                .optional();
    }

    /** Spends one use; false when none is left, also when concurrent updates race for the last one. */
    public boolean use(String token, int maxUses) {
        return jdbc.sql("update card_token set uses = uses + 1 where token = ? and uses < ?")
                        .params(token, maxUses)
                        .update()
                > 0;
    }

    /** Sets what one person sees of a card, replacing an earlier update for them. */
    public void replaceView(long messagePk, long userPk, String content, String rawContent, long now) {
        jdbc.sql("delete from card_personal_view where message_id = ? and user_id = ?")
                .params(messagePk, userPk)
                .update();
        jdbc.sql(
                        """
                        insert into card_personal_view (message_id, user_id, content, raw_content, updated_at)
                        values (:message_id, :user_id, :content, :raw_content, :updated_at)""")
                .param("message_id", messagePk)
                .param("user_id", userPk)
                .param("content", content)
                .param("raw_content", rawContent)
                .param("updated_at", now)
                .update();
    }

    /** The card as sent for one person's update, if they had one. */
    public Optional<String> viewOf(long messagePk, long userPk) {
        return jdbc.sql("select raw_content from card_personal_view where message_id = ? and user_id = ?")
                .params(messagePk, userPk)
                .query(String.class)
                .optional();
    }

    /**
     * One person's copy of a card when it is newer than {@code since} (the message's last change):
     * a later update for everyone replaces the personal copy too.
     */
    public Optional<String> viewSince(long messagePk, long userPk, long since) {
        return jdbc.sql("select raw_content from card_personal_view where message_id = ? and user_id = ?"
                        + " and updated_at >= ?")
                .params(messagePk, userPk, since)
                .query(String.class)
                .optional();
    }
}
