package dev.larkspur.webhook;

import static dev.larkspur.webhook.CustomBotFixtures.assertPosted;
import static dev.larkspur.webhook.CustomBotFixtures.assertRefused;
import static dev.larkspur.webhook.CustomBotFixtures.parse;
import static dev.larkspur.webhook.CustomBotFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.Message;
import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What custom bots post (spec/message.md §3.24, §4): each message type in the webhook's body shape,
 * read back in the receive format; the event it records; and the admin API that manages the bots.
 */
class CustomBotMessagesIT {
    private static TestServer server;
    private static CustomBotFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixtures = new CustomBotFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Message only(CustomBotFixtures.Org org, String chatId) throws Exception {
        var posted = org.hookMessages(chatId);
        assertThat(posted).hasSize(1);
        return posted.get(0);
    }

    private static JsonNode content(Message message) {
        return parse(message.getBody().getContent());
    }

    @Test
    void textMentionsPeopleByOpenIdAndEveryone() throws Exception {
        var org = fixtures.org();
        String ann = org.personOpenId("Ann");
        String chatId = org.group(ann);
        var hook = fixtures.hook(chatId);

        assertPosted(fixtures.post(
                hook, text("<at user_id=\"" + ann + "\">Ann</at> and <at user_id=\"all\">所有人</at> look")));

        var message = only(org, chatId);
        assertThat(content(message).path("text").asText()).isEqualTo("@_user_1 and @_all look");
        assertThat(message.getMentions()).singleElement().satisfies(m -> {
            assertThat(m.getKey()).isEqualTo("@_user_1");
            assertThat(m.getId()).isEqualTo(ann);
            assertThat(m.getName()).isEqualTo("Ann");
        });
    }

