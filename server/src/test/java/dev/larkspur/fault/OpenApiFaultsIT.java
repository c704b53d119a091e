package dev.larkspur.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.GetChatReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Open API fault rules, seen through the official Java SDK (issue 15, part 1). */
class OpenApiFaultsIT {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void clearRules() {
        Admin.ok(server.admin().call("DELETE", "/admin/v1/faults", null));
    }

    private record Bot(Admin.AppCreds app, Client client, String chatId) {}

    private static Bot bot() throws Exception {
        String tenant = server.admin().tenant("Fault Co " + SEQUENCE.incrementAndGet());
        var app = server.admin().app(tenant, "Fault Bot");
        var client = Sdk.client(server, app);
        var chat = client.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .createChatReqBody(
                                CreateChatReqBody.newBuilder().name("Faults").build())
                        .build());
        assertThat(chat.getCode()).isZero();
        return new Bot(app, client, chat.getData().getChatId());
    }

    private static CreateMessageResp send(Bot bot, String text) throws Exception {
        return bot.client()
                .im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("chat_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(bot.chatId())
                                .msgType("text")
                                .content("{\"text\":\"" + text + "\"}")
                                .build())
                        .build());
    }

    static JsonNode rule(Map<String, Object> spec) {
        return Admin.ok(server.admin().call("POST", "/admin/v1/faults", spec));
    }

    static JsonNode rules() {
        return Admin.ok(server.admin().call("GET", "/admin/v1/faults", null)).path("items");
    }

    private static Map<String, Object> sendRule(Bot bot, Map<String, Object> more) {
        var spec = new HashMap<String, Object>(
                Map.of("app_id", bot.app().appId(), "path", "/open-apis/im/v1/messages", "method", "POST"));
        spec.putAll(more);
        return spec;
    }

    @Test
    void sendRetriedByTheBotSucceedsAfterTwoInjectedRateLimits() throws Exception {
        var bot = bot();
        String id = rule(sendRule(bot, Map.of("action", "error", "code", 99991400, "count", 2)))
                .path("id")
                .asText();

        // The bot's own retry policy: up to five tries while Feishu says 99991400.
        int tries = 0;
        CreateMessageResp resp;
        do {
            resp = send(bot, "retried");
            tries++;
        } while (resp.getCode() == 99991400 && tries < 5);

        assertThat(resp.getCode()).isZero();
        assertThat(tries).isEqualTo(3);
        var listed = rules().get(0);
        assertThat(listed.path("id").asText()).isEqualTo(id);
        assertThat(listed.path("applied").asLong()).isEqualTo(2);
        assertThat(listed.path("remaining").asInt()).isZero();
    }

    @Test
    void rateLimitFaultAnswersAsFeishusGatewayDoes() throws Exception {
        var bot = bot();
        rule(sendRule(bot, Map.of("action", "error", "code", 99991400, "count", 1)));
        String token = server.http().tenantToken(bot.app().appId(), bot.app().appSecret());

        var reply = server.http()
                .post(
                        "/open-apis/im/v1/messages?receive_id_type=chat_id",
                        token,
                        "{\"receive_id\":\"" + bot.chatId() + "\",\"msg_type\":\"text\",\"content\":\"{}\"}");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.code()).isEqualTo(99991400);
        assertThat(reply.body().path("msg").asText()).isEqualTo("request trigger frequency limit");
        assertThat(reply.headers()).containsKeys("x-ogw-ratelimit-limit", "x-ogw-ratelimit-reset");
    }

    @Test
    void errorRulesMatchOnlyTheirAppPathAndMethod() throws Exception {
        var bot = bot();
        var other = bot();
        rule(sendRule(bot, Map.of("action", "error", "code", 230020)));
        rule(Map.of(
                "action",
                "error",
                "http_status",
                503,
                "app_id",
                bot.app().appId(),
                "path",
                "/open-apis/im/v1/chats/{chat_id}"));

        assertThat(send(bot, "limited").getCode()).isEqualTo(230020);
        assertThat(send(other, "fine").getCode()).isZero();
        var get = bot.client()
                .im()
                .chat()
                .get(GetChatReq.newBuilder().chatId(bot.chatId()).build());
        assertThat(get.getCode()).isEqualTo(503);
        assertThat(get.getRawResponse().getStatusCode()).isEqualTo(503);
    }

    @Test
    void latencyRuleHoldsTheCallThenServesIt() throws Exception {
        var bot = bot();
        rule(sendRule(bot, Map.of("action", "latency", "latency_ms", 800)));

        long start = System.nanoTime();
        var resp = send(bot, "slow");
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(resp.getCode()).isZero();
        assertThat(tookMs).isGreaterThanOrEqualTo(800);
    }

    @Test
    void closeRuleDropsTheConnectionWithoutAnAnswer() throws Exception {
        var bot = bot();
        rule(sendRule(bot, Map.of("action", "close", "count", 2)));
        String token = server.http().tenantToken(bot.app().appId(), bot.app().appSecret());

        // No status line at all: not an empty answer, which a client would read as a 200.
        assertThatThrownBy(() -> server.http().post("/open-apis/im/v1/messages?receive_id_type=chat_id", token, "{}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> send(bot, "lost")).isNotNull();
        assertThat(send(bot, "after").getCode()).isZero();
        assertThat(rules().get(0).path("applied").asLong()).isEqualTo(2);
    }

    @Test
    void rulesExpireOnTheirOwn() throws Exception {
        var bot = bot();
        rule(sendRule(bot, Map.of("action", "error", "code", 99991663, "ttl_seconds", 60)));
        var failed = send(bot, "invalid token");
        assertThat(failed.getCode()).isEqualTo(99991663);

        server.clock().advance(Duration.ofSeconds(61));

        assertThat(send(bot, "valid again").getCode()).isZero();
        assertThat(rules()).isEmpty();
    }

    @Test
    void rulesAreRemovedOneAtATimeOrAllAtOnce() throws Exception {
        var bot = bot();
        String first = rule(sendRule(bot, Map.of("action", "error", "http_status", 500)))
                .path("id")
                .asText();
        rule(sendRule(bot, Map.of("action", "error", "http_status", 502)));
        rule(sendRule(bot, Map.of("action", "latency", "latency_ms", 1)));
        assertThat(send(bot, "500").getCode()).isEqualTo(500);

        Admin.ok(server.admin().call("DELETE", "/admin/v1/faults/" + first, null));
        assertThat(rules()).hasSize(2);
        assertThat(send(bot, "502").getCode()).isEqualTo(502);

        var cleared = Admin.ok(server.admin().call("DELETE", "/admin/v1/faults", null));
        assertThat(cleared.path("removed").asInt()).isEqualTo(2);
        assertThat(send(bot, "fine").getCode()).isZero();
    }

    @Test
    void invalidRulesAreRefusedWithTheFieldAtFault() {
        var reply = server.admin().call("POST", "/admin/v1/faults", Map.of("action", "explode"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99992402);
        assertThat(reply.body()
                        .path("error")
                        .path("field_violations")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("action");
        var noApp = server.admin().call("POST", "/admin/v1/faults", Map.of("action", "drop"));
        assertThat(noApp.code()).isEqualTo(99992402);
        var unknownRule = server.admin().call("DELETE", "/admin/v1/faults/fault_nope", null);
        assertThat(unknownRule.status()).isEqualTo(404);
    }

    @Test
    void rulesNeedTheAdminToken() {
        var reply = server.http().get("/admin/v1/faults", "not-the-token");
        assertThat(reply.status()).isEqualTo(401);
    }
}
