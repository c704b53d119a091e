package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larkspur.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * V14 (p2p chats between people) upgrades a database that V13 made and filled: its chats and
 * messages stay as they were, bot p2p chats keep no peer, and the pair index then gives two people
 * one chat. Runs on H2 and on PostgreSQL like every integration test.
 */
class PeopleChatMigrationIT {

    @Test
    void upgradesAV13DatabaseWithChatsAndMessages() throws Exception {
        var db = TestDatabase.fresh(Files.createTempDirectory("larkspur-migration"));
        try {
            db.flyway("classpath:db/migration").target("13").load().migrate();
            try (var c = db.connect()) {
                exec(c, "insert into tenant (id, tenant_key, name, created_at) values (1, 't1', 'T', 0)");
                exec(
                        c,
                        "insert into directory_user (id, tenant_id, user_id, union_id, name, created_at)"
                                + " values (1, 1, 'ann', 'on_ann', 'Ann', 0), (2, 1, 'bob', 'on_bob', 'Bob', 0)");
                exec(
                        c,
                        "insert into app (id, app_id, tenant_id, name, secret_hash, bot_enabled, bot_open_id,"
                                + " created_at) values (1, 'cli_1', 1, 'Bot', 'x', true, 'ou_bot1', 0),"
                                + " (2, 'cli_2', 1, 'Bot 2', 'x', true, 'ou_bot2', 0)");
                exec(c, chat(1, "oc_1", "1", "1"));
                exec(c, "insert into chat_member (chat_id, kind, user_id, joined_at) values (1, 'user', 1, 0)");
                exec(c, "insert into chat_member (chat_id, kind, app_id, joined_at) values (1, 'bot', 1, 0)");
                exec(
                        c,
                        "insert into message (message_id, chat_id, sender_kind, sender_user_id, msg_type, content,"
                                + " created_at, updated_at) values ('om_1', 1, 'user', 1, 'text', '{\"text\":\"hi\"}', 1, 1)");
            }

            db.flyway("classpath:db/migration").target("latest").load().migrate();

            try (var c = db.connect()) {
                try (var rs = c.createStatement()
                        .executeQuery("select c.chat_id, c.p2p_user_id, c.p2p_app_id, c.p2p_peer_user_id,"
                                + " m.content from chat c join message m on m.chat_id = c.id")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("oc_1");
                    assertThat(rs.getLong(2)).isEqualTo(1);
                    assertThat(rs.getLong(3)).isEqualTo(1);
                    assertThat(rs.getObject(4)).isNull();
                    assertThat(rs.getString(5)).isEqualTo("{\"text\":\"hi\"}");
                }
                // Another bot's chat with Ann: a null peer never collides.
                exec(c, chat(2, "oc_2", "1", "2"));
                exec(c, peopleChat(3, "oc_3"));
                assertThatThrownBy(() -> exec(c, peopleChat(4, "oc_4"))).isInstanceOf(SQLException.class);
            }
        } finally {
            db.drop();
        }
    }

    /**
     * V14 landed after V15 and V16 had: a database that took those first takes V14 later, out of
     * order, as application.yml allows, because V14 depends on none of them.
     */
    @Test
    void aDatabaseAlreadyPastV14TakesItOutOfOrder() throws Exception {
        var db = TestDatabase.fresh(Files.createTempDirectory("larkspur-migration"));
        var withoutV14 = Files.createTempDirectory("larkspur-migrations-without-v14");
        try {
            var scripts = Path.of(PeopleChatMigrationIT.class
                    .getClassLoader()
                    .getResource("db/migration")
                    .toURI());
            try (var files = Files.list(scripts)) {
                for (var file : files.toList()) {
                    if (!file.getFileName().toString().startsWith("V14__")) {
                        Files.copy(file, withoutV14.resolve(file.getFileName()));
                    }
                }
            }
            db.flyway("filesystem:" + withoutV14).load().migrate();

            var result =
                    db.flyway("classpath:db/migration").outOfOrder(true).load().migrate();

            assertThat(result.migrations).extracting(m -> m.version).containsExactly("14");
            try (var c = db.connect()) {
                exec(c, "insert into tenant (id, tenant_key, name, created_at) values (1, 't1', 'T', 0)");
                exec(
                        c,
                        "insert into directory_user (id, tenant_id, user_id, union_id, name, created_at)"
                                + " values (1, 1, 'ann', 'on_ann', 'Ann', 0), (2, 1, 'bob', 'on_bob', 'Bob', 0)");
                exec(c, peopleChat(3, "oc_3"));
                assertThatThrownBy(() -> exec(c, peopleChat(4, "oc_4"))).isInstanceOf(SQLException.class);
            }
        } finally {
            db.drop();
        }
    }

    private static String chat(int id, String chatId, String userPk, String appPk) {
        return insertChat(id, chatId, userPk, appPk, "null");
    }

    private static String peopleChat(int id, String chatId) {
        return insertChat(id, chatId, "1", "null", "2");
    }

    private static String insertChat(int id, String chatId, String userPk, String appPk, String peerPk) {
        String peerColumn = peerPk.equals("null") ? "" : ", p2p_peer_user_id";
        String peerValue = peerPk.equals("null") ? "" : ", " + peerPk;
        return "insert into chat (id, chat_id, tenant_id, chat_mode, chat_type, add_member_permission,"
                + " share_card_permission, at_all_permission, edit_permission, group_message_type,"
                + " join_message_visibility, leave_message_visibility, membership_approval, moderation_permission,"
                + " urgent_setting, video_conference_setting, hide_member_count_setting, restricted_mode_setting,"
                + " chat_status, external, p2p_user_id, p2p_app_id, created_at, last_active_at" + peerColumn + ")"
                + " values (" + id + ", '" + chatId + "', 1, 'p2p', 'private', 'all_members', 'allowed',"
                + " 'all_members', 'all_members', 'chat', 'all_members', 'all_members', 'no_approval_required',"
                + " 'all_members', 'all_members', 'all_members', 'all_members', '{}', 'normal', false, " + userPk
                + ", " + appPk + ", 0, 0" + peerValue + ")";
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
