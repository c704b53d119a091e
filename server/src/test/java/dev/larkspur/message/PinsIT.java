package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.PinCalls.pin;
import static dev.larkspur.message.PinCalls.pinned;
import static dev.larkspur.message.PinCalls.unpin;
import static dev.larkspur.message.ReactionCalls.AS_BOT;
import static dev.larkspur.message.ReactionCalls.recall;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pinning and unpinning messages (spec/message.md §3.21). Listing: PinListIT. */
class PinsIT {
    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void botPinsAMessageAndIsNamedByItsAppId() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var message = org.post(chatId, "remember this");

        var pin = pin(org.client, message.getMessageId());

        assertThat(pin.getMessageId()).isEqualTo(message.getMessageId());
        assertThat(pin.getChatId()).isEqualTo(chatId);
        assertThat(pin.getOperatorId()).isEqualTo(org.bot.appId());
        assertThat(pin.getOperatorIdType()).isEqualTo("app_id");
        assertThat(pin.getCreateTime()).matches("\\d{13}");
    }

    @Test
    void pinAnswersWithExactlyTheDocumentedFields() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "remember this");
        String token = server.http().tenantToken(org.bot.appId(), org.bot.appSecret());

        var reply =
                server.http().post("/open-apis/im/v1/pins", token, json(Map.of("message_id", message.getMessageId())));

        var data = reply.body().path("data");
        assertThat(data.propertyNames()).containsExactly("pin");
        assertThat(data.path("pin").propertyNames())
                .containsExactly("message_id", "chat_id", "operator_id", "operator_id_type", "create_time");
        assertThat(data.path("pin").path("create_time").isString()).isTrue();
    }

    @Test
    void personPinsAndIsNamedByTheirOpenId() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "remember this");

        var pin = ok(pin(org.client, message.getMessageId(), org.as(ann)))
                .getData()
                .getPin();

        assertThat(pin.getOperatorId()).isEqualTo(ann.openId());
        assertThat(pin.getOperatorIdType()).isEqualTo("open_id");
    }

    @Test
    void pinningAPinnedMessageAnswersTheExistingPin() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "remember this");
        var first = pin(org.client, message.getMessageId());
        server.clock().advance(Duration.ofSeconds(1));

        var again = ok(pin(org.client, message.getMessageId(), org.as(ann)))
                .getData()
                .getPin();

        assertThat(again.getOperatorId()).isEqualTo(org.bot.appId());
        assertThat(again.getCreateTime()).isEqualTo(first.getCreateTime());
    }

    @Test
    void recalledMessageCannotBePinned() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "oops");
        recall(org.client, message.getMessageId());

        var resp = pin(org.client, message.getMessageId(), AS_BOT);

        assertFails(resp, 230011);
        assertThat(resp.getMsg()).isEqualTo("The message is recalled.");
    }

    @Test
    void unknownMessageCannotBePinned() throws Exception {
        var org = fixtures.org();

        assertInvalid(pin(org.client, "om_00000000000000000000000000000000", AS_BOT), "invalid message_id");
    }

    @Test
    void botOutsideTheChatMayNotPin() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "remember this");

        var resp = pin(org.client(org.bot("Outsider")), message.getMessageId(), AS_BOT);

        assertFails(resp, 230002);
    }

    @Test
    void messageOfAnotherTenantIsInvisible() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "remember this");

        assertFails(pin(fixtures.org().client, message.getMessageId(), AS_BOT), 230050);
    }

    @Test
    void appWithoutBotAbilityMayNotPin() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "remember this");
        Admin.ok(server.admin().call("PATCH", "/admin/v1/apps/" + org.bot.appId(), Map.of("bot_enabled", false)));

        assertFails(pin(org.client, message.getMessageId(), AS_BOT), 230006);
    }

    @Test
    void unpinRemovesThePinAndAnswersEmptyData() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var message = org.post(chatId, "remember this");
        pin(org.client, message.getMessageId());

        ok(unpin(org.client, message.getMessageId()));

        assertThat(pinned(org.client, chatId)).isEmpty();
        String token = server.http().tenantToken(org.bot.appId(), org.bot.appSecret());
        var reply = server.http().send("DELETE", "/open-apis/im/v1/pins/" + message.getMessageId(), token, null);
        assertThat(reply.body().path("data").isObject()).isTrue();
        assertThat(reply.body().path("data").propertyNames()).isEmpty();
    }

    @Test
    void unpinningAMessageThatIsNotPinnedSucceeds() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "never pinned");

        ok(unpin(org.client, message.getMessageId()));
    }

    @Test
    void recalledMessagesLeaveTheListAndUnpinSucceeds() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var message = org.post(chatId, "remember this");
        pin(org.client, message.getMessageId());
        recall(org.client, message.getMessageId());

        assertThat(pinned(org.client, chatId)).isEmpty();
        ok(unpin(org.client, message.getMessageId()));
    }
}
