package dev.larkspur.chat.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A chat's legacy doc announcement, one row per chat once it has been edited. */
@Repository
public class AnnouncementRepository {
    private final JdbcClient jdbc;

    AnnouncementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** People and bots are pks; of each pair exactly one is set. */
    public record AnnouncementRow(
            String content,
            long revision,
            Long ownerUserPk,
            Long ownerAppPk,
            Long modifierUserPk,
            Long modifierAppPk,
            long createdAt,
            long updatedAt) {}

    public Optional<AnnouncementRow> find(long chatPk) {
        return jdbc.sql("select content, revision, owner_user_id, owner_app_id, modifier_user_id, modifier_app_id,"
                        + " created_at, updated_at from chat_announcement where chat_id = ?")
                .param(chatPk)
                .query((rs, n) -> new AnnouncementRow(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class),
                        rs.getObject(6, Long.class),
                        rs.getLong(7),
                        rs.getLong(8)))
                .optional();
    }

    public void insert(long chatPk, AnnouncementRow row) {
        jdbc.sql(
                        """
                        insert into chat_announcement (chat_id, content, revision, owner_user_id, owner_app_id,
                            modifier_user_id, modifier_app_id, created_at, updated_at)
                        values (:chat_id, :content, :revision, :owner_user_id, :owner_app_id,
                            :modifier_user_id, :modifier_app_id, :created_at, :updated_at)""")
                .param("chat_id", chatPk)
                .param("content", row.content())
                .param("revision", row.revision())
                .param("owner_user_id", row.ownerUserPk())
                .param("owner_app_id", row.ownerAppPk())
                .param("modifier_user_id", row.modifierUserPk())
                .param("modifier_app_id", row.modifierAppPk())
                .param("created_at", row.createdAt())
                .param("updated_at", row.updatedAt())
                .update();
    }

    public void update(long chatPk, AnnouncementRow row) {
        jdbc.sql(
                        """
                        update chat_announcement set content = :content, revision = :revision,
                            modifier_user_id = :modifier_user_id, modifier_app_id = :modifier_app_id,
                            updated_at = :updated_at
                        where chat_id = :chat_id""")
                .param("content", row.content())
                .param("revision", row.revision())
                .param("modifier_user_id", row.modifierUserPk())
                .param("modifier_app_id", row.modifierAppPk())
                .param("updated_at", row.updatedAt())
                .param("chat_id", chatPk)
                .update();
    }
}
