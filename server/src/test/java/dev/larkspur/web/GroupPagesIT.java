package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Groups in the browser client at the HTTP level (issue 11's group panel, issue 17's message from a
 * member): every action goes through the chat services as the person, so the Open API's rules
 * refuse and its events reach the bots.
 */
class GroupPagesIT {
    private static final Pattern SHARE_URL = Pattern.compile("/chats/join/[0-9a-f-]{36}");
    private static TestServer server;
    private static Properties demo;
    private static String botId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        demo = server.demoCredentials();
        botId = demo.getProperty("app_id");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aliceCreatesAGroupWithBobAndTheBotWhichHearsOfItAndOfNewMembers() {
        var alice = signedIn("alice");
        assertThat(alice.get("/chats").body()).contains("href=\"/chats/new-group\"");
        var form = Jsoup.parse(alice.get("/chats/new-group").body());
        assertThat(form.select("#lk-pick-bob")).hasSize(1);
        assertThat(form.select("#lk-pick-" + botId)).hasSize(1);
        assertThat(form.select("#lk-pick-alice")).isEmpty();
        String uuid = form.selectFirst("input[name=uuid]").val();

        var fields = fields(alice, "name", "Launch", "description", "Ship it", "user_id", "bob", "app_id", botId);
        fields.put("uuid", uuid);
        String chatPath = location(alice.post("/chats/new-group", fields));
        assertThat(location(alice.post("/chats/new-group", fields)))
                .as("a second submit of the same form")
                .isEqualTo(chatPath);
        String chatId = chatPath.substring("/chats/".length());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events(chatId, "im.chat.member.bot.added_v1").isEmpty());
        assertThat(events(chatId, "im.chat.member.bot.added_v1")).hasSize(1);
        assertThat(events(chatId, "im.chat.member.user.added_v1").toString()).contains("Alice Chen", "Bob Li");

        var chatPage = Jsoup.parse(alice.get(chatPath).body());
        assertThat(chatPage.selectFirst("#lk-chat-info").attr("href")).isEqualTo(chatPath + "/info");
        var panel = page(alice, chatPath + "/info");
        assertThat(panel.selectFirst("#lk-panel-title").text()).isEqualTo("Launch");
        assertThat(panel.selectFirst("#lk-member-alice").text()).contains("Alice Chen", "Owner", "You");
        assertThat(panel.selectFirst("#lk-member-bob").text())
                .contains("Bob Li")
                .doesNotContain("Owner");
        assertThat(panel.selectFirst("#lk-member-" + botId).text()).contains("Bot");
        assertThat(panel.select("#lk-member-alice .lk-member-message"))
                .as("not for oneself")
                .isEmpty();

        var bob = signedIn("bob");
        assertThat(bob.get("/chats").body()).contains("href=\"" + chatPath + "\"");

