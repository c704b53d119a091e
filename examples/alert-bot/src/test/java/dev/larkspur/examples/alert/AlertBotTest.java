package dev.larkspur.examples.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.service.im.v1.model.GetChatMembersReq;
import com.lark.oapi.service.im.v1.model.GetMessageReq;
import com.lark.oapi.service.im.v1.model.ListMember;
import com.lark.oapi.service.im.v1.model.ListPinReq;
import com.lark.oapi.service.im.v1.model.Pin;
import dev.larkspur.junit.Larkspur;
import dev.larkspur.junit.LarkspurTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@LarkspurTest(seed = "../bots-seed.yaml")
class AlertBotTest {
    private static com.lark.oapi.ws.Client connection;
    private static AlertEndpoint endpoint;

    @BeforeAll
    static void startBot(Larkspur larkspur) throws Exception {
        var bot = new AlertBot(larkspur.client(), List.of("alice", "bob"));
        connection = new com.lark.oapi.ws.Client.Builder(
                        larkspur.app().appId(), larkspur.app().appSecret())
                .domain(larkspur.baseUrl())
                .eventHandler(bot.events())
                .build();
        connection.start();
        larkspur.awaitConnection(); // start() returns while the WebSocket is still opening
        endpoint = AlertEndpoint.start(bot, 0);
    }

    @AfterAll
    static void stopBot() {
        endpoint.close();
        Larkspur.disconnect(connection);
    }

    /** What a monitoring system does: POST the alert to the bot. */
    private static HttpResponse<String> report(String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint.url()))
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static Map<?, ?> raise(String title, String detail) throws Exception {
        var answer = report(Jsons.DEFAULT.toJson(Map.of("title", title, "detail", detail)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return Jsons.DEFAULT.fromJson(answer.body(), Map.class);
    }

    @Test
    void anAlertPullsTheOnCallPeopleIntoAGroupWithItsCardPinnedAndTheOwnerMentioned(Larkspur larkspur)
            throws Exception {
        var raised = raise("Disk full", "db-1 is at 98%");
        String chat = (String) raised.get("chat_id");
        String card = (String) raised.get("message_id");
        Client client = larkspur.client();

        var members = client.im()
                .chatMembers()
                .get(GetChatMembersReq.newBuilder()
                        .chatId(chat)
                        .memberIdType("user_id")
                        .build());
        assertThat(Arrays.stream(members.getData().getItems()).map(ListMember::getMemberId))
                .containsExactlyInAnyOrder("alice", "bob");

        var alert = larkspur.awaitMessage(chat, m -> m.messageId().equals(card));
        assertThat(alert.msgType()).isEqualTo("interactive");
        assertThat(alert.content()).contains("Alert: Disk full", "db-1 is at 98%", "Mark handled");

        var pins = client.im().pin().list(ListPinReq.newBuilder().chatId(chat).build());
        assertThat(Arrays.stream(pins.getData().getItems()).map(Pin::getMessageId))
                .containsExactly(card);

        var mention = larkspur.awaitMessage(chat, m -> m.msgType().equals("text"));
        var mentioned = client.im()
                .message()
                .get(GetMessageReq.newBuilder().messageId(mention.messageId()).build())
                .getData()
                .getItems()[0]
                .getMentions();
        // A message's mentions name people by open_id, whichever id the <at> tag had.
        String alice = larkspur.person("alice").openId();
        assertThat(mentioned).singleElement().satisfies(m -> assertThat(m.getId())
                .isEqualTo(alice));
    }

    @Test
    void markHandledUpdatesTheCardForEveryone(Larkspur larkspur) throws Exception {
        String card = (String) raise("Queue backlog", "jobs wait 20 minutes").get("message_id");

        var answer = larkspur.person("bob")
                .clickCard(
                        card, Map.of("action", "handled", "title", "Queue backlog", "detail", "jobs wait 20 minutes"));

        assertThat(answer.toast().path("content").asString()).isEqualTo("Marked as handled");
        // The card as the Open API reads it after the click: the shared card, which everyone sees.
        assertThat(answer.card())
                .contains("Handled: Queue backlog", "Handled by")
                .doesNotContain("Mark handled");
    }

    @Test
    void refusesAReportWithoutATitle() throws Exception {
        var answer = report("{\"detail\": \"no title\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("an alert needs a title");
    }
}
