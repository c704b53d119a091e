package dev.larkspur.bench;

import dev.larkspur.platform.PageTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The tenant the bench works in: a sending bot, a receiving bot, {@code people} users, and five
 * chats. The small ones are built through the API; the history chat's messages and the big chat's
 * members are written straight into the stopped server's database, as the API would take minutes
 * to put them in.
 */
final class Fixture {
    static final String TENANT = "be0c4be0c4be0c4b";
    static final String SENDER = "cli_b0b0b0b0b0b0b0b0";
    static final String RECEIVER = "cli_e0e0e0e0e0e0e0e0";
    /**
     * The bot of the realistic load: in every one of its chats, and told of a group message only
     * when it is mentioned (it holds the at-message scopes, not the group-message one).
     */
    static final String MENTIONED = "cli_a0a0a0a0a0a0a0a0";

    /** How many chats the spread load sends into, beside the one hot chat at the same concurrency. */
    static final int SPREAD_CHATS = 32;

    static final String SECRET = "bench-secret-0001";

    /**
     * The event settings that subscribe a bench app to received messages: by callback to {@code
     * requestUrl}, or by long connection when it is null.
     */
    static Map<String, Object> messageEvents(String requestUrl) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("mode", requestUrl == null ? "websocket" : "callback");
        if (requestUrl != null) {
            settings.put("request_url", requestUrl);
        }
        settings.put("verification_token", "vt-bench");
        settings.put("event_types", List.of("im.message.receive_v1"));
        return settings;
    }

    static final int HISTORY_PAGE = 50;
    static final int MEMBERS_PAGE = 100;
    /** The person the web client measurements sign in as (user u0). */
    static final String WEB_EMAIL = "u0@bench.larkspur.dev";

    static final String WEB_PASSWORD = "bench-web-password";

    final int people;
    String token;
    String chat10;
    String chat1000;
    String historyChat;
    String membersChat;
    /** Chats of 10 like chat10, for the spread load. */
    final List<String> spreadChats = new java.util.ArrayList<>();
    /** Where the database ceiling writes, so that its rows (written, then deleted) touch no measured chat. */
    String ceilingChat;
    /** Page tokens that open the last page of the history and members lists. */
    String historyLastPage;

    String membersLastPage;
    /** The web client's chats: u0's chat of many messages, and the first of u0's many chats. */
    String webHistoryChat;

    String webFirstChat;

    Fixture(int people) {
        this.people = people;
    }

    Path writeSeed(Path dir) throws IOException {
        var seed = new StringBuilder()
                .append("tenants:\n  - tenant_key: ")
                .append(TENANT)
                .append("\n    name: Bench\n    apps:\n");
        var names = Map.of(
                SENDER,
                "Bench Bot",
                RECEIVER,
                "Receiver Bot",
                Isolation.HANGING,
                "Hanging Bot",
                Isolation.SILENT,
                "Silent Bot");
        for (var app : List.of(SENDER, RECEIVER, Isolation.HANGING, Isolation.SILENT)) {
            seed.append("      - app_id: ")
                    .append(app)
                    .append("\n        app_secret: ")
                    .append(SECRET)
                    .append("\n        name: ")
                    .append(names.get(app))
                    .append('\n');
        }
        seed.append("      - app_id: ")
                .append(MENTIONED)
                .append("\n        app_secret: ")
                .append(SECRET)
                .append("\n        name: Mentioned Bot\n        scopes: [im:message,")
                .append(" im:message.group_at_msg.include_bot:readonly, im:chat]\n");
        seed.append("    users:\n");
        for (int i = 0; i < people; i++) {
            seed.append("      - user_id: u")
                    .append(i)
                    .append("\n        name: Person ")
                    .append(i)
                    .append('\n');
            if (i == 0) {
                seed.append("        email: ")
                        .append(WEB_EMAIL)
                        .append("\n        password: ")
                        .append(WEB_PASSWORD)
                        .append('\n');
            }
        }
        return Files.writeString(dir.resolve("seed.yaml"), seed);
    }

    /** A tenant access token of the sending bot. */
    void buildToken(Api api) {
        // The token endpoints answer at the top level, without a data object.
        token = api.call(
                        "POST",
                        "/open-apis/auth/v3/tenant_access_token/internal",
                        Map.of("app_id", SENDER, "app_secret", SECRET),
                        null)
                .path("tenant_access_token")
                .asString();
    }

    /** Creates the chats through the API, as the sending bot. */
    void buildChats(Api api) {
        buildToken(api);
        chat10 = chat(api, "Ten", users(0, 9));
        chat1000 = chat(api, "Thousand", users(0, 49));
        for (int from = 49; from < 999; from += 50) {
            api.ok(
                    "POST",
                    "/open-apis/im/v1/chats/" + chat1000 + "/members?member_id_type=user_id",
                    Map.of("id_list", users(from, Math.min(from + 50, 999))),
                    token);
        }
        historyChat = chat(api, "History", List.of());
        membersChat = chat(api, "Everyone", List.of());
        ceilingChat = chat(api, "Ceiling", users(0, 9));
        webHistoryChat = chat(api, "Web history", users(0, 1));
        webFirstChat = chat(api, "Team 0", users(0, 1));
        spreadChats.clear();
        for (int i = 0; i < SPREAD_CHATS; i++) {
            spreadChats.add(chat(api, "Spread " + i, users(0, 9)));
        }
    }

    String chat(Api api, String name, List<String> members) {
        return api.ok(
                        "POST",
                        "/open-apis/im/v1/chats?user_id_type=user_id",
                        Map.of("name", name, "user_id_list", members),
                        token)
                .path("chat_id")
                .asString();
    }

    static List<String> users(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "u" + i).toList();
    }

    /**
     * Fills the history chat with {@code messages} messages 1 ms apart and the members chat with
     * {@code members} new people, in set-based inserts, and finds the positions of their last pages.
     */
    void fill(Database db, long messages, long members) throws SQLException {
        try (var c = db.connect()) {
            c.setAutoCommit(false);
            long tenant = pk(c, "select id from tenant where tenant_key = '" + TENANT + "'");
            long sender = pk(c, "select id from app where app_id = '" + SENDER + "'");
            long history = pk(c, "select id from chat where chat_id = '" + historyChat + "'");
            long everyone = pk(c, "select id from chat where chat_id = '" + membersChat + "'");
            long base = System.currentTimeMillis() - messages - 60_000;
            try (var s = c.createStatement()) {
                // Explicit keys, and the identities moved past them after: H2 would otherwise commit
                // its sequence every 32 rows, which makes a million-row insert take many minutes.
                long firstMessage = next(c, "message");
                s.executeUpdate("insert into message (id, message_id, chat_id, sender_kind, sender_app_id, msg_type,"
                        + " content, created_at, updated_at) select " + firstMessage + " + x, concat('om_h', x), "
                        + history + ", 'app', " + sender + ", 'text', concat('{\"text\":\"history ', x, '\"}'), "
                        + base + " + x, " + base + " + x from " + db.numbers(messages));
                long firstUser = next(c, "directory_user");
                s.executeUpdate("insert into directory_user (id, tenant_id, user_id, union_id, name, created_at)"
                        + " select " + firstUser + " + x, " + tenant + ", concat('m', x), concat('on_m', x),"
                        + " concat('Member ', x), " + base + " from " + db.numbers(members));
                s.executeUpdate("insert into app_user (app_id, user_id, open_id) select a.id, u.id,"
                        + " concat('ou_m', a.id, '_', u.id) from directory_user u join app a on a.tenant_id = u.tenant_id"
                        + " where u.id > " + firstUser);
                long firstMember = next(c, "chat_member");
                s.executeUpdate("insert into chat_member (id, chat_id, kind, user_id, joined_at) select " + firstMember
                        + " + x, " + everyone + ", 'user', " + firstUser + " + x, " + base + " from "
                        + db.numbers(members));
                s.executeUpdate("update chat set user_count = " + members + " where id = " + everyone);
                for (var table : List.of("message", "directory_user", "chat_member")) {
                    s.executeUpdate("alter table " + table + " alter column id restart with " + next(c, table));
                }
            }
            c.commit();
            historyLastPage = lastHistoryPage(c, history, messages);
            membersLastPage = lastMembersPage(c, everyone, members);
        }
    }

    /**
     * The web client's data for u0: {@code messages} messages from the bot in the web history
     * chat, and {@code chats} chats in all (copies of the first, made with the API), each with
     * three messages from the bot that u0 has not read, their activity spread over time.
     */
    void fillWeb(Database db, long messages, int chats) throws SQLException {
        try (var c = db.connect()) {
            c.setAutoCommit(false);
            long sender = pk(c, "select id from app where app_id = '" + SENDER + "'");
            long history = pk(c, "select id from chat where chat_id = '" + webHistoryChat + "'");
            long template = pk(c, "select id from chat where chat_id = '" + webFirstChat + "'");
            long base = System.currentTimeMillis() - messages - 60_000;
            try (var s = c.createStatement()) {
                long firstMessage = next(c, "message");
                s.executeUpdate(messages(firstMessage, "om_w", "" + history, sender, base, db.numbers(messages)));
                long copies = chats - 1;
                long firstChat = next(c, "chat");
                var columns = columnsOf(c, "chat");
                columns.removeAll(List.of("id", "chat_id", "name", "created_at", "last_active_at"));
                String kept = String.join(", ", columns);
                s.executeUpdate("insert into chat (id, chat_id, name, created_at, last_active_at, " + kept + ") select "
                        + firstChat + " + x, concat('oc_web', x), concat('Team ', x), " + base + ", " + base
                        + " + x * 1000, " + kept.replaceAll("(\\w+)", "t.$1") + " from chat t cross join "
                        + db.numbers(copies) + " where t.id = " + template);
                long members = pk(c, "select count(*) from chat_member where chat_id = " + template);
                var memberColumns = columnsOf(c, "chat_member");
                memberColumns.removeAll(List.of("id", "chat_id"));
                String memberKept = String.join(", ", memberColumns);
                long firstMember = next(c, "chat_member");
                s.executeUpdate("insert into chat_member (id, chat_id, " + memberKept + ") select " + firstMember
                        + " + (x - 1) * " + members + " + m.n, " + firstChat + " + x, "
                        + memberKept.replaceAll("(\\w+)", "m.$1")
                        + " from (select row_number() over (order by id) as n, "
                        + memberKept + " from chat_member where chat_id = " + template + ") m cross join "
                        + db.numbers(copies));
                long unread = next(c, "message");
                s.executeUpdate(
                        messages(unread, "om_u", firstChat + " + (x + 2) / 3", sender, base, db.numbers(copies * 3)));
                for (var table : List.of("message", "chat", "chat_member")) {
                    s.executeUpdate("alter table " + table + " alter column id restart with " + next(c, table));
                }
            }
            c.commit();
        }
    }

    private static String messages(long firstPk, String prefix, String chatPk, long sender, long base, String numbers) {
        return "insert into message (id, message_id, chat_id, sender_kind, sender_app_id, msg_type, content,"
                + " created_at, updated_at) select " + firstPk + " + x, concat('" + prefix + "', x), " + chatPk
                + ", 'app', " + sender + ", 'text', concat('{\"text\":\"message ', x, '\"}'), " + base + " + x, "
                + base + " + x from " + numbers;
    }

    static List<String> columnsOf(Connection c, String table) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
            var names = new java.util.ArrayList<String>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }

    /**
     * A token as the server would hand out after walking to the page before the last: the keyset
     * position (created_at, id) with the query it belongs to (MessageQueries: container type, id,
     * start and end bounds in ms, ascending), so that the last page can be asked for directly.
     */
    private String lastHistoryPage(Connection c, long chatPk, long messages) throws SQLException {
        if (messages <= HISTORY_PAGE) {
            return null;
        }
        try (var s = c.createStatement();
                var rs = s.executeQuery("select created_at, id from message where chat_id = " + chatPk
                        + " order by created_at desc, id desc limit 1 offset " + HISTORY_PAGE)) {
            rs.next();
            String query = String.join("|", "chat", historyChat, "0", String.valueOf(Long.MAX_VALUE), "true");
            return PageTokens.encode("h", query, rs.getLong(1), rs.getLong(2));
        }
    }

    /** The members list's token: kind "m" and the member row after which the page starts (ChatRoster). */
    private String lastMembersPage(Connection c, long chatPk, long members) throws SQLException {
        if (members <= MEMBERS_PAGE) {
            return null;
        }
        try (var s = c.createStatement();
                var rs = s.executeQuery("select id from chat_member where chat_id = " + chatPk
                        + " and kind = 'user' order by id desc limit 1 offset " + MEMBERS_PAGE)) {
            rs.next();
            return PageTokens.encode("m", "", rs.getLong(1));
        }
    }

    static long next(Connection c, String table) throws SQLException {
        return pk(c, "select coalesce(max(id), 0) + 1 from " + table);
    }

    static long pk(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing for " + sql);
            }
            return rs.getLong(1);
        }
    }
}
