package dev.larkspur.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The realistic load's tenant: many group chats of 10 to a few hundred people (sizes spread
 * evenly), the sending bot and the mentioned bot in each, and sends spread over all of them, one in
 * eight mentioning the bot. The first chat is made through the API; the others are copies written
 * straight into the stopped server's database, so that setting up a thousand chats takes seconds.
 */
final class RealisticChats {
    static final int MIN_MEMBERS = 10;
    /** One send in this many mentions the bot. */
    static final int MENTION_EVERY = 8;

    private final int chats;
    private final int maxMembers;
    private final List<String> chatIds = new ArrayList<>();
    private String template;
    private String mentionedOpenId;
    private long memberRows;

    RealisticChats(int chats, int maxMembers) {
        this.chats = chats;
        this.maxMembers = maxMembers;
    }

    int chats() {
        return chats;
    }

    long memberRows() {
        return memberRows;
    }

    /** The first chat, through the API, with the server up; {@code fixture} holds the sender's token. */
    void build(Api api, Fixture fixture) {
        template = fixture.chat(api, "Realistic 0", Fixture.users(0, MIN_MEMBERS));
        api.ok(
                "POST",
                "/open-apis/im/v1/chats/" + template + "/members?member_id_type=app_id",
                Map.of("id_list", List.of(Fixture.MENTIONED)),
                fixture.token);
        String botToken = api.call(
                        "POST",
                        "/open-apis/auth/v3/tenant_access_token/internal",
                        Map.of("app_id", Fixture.MENTIONED, "app_secret", Fixture.SECRET),
                        null)
                .path("tenant_access_token")
                .asString();
        mentionedOpenId = api.call("GET", "/open-apis/bot/v3/info", null, botToken)
                .path("bot")
                .path("open_id")
                .asString();
    }

    /** The copies, with the server stopped: chat rows, their bots, and their people. */
    void fill(Database db) throws SQLException {
        chatIds.clear();
        chatIds.add(template);
        if (chats <= 1) {
            return;
        }
        try (var c = db.connect()) {
            c.setAutoCommit(false);
            long tenant = Fixture.pk(c, "select id from tenant where tenant_key = '" + Fixture.TENANT + "'");
            long first = Fixture.pk(c, "select id from chat where chat_id = '" + template + "'");
            long copies = chats - 1;
            long base = System.currentTimeMillis() - 3_600_000;
            try (var s = c.createStatement()) {
                long firstChat = Fixture.next(c, "chat");
                var columns = Fixture.columnsOf(c, "chat");
                columns.removeAll(List.of("id", "chat_id", "name", "created_at", "last_active_at"));
                String kept = String.join(", ", columns);
                s.executeUpdate("insert into chat (id, chat_id, name, created_at, last_active_at, " + kept + ") select "
                        + firstChat + " + x, concat('oc_real', x), concat('Realistic ', x), " + base + ", " + base
                        + " + x * 1000, " + kept.replaceAll("(\\w+)", "t.$1") + " from chat t cross join "
                        + db.numbers(copies) + " where t.id = " + first);
                long firstMember = Fixture.next(c, "chat_member");
                long bots = Fixture.pk(
                        c, "select count(*) from chat_member where chat_id = " + first + " and kind = 'bot'");
                s.executeUpdate("insert into chat_member (id, chat_id, kind, user_id, app_id, is_manager, joined_at)"
                        + " select " + firstMember + " + (x - 1) * " + bots + " + m.n, " + firstChat
                        + " + x, m.kind, m.user_id,"
                        + " m.app_id, m.is_manager, m.joined_at from (select row_number() over (order by id) as n,"
                        + " kind, user_id, app_id, is_manager, joined_at from chat_member where chat_id = " + first
                        + " and kind = 'bot') m cross join " + db.numbers(copies));
                long firstPerson = Fixture.next(c, "chat_member");
                // Chat x has 10 + (x * 7919 mod (max - 9)) people: sizes spread evenly over the range.
                s.executeUpdate("insert into chat_member (id, chat_id, kind, user_id, is_manager, joined_at) select "
                        + firstPerson + " + row_number() over (order by r.x, u.n), " + firstChat
                        + " + r.x, 'user', u.id, false, " + base + " from " + db.numbers(copies)
                        + " cross join (select id, row_number() over (order by id) as n from directory_user"
                        + " where tenant_id = " + tenant + " and user_id like 'u%') u"
                        + " where u.n <= " + MIN_MEMBERS + " + mod(r.x * 7919, " + (maxMembers - MIN_MEMBERS + 1)
                        + ")");
                s.executeUpdate("update chat set user_count = (select count(*) from chat_member m where m.chat_id ="
                        + " chat.id and m.kind = 'user'), bot_count = (select count(*) from chat_member m where"
                        + " m.chat_id = chat.id and m.kind = 'bot') where id > " + firstChat);
                for (var table : List.of("chat", "chat_member")) {
                    s.executeUpdate("alter table " + table + " alter column id restart with " + Fixture.next(c, table));
                }
            }
            c.commit();
            memberRows = Fixture.pk(
                    c,
                    "select count(*) from chat_member m join chat c on c.id = m.chat_id where"
                            + " c.chat_id like 'oc_real%' or c.chat_id = '" + template + "'");
        }
        for (int x = 1; x < chats; x++) {
            chatIds.add("oc_real" + x);
        }
    }

    /**
     * The sends' bodies, one a line, for wrk to take in turn: every chat {@link #MENTION_EVERY}
     * times, once with a mention of the bot.
     */
    Path bodies(Path dir, String text) throws IOException {
        var lines = new StringBuilder();
        for (int round = 0; round < MENTION_EVERY; round++) {
            for (String chat : chatIds) {
                String content = round == 0
                        ? "{\"text\":\"<at user_id=\\\"" + mentionedOpenId + "\\\">Bot</at> " + text + "\"}"
                        : "{\"text\":\"" + text + "\"}";
                lines.append(Api.JSON.writeValueAsString(
                                Map.of("receive_id", chat, "msg_type", "text", "content", content)))
                        .append('\n');
            }
        }
        return Files.writeString(dir.resolve("realistic-bodies.txt"), lines);
    }
}
