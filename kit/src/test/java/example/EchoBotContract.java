package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.junit.Larkspur;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The echo bot's tests, as a bot developer writes them with the kit; run on H2 ({@link
 * EchoBotTest}) and on PostgreSQL ({@link EchoBotOnPostgresTest}).
 */
abstract class EchoBotContract {
    private static EchoBot bot;

    @BeforeAll
    static void startBot(Larkspur larkspur) {
        var app = larkspur.app();
        bot = new EchoBot(app.appId(), app.appSecret(), larkspur.baseUrl(), larkspur.client());
        bot.start();
        larkspur.awaitConnection();
    }

    @AfterAll
    static void stopBot(Larkspur larkspur) {
        bot.close();
        // Hung up for good: the next class's events for this app must not reach this bot.
        await().atMost(Duration.ofSeconds(10)).until(() -> larkspur.admin(
                        "GET", "/admin/v1/apps/" + larkspur.app().appId() + "/connections", null)
                .path("items")
                .isEmpty());
    }

    @Test
    void repliesToAPersonInTheirChat(Larkspur larkspur) {
        var alice = larkspur.person("alice");
        alice.sendToBot("hello");

        var reply = larkspur.awaitMessage(alice.botChat(), m -> m.text().equals("echo: hello"));

        assertThat(reply.senderId()).isEqualTo(larkspur.app().appId());
        assertThat(larkspur.messages(alice.botChat()))
                .extracting(m -> m.text())
                .containsExactly("hello", "echo: hello");
    }

    @Test
    void acknowledgesACardClick(Larkspur larkspur) {
        var bob = larkspur.person("bob");
        bob.sendToBot("card");
        var card = larkspur.awaitMessage(bob.botChat(), m -> m.msgType().equals("interactive"));

        var answer = bob.clickCard(card.messageId(), Map.of("action", "ack"));

        assertThat(answer.toast().path("content").asString()).isEqualTo("acknowledged ack");
        assertThat(answer.cardUpdated()).isTrue();
        assertThat(answer.card()).contains("Acknowledged").doesNotContain("\"Ack\"");
    }

    @Test
    void retriesASendThatFeishuRateLimits(Larkspur larkspur) {
        String rule = larkspur.faults().openApi("/open-apis/im/v1/messages", "POST", EchoBot.RATE_LIMITED, 2);
        var carol = larkspur.person("carol");
        carol.sendToBot("are you there?");

        larkspur.awaitMessage(carol.botChat(), m -> m.text().equals("echo: are you there?"));

        assertThat(larkspur.faults().applied(rule)).isEqualTo(2);
    }

    @Test
    void seesWhatWasDeliveredToTheBot(Larkspur larkspur) {
        var alice = larkspur.person("alice");
        alice.sendToBot("ping");
        larkspur.awaitMessage(alice.botChat(), m -> m.text().equals("echo: ping"));

        // The bot acknowledges the push when its handler returns, just after it replied.
        var received = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> larkspur.deliveries(larkspur.app().appId()).stream()
                                .filter(d -> d.eventType().equals("im.message.receive_v1"))
                                .toList(),
                        list -> list.size() == 1 && list.get(0).status().equals("delivered"));

        assertThat(received.get(0)
                        .body()
                        .path("event")
                        .path("message")
                        .path("content")
                        .asString())
                .contains("ping");
    }

    @Test
    void answersAMessageWhosePushWasDroppedOnceAfterTheRetry(Larkspur larkspur) {
        var alice = larkspur.person("alice");
        alice.sendToBot("first");
        larkspur.awaitMessage(alice.botChat(), m -> m.text().equals("echo: first"));
        String rule = larkspur.faults().dropPushes(larkspur.app().appId(), 1);

        alice.sendToBot("second");

        larkspur.awaitMessage(alice.botChat(), m -> m.text().equals("echo: second"));
        assertThat(larkspur.faults().applied(rule)).isEqualTo(1);
        var pushes = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> larkspur.deliveries(larkspur.app().appId()).stream()
                                .filter(d -> d.body()
                                        .path("event")
                                        .path("message")
                                        .path("content")
                                        .asString("")
                                        .contains("second"))
                                .toList(),
                        list -> list.size() == 1 && list.get(0).status().equals("delivered"));
        assertThat(pushes.get(0).attempts()).isEqualTo(2);
    }
}
