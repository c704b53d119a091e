package dev.larkspur.examples.card;

import com.lark.oapi.Client;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackCard;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import java.util.Map;

/**
 * 卡片交互机器人: answers a person's message with a card, and each click on it ({@code
 * card.action.trigger}, over the long connection like any event) with the flow's next card, which
 * replaces the clicked one.
 */
public final class CardBot {
    private final Client client;

    public CardBot(Client client) {
        this.client = client;
    }

    public EventDispatcher events() {
        return EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) throws Exception {
                        answer(event.getEvent().getMessage().getMessageId());
                    }
                })
                .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                    @Override
                    public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                        return next(event);
                    }
                })
                .build();
    }

    private void answer(String messageId) throws Exception {
        var response = client.im()
                .message()
                .reply(ReplyMessageReq.newBuilder()
                        .messageId(messageId)
                        .replyMessageReqBody(ReplyMessageReqBody.newBuilder()
                                .msgType("interactive")
                                .content(OrderCards.menu())
                                .build())
                        .build());
        if (!response.success()) {
            throw new IllegalStateException("answering " + messageId + " failed: " + response.getCode() + " "
                    + response.getMsg() + " (log id " + response.getRequestId() + ")");
        }
    }

    /** The card that follows a click; the click's value says which step it came from. */
    private static P2CardActionTriggerResponse next(P2CardActionTrigger event) {
        var action = event.getEvent().getAction();
        Map<String, Object> value = action.getValue();
        String drink = String.valueOf(value.get("drink"));
        var response = new P2CardActionTriggerResponse();
        switch (String.valueOf(value.get("step"))) {
            case "size" -> response.setCard(card(OrderCards.sizes(drink)));
            case "confirm" -> response.setCard(card(OrderCards.confirm(drink, action.getOption())));
            case "order" -> {
                response.setCard(card(OrderCards.ordered(drink, String.valueOf(value.get("size")))));
                response.setToast(toast("Order placed"));
            }
            default -> response.setCard(card(OrderCards.menu()));
        }
        return response;
    }

    private static CallBackCard card(String json) {
        var card = new CallBackCard();
        card.setType("raw");
        card.setData(Jsons.DEFAULT.fromJson(json, Map.class));
        return card;
    }

    private static CallBackToast toast(String text) {
        var toast = new CallBackToast();
        toast.setType("success");
        toast.setContent(text);
        return toast;
    }

    public static void main(String[] args) {
        String baseUrl = System.getenv().getOrDefault("LARKSPUR_BASE_URL", "http://localhost:8080");
        String appId = requiredEnv("APP_ID");
        String appSecret = requiredEnv("APP_SECRET");
        var bot = new CardBot(
                Client.newBuilder(appId, appSecret).openBaseUrl(baseUrl).build());
        new com.lark.oapi.ws.Client.Builder(appId, appSecret)
                .domain(baseUrl)
                .eventHandler(bot.events())
                .build()
                .start();
        System.out.println("Card bot connected to " + baseUrl + "; write to it.");
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (examples/run sets it to the demo bot's)");
        }
        return value;
    }
}
