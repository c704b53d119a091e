package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackCard;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.internal.CardRepository;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A person clicks a button on a bot's card: the {@code card.action.trigger} callback reaches the
 * official Java SDK's EventDispatcher by HTTP or over the long connection, the card it answers
 * with replaces the message's card, and its toast comes back to the person.
 */
class CardActionIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.events.poll-millis", "50"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A handler that records each click and answers with a toast and, when given, a card. */
    private static final class Handler {
        final List<P2CardActionTrigger> clicks = new CopyOnWriteArrayList<>();

        EventDispatcher dispatcher(String verificationToken, Supplier<CallBackCard> card) {
            return EventDispatcher.newBuilder(verificationToken, "")
                    .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                        @Override
                        public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                            clicks.add(event);
                            var toast = new CallBackToast();
                            toast.setType("success");
                            toast.setContent("saved "
                                    + event.getEvent().getAction().getValue().get("item"));
                            var response = new P2CardActionTriggerResponse();
                            response.setToast(toast);
                            response.setCard(card.get());
                            return response;
                        }
                    })
                    .build();
        }
    }

    /** A 1.0 card; a shared one replaces the card for everyone, another for the clicker alone. */
    private static CallBackCard rawCard(String title) {
        return rawCard(title, true);
    }

    private static CallBackCard rawCard(String title, boolean shared) {
        var card = new CallBackCard();
        card.setType("raw");
        card.setData(Map.of(
                "config",
                Map.of("update_multi", shared),
                "header",
                Map.of("title", Map.of("tag", "plain_text", "content", title)),
                "elements",
                List.of(Map.of("tag", "div", "text", Map.of("tag", "plain_text", "content", "done")))));
        return card;
    }

    /** Subscribes the bot to no event, so that only clicks reach it. */
    private static void settings(LongConnectionBot bot, String mode, String requestUrl) {
        var settings = new java.util.HashMap<String, Object>();
        settings.put("mode", mode);
        settings.put("verification_token", "vt-card");
        settings.put("event_types", List.of(EventType.CARD_ACTION_TRIGGER.wireName()));
        if (requestUrl != null) {
            settings.put("request_url", requestUrl);
        }
        Admin.ok(server.admin().call("PUT", "/admin/v1/apps/" + bot.app.appId() + "/event_settings", settings));
    }

    private static String annOpenId(LongConnectionBot bot) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + bot.tenant + "/users/ann", null))
                .path("open_ids")
                .path(bot.app.appId())
                .asString();
    }

    @Test
    void clickReachesTheBotsCallbackUrlAndItsCardReplacesTheMessage() throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server);
                var receiver = new EventReceiver(handler.dispatcher("vt-card", () -> rawCard("Saved")))) {
            settings(bot, "callback", receiver.url());
            String messageId = CardFixtures.botPostsCard(bot);
            assertThat(CardFixtures.cardTitle(bot, messageId)).isEqualTo("Pending");

            var answer = CardFixtures.annClicks(bot, messageId);

            assertThat(answer.path("code").asInt()).as(answer.toString()).isZero();
            assertThat(answer.path("data").path("toast").path("type").asString())
                    .isEqualTo("success");
            assertThat(answer.path("data").path("toast").path("content").asString())
                    .isEqualTo("saved 42");
            assertThat(answer.path("data").path("card_updated").asBoolean()).isTrue();
            assertThat(CardFixtures.cardTitle(bot, messageId)).isEqualTo("Saved");

            var click = handler.clicks.get(0);
            assertThat(click.getHeader().getEventType()).isEqualTo("card.action.trigger");
            assertThat(click.getHeader().getToken()).isEqualTo("vt-card");
            assertThat(click.getEvent().getOperator().getOpenId()).isEqualTo(annOpenId(bot));
            assertThat(click.getEvent().getOperator().getTenantKey()).isEqualTo(bot.tenant);
            assertThat(click.getEvent().getAction().getTag()).isEqualTo("button");
            assertThat(click.getEvent().getContext().getOpenMessageId()).isEqualTo(messageId);
            assertThat(click.getEvent().getToken()).startsWith("c-");
        }
    }

    @Test
    void clickReachesTheBotOverTheLongConnectionAndTheAckCarriesTheAnswer() throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server)) {
            settings(bot, "websocket", null);
            bot.connect(handler.dispatcher("", () -> rawCard("Saved over the socket")));
            bot.awaitConnections(1);
            String messageId = CardFixtures.botPostsCard(bot);

            var answer = CardFixtures.annClicks(bot, messageId);

            assertThat(answer.path("code").asInt()).as(answer.toString()).isZero();
            assertThat(answer.path("data").path("toast").path("content").asString())
                    .isEqualTo("saved 42");
            assertThat(CardFixtures.cardTitle(bot, messageId)).isEqualTo("Saved over the socket");
            assertThat(handler.clicks).hasSize(1);
        }
    }

    @Test
    void answerWithoutACardKeepsTheCard() throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server)) {
            settings(bot, "websocket", null);
            bot.connect(handler.dispatcher("", () -> null));
            bot.awaitConnections(1);
            String messageId = CardFixtures.botPostsCard(bot);

            var answer = CardFixtures.annClicks(bot, messageId);

            assertThat(answer.path("code").asInt()).as(answer.toString()).isZero();
            assertThat(answer.path("data").path("card_updated").asBoolean()).isFalse();
            assertThat(CardFixtures.cardTitle(bot, messageId)).isEqualTo("Pending");
        }
    }

    @Test
    void unsharedAnswerReplacesTheCardForTheClickerAlone() throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server)) {
            settings(bot, "websocket", null);
            bot.connect(handler.dispatcher("", () -> rawCard("Saved for Ann", false)));
            bot.awaitConnections(1);
            String messageId = CardFixtures.botPostsCard(bot);

            var answer = CardFixtures.annClicks(bot, messageId);

            assertThat(answer.path("data").path("card_updated").asBoolean()).isTrue();
            assertThat(CardFixtures.cardTitle(bot, messageId)).isEqualTo("Pending");
            // The stored copy for Ann; what she sees of it is the next test.
            long messagePk =
                    server.bean(MessageRepository.class).pkOf(messageId).orElseThrow();
            long annPk = server.bean(UserService.class)
                    .findByUserId(bot.tenant, "ann")
                    .orElseThrow()
                    .pk();
            assertThat(server.bean(CardRepository.class).viewOf(messagePk, annPk))
                    .hasValueSatisfying(card -> assertThat(card).contains("Saved for Ann"));
        }
    }

    @Test
    void theClickerSeesTheirOwnCopyUntilTheCardChangesForEveryone() throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server)) {
            settings(bot, "websocket", null);
            bot.connect(handler.dispatcher("", () -> rawCard("Saved for Ann", false)));
            bot.awaitConnections(1);
            String messageId = CardFixtures.botPostsCard(bot);
            assertThat(CardFixtures.annClicks(bot, messageId).path("code").asInt())
                    .isZero();
            var repository = server.bean(MessageRepository.class);
            var cards = server.bean(dev.larkspur.message.CardInteractions.class);
            long annPk = server.bean(UserService.class)
                    .findByUserId(bot.tenant, "ann")
                    .orElseThrow()
                    .pk();
            Supplier<dev.larkspur.message.Message> stored =
                    () -> repository.findByMessageId(messageId).orElseThrow();

            assertThat(cards.seenBy(annPk, stored.get()).rawContent()).contains("Saved for Ann");
            assertThat(cards.seenBy(annPk + 1000, stored.get()).rawContent()).contains("Pending");

            String token = handler.clicks.get(0).getEvent().getToken();
            var http = server.http();
            var everyone = Map.of(
                    "schema", "2.0", "header", Map.of("title", Map.of("tag", "plain_text", "content", "For all")));
            assertThat(http.post(
                                    "/open-apis/interactive/v1/card/update",
                                    http.tenantToken(bot.app.appId(), bot.app.appSecret()),
                                    LongConnectionBot.JSON.writeValueAsString(Map.of("token", token, "card", everyone)))
                            .code())
                    .isZero();
            assertThat(cards.seenBy(annPk, stored.get()).rawContent()).contains("For all");
        }
    }

    @Test
    void clickCarriesATokenForTheDelayedCardUpdate() throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server)) {
            settings(bot, "websocket", null);
            bot.connect(handler.dispatcher("", () -> null));
            bot.awaitConnections(1);
            String messageId = CardFixtures.botPostsCard(bot);
            assertThat(CardFixtures.annClicks(bot, messageId).path("code").asInt())
                    .isZero();
            String token = handler.clicks.get(0).getEvent().getToken();

            var http = server.http();
            var later =
                    Map.of("schema", "2.0", "header", Map.of("title", Map.of("tag", "plain_text", "content", "Later")));
            var reply = http.post(
                    "/open-apis/interactive/v1/card/update",
                    http.tenantToken(bot.app.appId(), bot.app.appSecret()),
                    LongConnectionBot.JSON.writeValueAsString(Map.of("token", token, "card", later)));

            assertThat(reply.code()).as(reply.body().toString()).isZero();
            assertThat(CardFixtures.cardTitle(bot, messageId)).isEqualTo("Later");
        }
    }

    @Test
    void failedCallbackIsReportedToTheClickerAndNotRetried() throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server);
                var receiver = new EventReceiver(handler.dispatcher("vt-card", () -> null))) {
            settings(bot, "callback", receiver.url());
            String messageId = CardFixtures.botPostsCard(bot);
            int before = receiver.requests();
            receiver.failWhen(n -> n > before);

            var answer = CardFixtures.annClicks(bot, messageId);

            assertThat(answer.path("code").asInt()).isEqualTo(200671);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.requests() == before + 1);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anUnreachableCallbackGivesTheClickerAGenericTextAndTheOperatorTheReason(CapturedOutput log) throws Exception {
        var handler = new Handler();
        try (var bot = new LongConnectionBot(server)) {
            String url;
            try (var receiver = new EventReceiver(handler.dispatcher("vt-card", () -> null))) {
                settings(bot, "callback", receiver.url());
                url = receiver.url();
            }
            String messageId = CardFixtures.botPostsCard(bot);

            var answer = CardFixtures.annClicks(bot, messageId);

            assertThat(answer.path("code").asInt()).isEqualTo(200342);
            assertThat(answer.path("msg").asString()).isEqualTo("the callback request URL could not be reached");
            assertThat(log.getOut() + log.getErr())
                    .contains("card callback of app " + bot.app.appId() + " to " + url + " failed:");
        }
    }

    @Test
    void clickOnABotThatIsNotOnlineFails() throws Exception {
        try (var bot = new LongConnectionBot(server)) {
            String messageId = CardFixtures.botPostsCard(bot);

            assertThat(CardFixtures.annClicks(bot, messageId).path("code").asInt())
                    .isEqualTo(200340);
        }
    }
}
