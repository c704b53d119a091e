package dev.larkspur.examples.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.ws.Client;
import dev.larkspur.junit.Larkspur;
import dev.larkspur.junit.LarkspurTest;
import dev.larkspur.junit.Message;
import dev.larkspur.junit.Person;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@LarkspurTest(seed = "../bots-seed.yaml")
class CardBotTest {
    private static Client connection;

    @BeforeAll
    static void startBot(Larkspur larkspur) {
        connection = new Client.Builder(larkspur.app().appId(), larkspur.app().appSecret())
                .domain(larkspur.baseUrl())
                .eventHandler(new CardBot(larkspur.client()).events())
                .build();
        connection.start();
        larkspur.awaitConnection(); // start() returns while the WebSocket is still opening
    }

    @AfterAll
    static void stopBot() {
        Larkspur.disconnect(connection);
    }

    /** Alice writes to the bot, which answers her message with the menu card. */
    private static Message menuFor(Person alice, Larkspur larkspur) {
        String asked = alice.sendToBot("coffee, please");
        var menu = larkspur.awaitMessage(alice.botChat(), m -> m.msgType().equals("interactive"));
        assertThat(menu.parentId()).isEqualTo(asked);
        assertThat(menu.content()).contains("What would you like?", "Latte", "Tea");
        return menu;
    }

    @Test
    void walksAPersonThroughAnOrderWithButtonsAndASelectMenu(Larkspur larkspur) {
        var alice = larkspur.person("alice");
        String card = menuFor(alice, larkspur).messageId();

        var sizes = alice.clickCard(card, Map.of("step", "size", "drink", "latte"));
        assertThat(sizes.cardUpdated()).isTrue();
        assertThat(sizes.card()).contains("A latte: which size?");

        var confirm = alice.act(
                card,
                Map.of(
                        "tag",
                        "select_static",
                        "value",
                        Map.of("step", "confirm", "drink", "latte"),
                        "option",
                        "large"));
        assertThat(confirm.card()).contains("A large latte?", "Order it", "Start over");

        var ordered = alice.clickCard(card, Map.of("step", "order", "drink", "latte", "size", "large"));
        assertThat(ordered.toast().path("content").asString()).isEqualTo("Order placed");
        assertThat(ordered.card()).contains("Ordered: a large latte").doesNotContain("Order it");
    }

    @Test
    void startOverGoesBackToTheMenu(Larkspur larkspur) {
        var alice = larkspur.person("alice");
        String card = menuFor(alice, larkspur).messageId();
        alice.clickCard(card, Map.of("step", "size", "drink", "tea"));

        var menu = alice.clickCard(card, Map.of("step", "menu"));

        assertThat(menu.card()).contains("What would you like?").doesNotContain("which size");
    }
}
