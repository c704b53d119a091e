package dev.larkspur.examples.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatMembersReq;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReqBody;
import com.lark.oapi.ws.Client;
import dev.larkspur.junit.Larkspur;
import dev.larkspur.junit.LarkspurTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@LarkspurTest(seed = "../bots-seed.yaml")
class WelcomeBotTest {
    private static Client connection;

    @BeforeAll
    static void startBot(Larkspur larkspur) {
        connection = new Client.Builder(larkspur.app().appId(), larkspur.app().appSecret())
                .domain(larkspur.baseUrl())
                .eventHandler(new WelcomeBot(larkspur.client()).events())
                .build();
        connection.start();
        larkspur.awaitConnection(); // start() returns while the WebSocket is still opening
    }

    @AfterAll
    static void stopBot() {
        Larkspur.disconnect(connection);
    }

    @Test
    void greetsAPersonWhoJoinsByName(Larkspur larkspur) {
        String chat = larkspur.person("alice").createGroup("Book club", "bob");

        larkspur.person("carol").join(chat);

        var greeting = larkspur.awaitMessage(chat, m -> m.content().contains("Welcome, Carol Wang!"));
        assertThat(greeting.msgType()).isEqualTo("interactive");
        assertThat(greeting.content())
                .contains("<at id=" + larkspur.person("carol").openId() + "></at>");
    }

    @Test
    void greetsEachOfSeveralPeopleAddedAtOnce(Larkspur larkspur) throws Exception {
        String chat = larkspur.person("alice").createGroup("Release train");

        var added = larkspur.client()
                .im()
                .chatMembers()
                .create(CreateChatMembersReq.newBuilder()
                        .chatId(chat)
                        .memberIdType("user_id")
                        .createChatMembersReqBody(CreateChatMembersReqBody.newBuilder()
                                .idList(new String[] {"dave", "erin"})
                                .build())
                        .build());
        assertThat(added.success()).as(added.getMsg()).isTrue();

        larkspur.awaitMessage(chat, m -> m.content().contains("Welcome, Dave Zhang!"));
        larkspur.awaitMessage(chat, m -> m.content().contains("Welcome, Erin Liu!"));
    }
}
