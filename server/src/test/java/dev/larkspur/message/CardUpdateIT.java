package dev.larkspur.message;

import static dev.larkspur.message.LegacyCalls.assertFails;
import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.MessageFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.DeleteMessageReq;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.cards.CardTokens;
import dev.larkspur.message.internal.CardRepository;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Responses;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The delayed card update {@code POST /open-apis/interactive/v1/card/update} (spec/message.md §3.18)
 * through the SDK's raw post. Card callbacks do not exist yet, so tokens are issued through the
 * {@link CardTokens} bean that the callback code will call.
 */
class CardUpdateIT {
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

    /** A schema 1.0 card with a title and one divider; {@code shared} sets {@code update_multi}. */
    private static Map<String, Object> card(String title, boolean shared) {
        var card = new HashMap<String, Object>();
        card.put("config", Map.of("update_multi", shared));
        card.put("header", Map.of("title", Map.of("tag", "plain_text", "content", title)));
        card.put("elements", List.of(Map.of("tag", "hr")));
        return card;
    }

    /** A card the org's bot posts into a new group. */
    private static String cardMessage(MessageFixtures.Org org, boolean shared) throws Exception {
        return org.sendToChat(org.group(), "interactive", json(card("Before", shared)))
                .getData()
                .getMessageId();
    }

    /** The token a card interaction with the message would carry, for the given bot. */
    private static String token(String messageId, Admin.AppCreds app) {
        long messagePk = server.bean(MessageRepository.class).pkOf(messageId).orElseThrow();
        long appPk = server.bean(AppService.class).get(app.appId()).pk();
        return server.bean(CardTokens.class).issue(messagePk, appPk);
    }

    private static LegacyCalls.Reply update(MessageFixtures.Org org, String token, Object card) throws Exception {
        return LegacyCalls.post(org.client, LegacyCalls.CARD_UPDATE, Map.of("token", token, "card", card));
    }

    private static String title(MessageFixtures.Org org, String messageId) throws Exception {
        return parse(org.get(messageId).getBody().getContent()).path("title").asText();
    }

    @Test
    void aSharedCardIsUpdatedForEveryoneAndTheAnswerHasNoData() throws Exception {
        var org = fixtures.org();
        String messageId = cardMessage(org, true);

        var reply = LegacyCalls.ok(update(org, token(messageId, org.bot), card("After", true)));

        assertThat(reply.body().propertyNames()).containsExactlyInAnyOrder("code", "msg");
        assertThat(title(org, messageId)).isEqualTo("After");
    }

    @Test
    void aTokenUpdatesItsCardTwiceAtMost() throws Exception {
        var org = fixtures.org();
        String messageId = cardMessage(org, true);
        String token = token(messageId, org.bot);
        LegacyCalls.ok(update(org, token, card("One", true)));
        LegacyCalls.ok(update(org, token, card("Two", true)));

        assertFails(update(org, token, card("Three", true)), 300040);
        assertThat(title(org, messageId)).isEqualTo("Two");
    }

    @Test
    void aFailedUpdateLeavesTheTokenItsUses() throws Exception {
        var org = fixtures.org();
        String token = token(cardMessage(org, true), org.bot);
        assertFails(update(org, token, Map.of("elements", "not a list")), 11311);

        LegacyCalls.ok(update(org, token, card("One", true)));
        LegacyCalls.ok(update(org, token, card("Two", true)));
    }

    @Test
    void aTokenLivesThirtyMinutes() throws Exception {
        var org = fixtures.org();
        String token = token(cardMessage(org, true), org.bot);
        server.clock().advance(Duration.ofMinutes(31));

        assertFails(update(org, token, card("Late", true)), 300030);
    }

    @Test
    void anUnknownTokenIsInvalid() throws Exception {
        assertFails(update(fixtures.org(), "c-0123456789abcdef", card("x", true)), 300030);
    }

    @Test
    void aTokenNotFromACardCallbackIsAFormatError() throws Exception {
        assertFails(update(fixtures.org(), "t-0123456789abcdef", card("x", true)), 300020);
    }

    @Test
    void onlyTheAppThatSentTheCardUpdatesIt() throws Exception {
        var org = fixtures.org();
        var other = org.bot("Other Bot");
        String token = token(cardMessage(org, true), org.bot);

        var reply = LegacyCalls.post(
                org.client(other), LegacyCalls.CARD_UPDATE, Map.of("token", token, "card", card("Mine", true)));

        assertFails(reply, 200310);
    }

    @Test
    void aRecalledCardIsNotUpdated() throws Exception {
        var org = fixtures.org();
        String messageId = cardMessage(org, true);
        String token = token(messageId, org.bot);
        Responses.ok(org.client
                .im()
                .message()
                .delete(DeleteMessageReq.newBuilder().messageId(messageId).build()));

        assertFails(update(org, token, card("Ghost", true)), 200000);
    }

    @Test
    void aNonSharedCardNeedsOpenIds() throws Exception {
        var org = fixtures.org();
        String token = token(cardMessage(org, false), org.bot);

        assertFails(update(org, token, card("Yours", false)), 300090);
    }

    @Test
    void aNonSharedCardChangesOnlyForThePeopleNamed() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String messageId = cardMessage(org, false);
        var yours = card("Yours", false);
        yours.put("open_ids", List.of(ann.openId()));

        LegacyCalls.ok(update(org, token(messageId, org.bot), yours));

        assertThat(title(org, messageId)).isEqualTo("Before");
        long messagePk = server.bean(MessageRepository.class).pkOf(messageId).orElseThrow();
        long annPk = server.bean(UserService.class)
                .findByUserId(org.tenantKey, ann.userId())
                .orElseThrow()
                .pk();
        String seen = server.bean(CardRepository.class).viewOf(messagePk, annPk).orElseThrow();
        assertThat(parse(seen).path("header").path("title").path("content").asText())
                .isEqualTo("Yours");
        assertThat(parse(seen).has("open_ids")).isFalse();
    }

    @Test
    void openIdsMustNamePeopleTheAppKnows() throws Exception {
        var org = fixtures.org();
        String token = token(cardMessage(org, false), org.bot);
        var yours = card("Yours", false);
        yours.put("open_ids", List.of("ou_nobody"));

        assertFails(update(org, token, yours), 200320);
    }

    @Test
    void aCardThatIsNotAnObjectIsACardParamError() throws Exception {
        var org = fixtures.org();

        assertFails(update(org, token(cardMessage(org, true), org.bot), "a card"), 10002);
    }

    @Test
    void aBodyThatIsNotJsonHasItsOwnCode() throws Exception {
        var org = fixtures.org();
        String token = server.http().tenantToken(org.bot.appId(), org.bot.appSecret());

        var reply = server.http().post(LegacyCalls.CARD_UPDATE, token, "{\"token\":");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(100030);
    }
}
