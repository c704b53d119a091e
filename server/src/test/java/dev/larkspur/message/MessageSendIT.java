package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.Mention;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sending (spec/message.md §3.1): targets, the Message object of §2, mentions and uuid. */
class MessageSendIT {
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

    private static CreateMessageResp sendWithUuid(MessageFixtures.Org org, String chatId, String uuid)
            throws Exception {
        return org.client
                .im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("chat_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(chatId)
                                .msgType("text")
                                .content(text("once"))
                                .uuid(uuid)
                                .build())
                        .build());
    }

    @Test
    void sentMessageCarriesItsIdsTimesAndFlags() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        long before = System.currentTimeMillis();

        var m = org.sendToChat(chatId, "text", text("hello")).getData();

        assertThat(m.getMessageId()).matches("om_[0-9a-f]{32}");
        assertThat(m.getChatId()).isEqualTo(chatId);
        assertThat(m.getMsgType()).isEqualTo("text");
        assertThat(m.getCreateTime()).matches("\\d{13}");
        assertThat(Long.parseLong(m.getCreateTime())).isBetween(before - 60_000, before + 60_000);
        assertThat(m.getUpdateTime()).isEqualTo(m.getCreateTime());
        assertThat(m.getDeleted()).isFalse();
        assertThat(m.getUpdated()).isFalse();
        assertThat(m.getRootId()).isNull();
        assertThat(m.getParentId()).isNull();
        assertThat(m.getThreadId()).isNull();
    }

    @Test
    void botSenderIsShownByAppId() throws Exception {
        var org = fixtures.org();

        var sender = org.sendToChat(org.group(), "text", text("hi")).getData().getSender();

        assertThat(sender.getId()).isEqualTo(org.bot.appId());
        assertThat(sender.getIdType()).isEqualTo("app_id");
        assertThat(sender.getSenderType()).isEqualTo("app");
        assertThat(sender.getTenantKey()).isEqualTo(org.tenantKey);
    }

    @Test
    void bodyContentIsAJsonStringInReceiveFormat() throws Exception {
        var org = fixtures.org();

        var m = org.sendToChat(org.group(), "text", text("line1\nline2")).getData();

        assertThat(parse(m.getBody().getContent()).path("text").asText()).isEqualTo("line1\nline2");
    }

    @Test
    void mentionsBecomePlaceholdersAndAreListedByOpenId() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String content = text(
                "<at user_id=\"" + ann.openId() + "\">Ann</at> meet <at user_id=\"" + bob.unionId() + "\">Bob</at>");

        var m = org.sendToChat(org.group(ann, bob), "text", content).getData();

        assertThat(parse(m.getBody().getContent()).path("text").asText()).isEqualTo("@_user_1 meet @_user_2");
        assertThat(m.getMentions()).extracting(Mention::getKey).containsExactly("@_user_1", "@_user_2");
        assertThat(m.getMentions()).extracting(Mention::getId).containsExactly(ann.openId(), bob.openId());
        assertThat(m.getMentions()).extracting(Mention::getIdType).containsOnly("open_id");
        assertThat(m.getMentions()).extracting(Mention::getName).containsExactly("Ann", "Bob");
        assertThat(m.getMentions()).extracting(Mention::getTenantKey).containsOnly(org.tenantKey);
    }

    @Test
    void everyPersonIdTypeReachesTheOneP2pChatWithThatPerson() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        var chatIds = new ArrayList<String>();
        for (var target : List.of(
                Map.entry("open_id", ann.openId()),
                Map.entry("union_id", ann.unionId()),
                Map.entry("user_id", ann.userId()),
                Map.entry("email", ann.email()),
                Map.entry("open_id", ann.openId()))) {
            var resp = ok(org.send(target.getKey(), target.getValue(), "text", text("hi via " + target.getKey())));
            chatIds.add(resp.getData().getChatId());
        }

        assertThat(chatIds.get(0)).startsWith("oc_");
        assertThat(chatIds).containsOnly(chatIds.get(0));
        assertThat(org.chatHistory(chatIds.get(0))).hasSize(5);
    }

    @Test
    void eachPersonHasTheirOwnP2pChat() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");

        var toAnn = ok(org.send("open_id", ann.openId(), "text", text("hi"))).getData();
        var toBob = ok(org.send("open_id", bob.openId(), "text", text("hi"))).getData();

        assertThat(toAnn.getChatId()).isNotEqualTo(toBob.getChatId());
    }

    @Test
    void unknownPersonIsAnInvalidReceiveId() throws Exception {
        var org = fixtures.org();

        var resp = org.send("open_id", "ou_00000000000000000000000000000000", "text", text("hi"));

        assertInvalid(resp, "invalid receive_id");
    }

    @Test
    void unknownReceiveIdTypeIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = org.send("thread_id", "omt_1234", "text", text("hi"));

        assertInvalid(resp, "invalid receive_id_type");
    }

    @Test
    void repeatedUuidReturnsTheFirstMessage() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();

        var first = ok(sendWithUuid(org, chatId, "retry-1")).getData();
        var again = ok(sendWithUuid(org, chatId, "retry-1")).getData();

        assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
        assertThat(org.chatHistory(chatId)).hasSize(1);
    }

    @Test
    void concurrentSendsWithOneUuidPostExactlyOneMessage() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<CreateMessageResp>>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return sendWithUuid(org, chatId, "race-1");
                }));
            }
            start.countDown();
            for (var result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        String messageId = org.chatHistory(chatId).get(0).getMessageId();
        for (var result : results) {
            var resp = result.get();
            if (resp.getCode() == 0) {
                assertThat(resp.getData().getMessageId()).isEqualTo(messageId);
            } else {
                assertFails(resp, 230049);
            }
        }
        assertThat(org.chatHistory(chatId)).hasSize(1);
    }

    @Test
    void uuidLongerThanFiftyCharactersIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = sendWithUuid(org, org.group(), "u".repeat(51));

        assertFails(resp, 230001);
    }
}
