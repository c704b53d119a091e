package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.support.Responses.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.GetMessageReq;
import dev.larkspur.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading one message (spec/message.md §3.11): always an array of items, only for chat members. */
class MessageGetIT {
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
    void getAnswersWithAnItemsArrayOfTheOneMessage() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "hello");

        var data =
                org.rawGet("/open-apis/im/v1/messages/" + sent.getMessageId()).path("data");

        assertThat(data.path("items").isArray()).isTrue();
        assertThat(data.path("items").size()).isEqualTo(1);
        assertThat(data.path("items").path(0).path("message_id").asText()).isEqualTo(sent.getMessageId());
        assertThat(data.path("items").path(0).path("body").path("content").isString())
                .isTrue();
    }

    @Test
    void getOfAnUnknownMessageIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = org.client
                .im()
                .message()
                .get(GetMessageReq.newBuilder()
                        .messageId("om_00000000000000000000000000000000")
                        .build());

        assertInvalid(resp, "invalid message_id");
    }

    @Test
    void botOutsideTheChatCannotGetItsMessages() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "private");
        var outsider = org.client(org.bot("Outsider"));

        var resp = outsider.im()
                .message()
                .get(GetMessageReq.newBuilder().messageId(sent.getMessageId()).build());

        assertFails(resp, 230002);
    }
}
