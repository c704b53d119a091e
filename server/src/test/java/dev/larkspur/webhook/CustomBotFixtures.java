package dev.larkspur.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.ListMessageReq;
import com.lark.oapi.service.im.v1.model.Message;
import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant with a bot (the reader of history) and a group chat per test, custom bots added through
 * the admin API, and posts to their hooks over plain HTTP, signed as Feishu's samples sign them.
 */
final class CustomBotFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final TestServer server;

    CustomBotFixtures(TestServer server) {
        this.server = server;
    }

    /** A custom bot as the admin API returned it. */
    record Hook(String botId, String hookUrl, String secret, String chatId) {
        String path() {
            return URI.create(hookUrl).getPath();
        }
    }

    Org org() {
        return new Org(server);
    }

    /** A tenant with its reader bot: the shared {@link dev.larkspur.support.Org}, and a group. */
    static final class Org extends dev.larkspur.support.Org {
        private Org(TestServer server) {
            super(server, "Hook Co", "Reader Bot");
        }

        /** A group created by the bot, with these people (by the bot's open_ids) in it. */
        String group(String... openIds) throws Exception {
            var resp = client.im()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .createChatReqBody(CreateChatReqBody.newBuilder()
                                    .name("Alerts")
                                    .userIdList(openIds)
                                    .build())
                            .build());
            assertThat(resp.getCode()).as(resp.getMsg()).isZero();
            return resp.getData().getChatId();
        }

        /** A person, and their open_id as the bot knows them. */
        String personOpenId(String name) {
            return person(name).openId();
        }

        /** The chat's history as the bot reads it through the official SDK, oldest first. */
        List<Message> history(String chatId) throws Exception {
            var resp = client.im()
                    .message()
                    .list(ListMessageReq.newBuilder()
                            .containerIdType("chat")
                            .containerId(chatId)
                            .pageSize(50)
                            .build());
            assertThat(resp.getCode()).as(resp.getMsg()).isZero();
            var items = resp.getData().getItems();
            return items == null ? List.of() : Arrays.asList(items);
        }

        /** The chat's messages that a custom bot sent. */
        List<Message> hookMessages(String chatId) throws Exception {
            return history(chatId).stream()
                    .filter(m -> m.getSender().getId().startsWith("cli_")
                            && !m.getSender().getId().equals(bot.appId()))
                    .toList();
        }
    }

    /** Adds a custom bot to the chat; {@code settings} holds any of the optional fields. */
    Hook hook(String chatId, Map<String, Object> settings) {
        var body = new HashMap<String, Object>(settings);
        body.putIfAbsent("name", "Alert Bot");
        var data = Admin.ok(server.admin().call("POST", "/admin/v1/chats/" + chatId + "/custom_bots", body));
        return new Hook(
                data.path("bot_id").asText(),
                data.path("hook_url").asText(),
                data.path("secret").isString() ? data.path("secret").asText() : null,
                chatId);
    }

    Hook hook(String chatId) {
        return hook(chatId, Map.of());
    }

    RawHttp.Reply post(Hook hook, String body) {
        return server.http().post(hook.path(), null, body);
    }

    RawHttp.Reply post(Hook hook, Map<String, Object> body) {
        return post(hook, JSON.writeValueAsString(body));
    }

    /** Posts with {@code timestamp} and {@code sign} added, signed with the given secret. */
    RawHttp.Reply postSigned(Hook hook, Map<String, Object> body, long timestampSeconds, String secret) {
        var signed = new HashMap<String, Object>(body);
        String timestamp = String.valueOf(timestampSeconds);
        signed.put("timestamp", timestamp);
        signed.put("sign", sign(timestamp, secret));
        return post(hook, signed);
    }

    /**
     * Feishu's Java sample, as a client computes it: HmacSHA256 keyed by timestamp, newline and
     * secret, over no data at all, in Base64.
     */
    static String sign(String timestamp, String secret) {
        try {
            String stringToSign = timestamp + "\n" + secret;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(stringToSign.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signData = mac.doFinal(new byte[] {});
            return Base64.getEncoder().encodeToString(signData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    long nowSeconds() {
        return server.clock().instant().getEpochSecond();
    }

    static Map<String, Object> text(String text) {
        return Map.of("msg_type", "text", "content", Map.of("text", text));
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** A hook's success answer: HTTP 200 with the legacy fields too. */
    static void assertPosted(RawHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.code()).as(reply.body().toString()).isZero();
        assertThat(reply.body().path("msg").asText()).isEqualTo("success");
        assertThat(reply.body().path("StatusCode").asInt(-1)).isZero();
        assertThat(reply.body().path("StatusMessage").asText()).isEqualTo("success");
        assertThat(reply.body().path("data").isObject()).isTrue();
    }

    /** A hook's refusal: its code, on the HTTP status Feishu uses for it. */
    static void assertRefused(RawHttp.Reply reply, int code, int httpStatus) {
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.status()).isEqualTo(httpStatus);
        assertThat(reply.body().has("error")).isFalse();
    }
}
