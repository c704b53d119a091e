package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.GetMessageReq;
import dev.larkspur.support.Sdk;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A bot's card with a Save button in its chat with Ann, Ann's click, and the card's title. */
final class CardFixtures {
    private CardFixtures() {}

    static String card(String title) {
        return LongConnectionBot.JSON.writeValueAsString(Map.of(
                "config",
                Map.of("update_multi", false),
                "header",
                Map.of("title", Map.of("tag", "plain_text", "content", title)),
                "elements",
                List.of(Map.of(
                        "tag",
                        "action",
                        "actions",
                        List.of(Map.of(
                                "tag",
                                "button",
                                "text",
                                Map.of("tag", "plain_text", "content", "Save"),
                                "value",
                                Map.of("item", "42")))))));
    }

    /** The bot posts a card to its chat with Ann (opened by Ann writing first); returns its id. */
    static String botPostsCard(LongConnectionBot bot) throws Exception {
        String chatId = bot.annWrites("hi").path("chat_id").asString();
        var resp = Sdk.client(bot.server, bot.app)
                .im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("chat_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(chatId)
                                .msgType("interactive")
                                .content(card("Pending"))
                                .build())
                        .build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return resp.getData().getMessageId();
    }

    static JsonNode annClicks(LongConnectionBot bot, String messageId) {
        return bot.server
                .admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + bot.tenant + "/users/ann/card_actions",
                        Map.of(
                                "message_id",
                                messageId,
                                "action",
                                Map.of("value", Map.of("item", "42"), "tag", "button", "name", "save")))
                .body();
    }

    static String cardTitle(LongConnectionBot bot, String messageId) throws Exception {
        var resp = Sdk.client(bot.server, bot.app)
                .im()
                .message()
                .get(GetMessageReq.newBuilder().messageId(messageId).build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return LongConnectionBot.JSON
                .readTree(resp.getData().getItems()[0].getBody().getContent())
                .path("title")
                .asString();
    }
}
