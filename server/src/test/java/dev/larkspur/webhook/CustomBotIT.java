package dev.larkspur.webhook;

import static dev.larkspur.webhook.CustomBotFixtures.assertPosted;
import static dev.larkspur.webhook.CustomBotFixtures.assertRefused;
import static dev.larkspur.webhook.CustomBotFixtures.parse;
import static dev.larkspur.webhook.CustomBotFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Custom bots (spec/message.md §3.24): added to a group through the admin API, posting through their
 * hook with Feishu's signature, keyword and IP rules, readable in history through the official SDK.
 */
class CustomBotIT {
    private static final int PER_MINUTE = 8;
    private static TestServer server;
    private static CustomBotFixtures fixtures;

    @BeforeAll
    static void start() {
        // A small per-minute budget, so that the limit is reached quickly and never by accident.
        server = TestServer.start(Map.of(
                "larkspur.custom-bots.rate-limit.per-minute",
                PER_MINUTE,
                "larkspur.custom-bots.rate-limit.per-second",
                1000));
        fixtures = new CustomBotFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signedPostAppearsInHistoryAsTheCustomBots() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId, Map.of("name", "Deploys", "secret_enabled", true));
        assertThat(hook.hookUrl()).startsWith(server.baseUrl() + "/open-apis/bot/v2/hook/");
        assertThat(hook.botId()).matches("cli_[0-9a-f]{16}");

        assertPosted(fixtures.postSigned(hook, text("deploy finished"), fixtures.nowSeconds(), hook.secret()));