    @Test
    void postLosesItsWrapperAndLocale() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId);
        Map<String, Object> locale = Map.of(
                "title",
                "Release",
                "content",
                List.of(List.of(
                        Map.of("tag", "text", "text", "v2 is out: "),
                        Map.of("tag", "a", "text", "notes", "href", "https://example.com/notes"))));

        assertPosted(fixtures.post(hook, CustomBotIT.post(locale)));

        var message = only(org, chatId);
        assertThat(message.getMsgType()).isEqualTo("post");
        var body = content(message);
        assertThat(body.path("title").asText()).isEqualTo("Release");
        assertThat(body.has("zh_cn")).isFalse();
        var line = body.path("content").path(0);
        assertThat(line.path(0).path("text").asText()).isEqualTo("v2 is out: ");
        assertThat(line.path(1).path("href").asText()).isEqualTo("https://example.com/notes");
    }

    @Test
    void imageIsPostedByItsKey() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId);
        // A custom bot posts images that an app of its tenant uploaded.
        String imageKey = uploadPng(org.client);

        assertPosted(fixtures.post(hook, Map.of("msg_type", "image", "content", Map.of("image_key", imageKey))));

        var message = only(org, chatId);
        assertThat(message.getMsgType()).isEqualTo("image");
        assertThat(content(message).path("image_key").asText()).isEqualTo(imageKey);
    }

    @Test
    void shareChatSharesOnlyTheBotsOwnGroup() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        String otherChat = org.group();
        var hook = fixtures.hook(chatId);

        assertRefused(fixtures.post(hook, shareChat(otherChat)), 9499, 400);
        assertPosted(fixtures.post(hook, shareChat(chatId)));

        var message = only(org, chatId);
        assertThat(message.getMsgType()).isEqualTo("share_chat");
        assertThat(content(message).path("chat_id").asText()).isEqualTo(chatId);
    }

    @Test
    void interactiveCardComesInTheCardField() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId);
        Map<String, Object> card = Map.of(
                "header", Map.of("title", Map.of("tag", "plain_text", "content", "Build #7")),
                "elements", List.of(Map.of("tag", "div", "text", Map.of("tag", "lark_md", "content", "**green**"))));

        assertRefused(fixtures.post(hook, Map.of("msg_type", "interactive", "content", card)), 9499, 400);
        assertPosted(fixtures.post(hook, Map.of("msg_type", "interactive", "card", card)));

        var message = only(org, chatId);
        assertThat(message.getMsgType()).isEqualTo("interactive");
        assertThat(content(message).path("title").asText()).isEqualTo("Build #7");
        assertThat(content(message).toString()).contains("**green**");
    }

    @Test
    void postIsRecordedAsAReceiveEventFromABot() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var hook = fixtures.hook(chatId);
        assertPosted(fixtures.post(hook, text("event please")));
        String messageId = only(org, chatId).getMessageId();

        var events = Admin.ok(server.admin()
                        .call("GET", "/admin/v1/events?chat_id=" + chatId + "&app_id=" + org.bot.appId(), null))
                .path("items");

        var received = events.valueStream()
                .filter(e -> e.path("event_type").asText().equals("im.message.receive_v1"))
                .map(e -> e.path("payload").path("event"))
                .filter(e -> e.path("message").path("message_id").asText().equals(messageId))
                .toList();
        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.path("sender").path("sender_type").asText()).isEqualTo("app");
            assertThat(event.path("sender").path("tenant_key").asText()).isEqualTo(org.tenantKey);
            assertThat(event.path("message").path("chat_type").asText()).isEqualTo("group");
            assertThat(event.path("message").path("message_type").asText()).isEqualTo("text");
        });
    }

    @Test
    void adminListsTheGroupsCustomBots() throws Exception {
        String chatId = fixtures.org().group();
        var first = fixtures.hook(chatId, Map.of("name", "First", "keywords", List.of("ci")));
        var second = fixtures.hook(chatId, Map.of("name", "Second", "ip_allow_list", List.of("10.0.0.0/8")));

        var items = Admin.ok(server.admin().call("GET", "/admin/v1/chats/" + chatId + "/custom_bots", null))
                .path("items");

        assertThat(items.valueStream().map(b -> b.path("bot_id").asText()))
                .containsExactly(first.botId(), second.botId());
        assertThat(items.path(0).path("hook_url").asText()).isEqualTo(first.hookUrl());
        assertThat(items.path(0).path("keywords").path(0).asText()).isEqualTo("ci");
        assertThat(items.path(1).path("ip_allow_list").path(0).asText()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void adminRefusesBadSettingsAndUnknownChats() throws Exception {
        String chatId = fixtures.org().group();
        String path = "/admin/v1/chats/" + chatId + "/custom_bots";

        assertThat(server.admin()
                        .call("POST", path, Map.of("name", "x", "ip_allow_list", List.of("not-an-ip")))
                        .status())
                .isEqualTo(400);
        assertThat(server.admin()
                        .call(
                                "POST",
                                path,
                                Map.of(
                                        "name",
                                        "x",
                                        "keywords",
                                        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")))
                        .status())
                .isEqualTo(400);
        assertThat(server.admin().call("POST", path, Map.of()).status()).isEqualTo(400);
        assertThat(server.admin()
                        .call("POST", "/admin/v1/chats/oc_unknown/custom_bots", Map.of("name", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(server.admin()
                        .call("DELETE", "/admin/v1/custom_bots/cli_0000000000000000", null)
                        .status())
                .isEqualTo(404);
    }

    private static Map<String, Object> shareChat(String chatId) {
        return Map.of("msg_type", "share_chat", "content", Map.of("share_chat_id", chatId));
    }

    private static String uploadPng(com.lark.oapi.Client client) throws Exception {
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var file = java.nio.file.Files.createTempFile("custom-bot", ".png").toFile();
        javax.imageio.ImageIO.write(image, "png", file);
        var resp = client.im()
                .image()
                .create(com.lark.oapi.service.im.v1.model.CreateImageReq.newBuilder()
                        .createImageReqBody(com.lark.oapi.service.im.v1.model.CreateImageReqBody.newBuilder()
                                .imageType("message")
                                .image(file)
                                .build())
                        .build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return resp.getData().getImageKey();
    }
}