        var added = alice.post(chatPath + "/info/members", fields(alice, "user_id", "carol"));
        assertThat(location(added)).isEqualTo(chatPath + "/info");
        assertThat(page(alice, chatPath + "/info").select("#lk-member-carol")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> events(chatId, "im.chat.member.user.added_v1")
                .toString()
                .contains("Carol Wang"));
    }

    @Test
    void membersManagersAndSettingsFollowTheChatRules() {
        var alice = signedIn("alice");
        String chatPath = create(alice, "Rules", "bob");
        var bob = signedIn("bob");
        var bobsPanel = page(bob, chatPath + "/info");
        assertThat(bobsPanel.select("#lk-disband"))
                .as("only the owner disbands")
                .isEmpty();
        assertThat(bobsPanel.select(".lk-member-manager"))
                .as("only the owner names managers")
                .isEmpty();
        assertThat(bobsPanel.select("#lk-settings-add"))
                .as("permissions are for owner and managers")
                .isEmpty();

        // The owner renames; a plain member may too until the owner keeps editing to managers.
        assertThat(location(alice.post(chatPath + "/info/settings", fields(alice, "name", "Rules 2"))))
                .isEqualTo(chatPath + "/info");
        assertThat(page(bob, chatPath + "/info").selectFirst("#lk-panel-title").text())
                .isEqualTo("Rules 2");
        assertThat(location(alice.post(chatPath + "/info/settings", fields(alice, "edit_permission", "only_owner"))))
                .isEqualTo(chatPath + "/info");
        var refused = bob.post(chatPath + "/info/settings", fields(bob, "name", "Mine now"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#lk-panel-error").text())
                .contains("232002");
        assertThat(page(alice, chatPath + "/info")
                        .selectFirst("#lk-panel-title")
                        .text())
                .isEqualTo("Rules 2");

        var kicked = bob.post(chatPath + "/info/members/remove", fields(bob, "user_id", "alice"));
        assertThat(kicked.statusCode()).as("a member removes nobody else").isEqualTo(400);
        assertThat(Jsoup.parse(kicked.body()).selectFirst("#lk-panel-error").text())
                .contains("232014");

        assertThat(location(alice.post(chatPath + "/info/managers", fields(alice, "user_id", "bob", "make", "true"))))
                .isEqualTo(chatPath + "/info");
        assertThat(page(alice, chatPath + "/info").selectFirst("#lk-member-bob").text())
                .contains("Manager");
        assertThat(location(bob.post(chatPath + "/info/settings", fields(bob, "name", "Managed"))))
                .as("a manager edits")
                .isEqualTo(chatPath + "/info");
        assertThat(location(alice.post(chatPath + "/info/members", fields(alice, "user_id", "dave"))))
                .isEqualTo(chatPath + "/info");
        assertThat(location(bob.post(chatPath + "/info/members/remove", fields(bob, "user_id", "dave"))))
                .as("a manager removes a member")
                .isEqualTo(chatPath + "/info");
        assertThat(page(alice, chatPath + "/info").select("#lk-member-dave")).isEmpty();
        assertThat(location(alice.post(chatPath + "/info/managers", fields(alice, "user_id", "bob", "make", "false"))))
                .isEqualTo(chatPath + "/info");
        assertThat(page(alice, chatPath + "/info").selectFirst("#lk-member-bob").text())
                .doesNotContain("Manager");

        var erin = signedIn("erin");
        assertThat(erin.get(chatPath + "/info").statusCode()).isEqualTo(404);
        assertThat(erin.post(chatPath + "/info/settings", fields(erin, "name", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(erin.get("/chats/oc_00000000000000000000000000000000/info").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theAnnouncementAndTheTopNoticeAreReadAndChanged() {
        var alice = signedIn("alice");
        String chatPath = create(alice, "News", "bob");
        var before = page(alice, chatPath + "/info");
        assertThat(before.text()).contains("No announcement yet.");
        String revision =
                before.selectFirst("#lk-announcement-form input[name=revision]").val();
        assertThat(location(alice.post(
                        chatPath + "/info/announcement",
                        fields(alice, "text", "Standup at <10:00>", "revision", revision))))
                .isEqualTo(chatPath + "/info");
        var bob = signedIn("bob");
        var bobs = page(bob, chatPath + "/info");
        assertThat(bobs.selectFirst("#lk-announcement").text()).isEqualTo("Standup at <10:00>");
        String next =
                bobs.selectFirst("#lk-announcement-form input[name=revision]").val();
        assertThat(next).isEqualTo(String.valueOf(Long.parseLong(revision) + 1));
        var stale = bob.post(chatPath + "/info/announcement", fields(bob, "text", "from the future", "revision", "99"));
        assertThat(stale.statusCode()).isEqualTo(400);

        assertThat(location(alice.post(chatPath + "/info/top-notice", fields(alice))))
                .isEqualTo(chatPath + "/info");
        assertThat(page(bob, chatPath + "/info").selectFirst("#lk-top-notice").text())
                .contains("The announcement");
        assertThat(location(bob.post(chatPath + "/info/top-notice/remove", fields(bob))))
                .isEqualTo(chatPath + "/info");
        assertThat(page(alice, chatPath + "/info").selectFirst("#lk-top-notice").text())
                .isEqualTo("Nothing is on top.");
    }

    @Test
    void carolJoinsByAShareLinkThenMembersLeaveAndTheOwnerDisbands() {
        var alice = signedIn("alice");
        String chatPath = create(alice, "Open door", "bob");
        var shared = alice.post(chatPath + "/info/share-link", fields(alice, "validity_period", "week"));
        assertThat(shared.statusCode()).isEqualTo(200);
        var m = SHARE_URL.matcher(
                Jsoup.parse(shared.body()).selectFirst("#lk-share-url").val());
        assertThat(m.find()).isTrue();
        String joinPath = m.group();

        var carol = signedIn("carol");
        assertThat(carol.get(chatPath + "/info").statusCode()).isEqualTo(404);
        var invitation = page(carol, joinPath);
        assertThat(invitation.selectFirst("#lk-join-name").text()).isEqualTo("Open door");
        assertThat(location(carol.post(joinPath, fields(carol)))).isEqualTo(chatPath);
        assertThat(page(carol, chatPath + "/info")
                        .selectFirst("#lk-member-carol")
                        .text())
                .contains("You");
        assertThat(location(carol.get(joinPath)))
                .as("a member goes straight in")
                .isEqualTo(chatPath);
        assertThat(carol.get("/chats/join/00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);

        // From a member in the panel, a chat between two people.
        var started = carol.post("/chats/people/bob", fields(carol));
        String peopleChat = location(started);
        assertThat(peopleChat).startsWith("/chats/oc_").isNotEqualTo(chatPath);
        assertThat(carol.get(peopleChat).body()).contains("lk-chat-title\">Bob Li<");

        assertThat(location(carol.post(chatPath + "/info/leave", fields(carol))))
                .isEqualTo("/chats");
        assertThat(carol.get(chatPath + "/info").statusCode()).isEqualTo(404);

        var bob = signedIn("bob");
        var notConfirmed = alice.post(chatPath + "/info/disband", fields(alice));
        assertThat(notConfirmed.statusCode()).isEqualTo(400);
        var byMember = bob.post(chatPath + "/info/disband", fields(bob, "confirm", "yes"));
        assertThat(byMember.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(byMember.body()).selectFirst("#lk-panel-error").text())
                .contains("232017");
        assertThat(location(alice.post(chatPath + "/info/disband", fields(alice, "confirm", "yes"))))
                .isEqualTo("/chats");
        assertThat(bob.get(chatPath + "/info").statusCode()).isEqualTo(404);
        assertThat(bob.get("/chats").body()).doesNotContain(chatPath);
    }

    @Test
    void theBotsTabsAndMenuOpenInANewTab() {
        var alice = signedIn("alice");
        var fields = fields(alice, "name", "Links", "user_id", "bob", "app_id", botId);
        String chatPath = location(alice.post("/chats/new-group", fields));
        String chatId = chatPath.substring("/chats/".length());
        var http = server.http();
        String token = http.tenantToken(botId, demo.getProperty("app_secret"));
        var tab = http.post(
                "/open-apis/im/v1/chats/" + chatId + "/chat_tabs",
                token,
                """
                {"chat_tabs":[{"tab_name":"Runbook","tab_type":"url","tab_content":{"url":"https://example.com/runbook"}}]}
                """);
        assertThat(tab.code()).as(tab.body().toString()).isZero();
        var menu = http.post(
                "/open-apis/im/v1/chats/" + chatId + "/menu_tree",
                token,
                """
                {"menu_tree":{"chat_menu_top_levels":[
                  {"chat_menu_item":{"action_type":"REDIRECT_LINK","name":"Status",
                    "redirect_link":{"common_url":"https://example.com/status"}}},
                  {"chat_menu_item":{"action_type":"NONE","name":"More"},
                   "children":[{"chat_menu_item":{"action_type":"REDIRECT_LINK","name":"Docs",
                     "redirect_link":{"common_url":"https://example.com/docs","web_url":"https://example.com/web-docs"}}}]}]}}
                """);
        assertThat(menu.code()).as(menu.body().toString()).isZero();

        var panel = page(signedIn("bob"), chatPath + "/info");
        var runbook = panel.selectFirst("#lk-tabs a");
        assertThat(runbook.text()).isEqualTo("Runbook");
        assertThat(runbook.attr("href")).isEqualTo("https://example.com/runbook");
        assertThat(runbook.attr("target")).isEqualTo("_blank");
        assertThat(runbook.attr("rel")).contains("noopener");
        var links = panel.select("#lk-menus a");
        assertThat(links.eachText()).containsExactly("Status", "Docs");
        assertThat(links.eachAttr("href"))
                .containsExactly("https://example.com/status", "https://example.com/web-docs");
        assertThat(links.eachAttr("rel")).allMatch(rel -> rel.contains("noopener"));
        assertThat(panel.selectFirst("#lk-menus").text()).contains("More");
    }

    private static String create(WebHttp web, String name, String userId) {
        return location(web.post("/chats/new-group", fields(web, "name", name, "user_id", userId)));
    }

    private static List<JsonNode> events(String chatId, String type) {
        var data =
                Admin.ok(server.admin().call("GET", "/admin/v1/events?chat_id=" + chatId + "&app_id=" + botId, null));
        var result = new ArrayList<JsonNode>();
        data.path("items").forEach(item -> {
            if (item.path("event_type").asText().equals(type)) {
                result.add(item);
            }
        });
        return result;
    }

    private static Document page(WebHttp web, String path) {
        var reply = web.get(path);
        assertThat(reply.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(reply.body());
    }

    private static String location(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(302);
        String location = reply.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/chats"));
    }

    private static Map<String, String> fields(WebHttp web, String... pairs) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", WebHttp.csrfIn(web.get("/chats").body()));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static WebHttp signedIn(String name) {
        var web = new WebHttp(server);
        var reply = web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"));
        assertThat(reply.statusCode()).isEqualTo(302);
        return web;
    }
}