        var posted = org.hookMessages(chatId);
        assertThat(posted).hasSize(1);
        var message = posted.get(0);
        assertThat(message.getMsgType()).isEqualTo("text");
        assertThat(parse(message.getBody().getContent()).path("text").asText()).isEqualTo("deploy finished");
        assertThat(message.getSender().getId()).isEqualTo(hook.botId());
        assertThat(message.getSender().getIdType()).isEqualTo("app_id");
        assertThat(message.getSender().getSenderType()).isEqualTo("app");
        assertThat(message.getSender().getTenantKey()).isEqualTo(org.tenantKey);
    }

    @Test
    void theSecretIsShownWhenMadeAndNotInListsAndAResetOneReplacesIt() throws Exception {
        String chatId = fixtures.org().group();
        var hook = fixtures.hook(chatId, Map.of("name", "Pager", "secret_enabled", true));
        assertThat(hook.secret()).hasSizeGreaterThanOrEqualTo(16);

        var listed = Admin.ok(server.admin().call("GET", "/admin/v1/chats/" + chatId + "/custom_bots", null))
                .path("items")
                .get(0);
        assertThat(listed.path("secret_enabled").asBoolean()).isTrue();
        assertThat(listed.has("secret")).as(listed.toString()).isFalse();
        assertThat(listed.path("hook_url").asText()).isEqualTo(hook.hookUrl());

        var reset = Admin.ok(server.admin().call("POST", "/admin/v1/custom_bots/" + hook.botId() + "/secret", null));
        String secret = reset.path("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(hook.secret());
        assertRefused(fixtures.postSigned(hook, text("old secret"), fixtures.nowSeconds(), hook.secret()), 19021, 200);
        assertPosted(fixtures.postSigned(hook, text("new secret"), fixtures.nowSeconds(), secret));
        assertThat(server.admin()
                        .call("POST", "/admin/v1/custom_bots/cli_nosuchbot/secret", null)
                        .code())
                .isEqualTo(404);
    }

    @Test
    void wronglySignedPostIsRefusedWith19021OnHttp200() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId, Map.of("secret_enabled", true));

        var reply = fixtures.postSigned(hook, text("hello"), fixtures.nowSeconds(), "not-the-secret");

        assertRefused(reply, 19021, 200);
        assertThat(reply.body().path("msg").asText())
                .isEqualTo("sign match fail or timestamp is not within one hour from current time");
        assertThat(org.hookMessages(chatId)).isEmpty();
    }

    @Test
    void unsignedPostToASigningBotIsRefused() throws Exception {
        var hook = fixtures.hook(fixtures.org().group(), Map.of("secret_enabled", true));

        assertRefused(fixtures.post(hook, text("hello")), 19021, 200);
    }

    @Test
    void timestampMoreThanAnHourAwayIsRefusedEvenWhenSignedRight() throws Exception {
        var hook = fixtures.hook(fixtures.org().group(), Map.of("secret_enabled", true));
        long now = fixtures.nowSeconds();

        assertRefused(fixtures.postSigned(hook, text("late"), now - 3700, hook.secret()), 19021, 200);
        assertRefused(fixtures.postSigned(hook, text("early"), now + 3700, hook.secret()), 19021, 200);
        assertPosted(fixtures.postSigned(hook, text("in time"), now - 3500, hook.secret()));
    }

    @Test
    void withoutASecretTheSignatureIsNotChecked() throws Exception {
        var hook = fixtures.hook(fixtures.org().group());
        assertThat(hook.secret()).isNull();

        assertPosted(fixtures.postSigned(hook, text("hello"), 0, "whatever"));
    }

    @Test
    void postWithoutAKeywordIsRefusedWith19024() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId, Map.of("keywords", List.of("alert", "告警")));

        assertRefused(fixtures.post(hook, text("all quiet")), 19024, 200);
        assertThat(fixtures.post(hook, text("all quiet")).body().path("msg").asText())
                .isEqualTo("Key Words Not Found");
        assertPosted(fixtures.post(hook, text("disk alert on db-1")));
        assertPosted(fixtures.post(hook, text("服务告警")));
        assertThat(org.hookMessages(chatId)).hasSize(2);
    }

    @Test
    void keywordsAreLookedForInTextNotInLinks() throws Exception {
        var hook = fixtures.hook(fixtures.org().group(), Map.of("keywords", List.of("alert")));
        Map<String, Object> link = Map.of("tag", "a", "text", "dashboard", "href", "https://example.com/alert");
        Map<String, Object> titled = Map.of("title", "alert: cpu", "content", List.of(List.of(link)));
        Map<String, Object> untitled = Map.of("title", "cpu", "content", List.of(List.of(link)));

        assertRefused(fixtures.post(hook, post(untitled)), 19024, 200);
        assertPosted(fixtures.post(hook, post(titled)));
    }

    @Test
    void postFromAnAddressOutsideTheAllowListIsRefusedWith19022() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var outside = fixtures.hook(chatId, Map.of("ip_allow_list", List.of("10.0.0.0/8", "192.168.1.*")));

        var reply = fixtures.post(outside, text("hello"));

        assertRefused(reply, 19022, 200);
        assertThat(reply.body().path("msg").asText()).isEqualTo("Ip Not Allowed");
        assertThat(org.hookMessages(chatId)).isEmpty();
    }

    @Test
    void allowListTakesAddressesBlocksAndWildcards() throws Exception {
        String chatId = fixtures.org().group();
        for (String entry : List.of("127.0.0.1", "127.0.0.0/8", "127.0.0.*")) {
            var hook = fixtures.hook(chatId, Map.of("ip_allow_list", List.of("10.1.1.1", entry)));
            assertPosted(fixtures.post(hook, text("from " + entry)));
        }
    }

    @Test
    void unknownTokenIsRefusedWith19001() {
        var reply = server.http().post("/open-apis/bot/v2/hook/00000000-0000-0000-0000-000000000000", null, "{}");

        assertRefused(reply, 19001, 200);
        assertThat(reply.body().path("msg").asText()).isEqualTo("param invalid: incoming webhook access token invalid");
    }

    @Test
    void malformedBodyIsRefusedWith9499OnHttp400() throws Exception {
        var hook = fixtures.hook(fixtures.org().group());

        assertRefused(fixtures.post(hook, "{\"msg_type\":"), 9499, 400);
        assertRefused(fixtures.post(hook, "[1,2]"), 9499, 400);
        assertRefused(fixtures.post(hook, text("x".repeat(21 * 1024))), 9499, 400);
        assertRefused(fixtures.post(hook, Map.of("msg_type", "text", "content", "{\"text\":\"a string\"}")), 9499, 400);
        assertThat(fixtures.post(hook, "{\"msg_type\":").body().path("msg").asText())
                .isEqualTo("Bad Request");
    }

    @Test
    void missingOrUnsupportedMsgTypeIsRefusedWith19002() throws Exception {
        var hook = fixtures.hook(fixtures.org().group());

        assertRefused(fixtures.post(hook, Map.of("content", Map.of("text", "hi"))), 19002, 200);
        assertRefused(fixtures.post(hook, Map.of("msg_type", "file", "content", Map.of("file_key", "f"))), 19002, 200);
    }

    @Test
    void customBotStopsAtItsPerMinuteBudget() throws Exception {
        var hook = fixtures.hook(fixtures.org().group());
        for (int i = 0; i < PER_MINUTE; i++) {
            assertPosted(fixtures.post(hook, text("burst " + i)));
        }

        assertRefused(fixtures.post(hook, text("one too many")), 11232, 200);
    }

    @Test
    void refusedPostsDoNotSpendTheBudget() throws Exception {
        var hook = fixtures.hook(fixtures.org().group(), Map.of("secret_enabled", true));
        for (int i = 0; i < PER_MINUTE + 2; i++) {
            assertRefused(
                    fixtures.postSigned(hook, text("forged " + i), fixtures.nowSeconds(), "not-the-secret"),
                    19021,
                    200);
        }
        for (int i = 0; i < PER_MINUTE + 2; i++) {
            var unknownImage = Map.of("msg_type", "image", "content", Map.of("image_key", "img_v2_not_uploaded"));
            assertRefused(fixtures.postSigned(hook, unknownImage, fixtures.nowSeconds(), hook.secret()), 9499, 400);
        }

        assertPosted(fixtures.postSigned(hook, text("the owner's post"), fixtures.nowSeconds(), hook.secret()));
    }

    @Test
    void removedBotsHookStopsWorkingAndItsMessagesStay() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId);
        assertPosted(fixtures.post(hook, text("before")));

        Admin.ok(server.admin().call("DELETE", "/admin/v1/custom_bots/" + hook.botId(), null));

        assertRefused(fixtures.post(hook, text("after")), 19001, 200);
        assertThat(org.hookMessages(chatId))
                .singleElement()
                .satisfies(m -> assertThat(m.getSender().getId()).isEqualTo(hook.botId()));
    }

    static Map<String, Object> post(Map<String, Object> locale) {
        return Map.of("msg_type", "post", "content", Map.of("post", Map.of("zh_cn", locale)));
    }
}
