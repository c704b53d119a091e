package example;

import com.google.gson.JsonParser;
import com.lark.oapi.Client;
import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.event.CustomEventHandler;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackCard;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import java.util.List;
import java.util.Map;

/**
 * The bot under test, written as a bot developer would, on the official SDK: it echoes a person's
 * text, and answers "card" with a card whose button it acknowledges. Its sends are retried when
 * Feishu answers 99991400 (rate limited), as a production bot's should be.
 */
final class EchoBot implements AutoCloseable {
    static final int RATE_LIMITED = 99991400;
    private static final int ATTEMPTS = 3;

    private final Client api;
    private final com.lark.oapi.ws.Client events;

    EchoBot(String appId, String appSecret, String domain, Client api) {
        this.api = api;
        var dispatcher = EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) throws Exception {
                        onMessage(event);
                    }
                })
                // An app with no event subscription list gets every event, this legacy one too.
                .onCustomizedEvent("p2p_chat_create", new CustomEventHandler() {
                    @Override
                    public void handle(EventReq event) {}
                })
                .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                    @Override
                    public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                        return onClick(event);
                    }
                })
                .build();
        this.events = new com.lark.oapi.ws.Client.Builder(appId, appSecret)
                .domain(domain)
                .eventHandler(dispatcher)
                .build();
    }

    void start() {
        events.start();
    }

    private void onMessage(P2MessageReceiveV1 event) throws Exception {
        var message = event.getEvent().getMessage();
        if (!"text".equals(message.getMessageType())) {
            return;
        }
        String text = JsonParser.parseString(message.getContent())
                .getAsJsonObject()
                .get("text")
                .getAsString();
        if (text.equals("card")) {
            send(message.getChatId(), "interactive", card("Echo", true));
        } else {
            send(message.getChatId(), "text", "{\"text\":" + quote("echo: " + text) + "}");
        }
    }

    private P2CardActionTriggerResponse onClick(P2CardActionTrigger event) {
        var toast = new CallBackToast();
        toast.setType("success");
        toast.setContent(
                "acknowledged " + event.getEvent().getAction().getValue().get("action"));
        var card = new CallBackCard();
        card.setType("raw");
        card.setData(cardData("Acknowledged", false));
        var response = new P2CardActionTriggerResponse();
        response.setToast(toast);
        response.setCard(card);
        return response;
    }

    /** Sends, retrying a rate-limited send after a short pause, up to three attempts. */
    private void send(String chatId, String msgType, String content) throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            var response = api.im()
                    .v1()
                    .message()
                    .create(CreateMessageReq.newBuilder()
                            .receiveIdType("chat_id")
                            .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                    .receiveId(chatId)
                                    .msgType(msgType)
                                    .content(content)
                                    .build())
                            .build());
            if (response.success() || response.getCode() != RATE_LIMITED) {
                return;
            }
            Thread.sleep(100L * attempt);
        }
    }

    private static String card(String title, boolean withButton) {
        return new com.google.gson.Gson().toJson(cardData(title, withButton));
    }

    private static Map<String, Object> cardData(String title, boolean withButton) {
        var text = Map.of("tag", "div", "text", Map.of("tag", "plain_text", "content", title));
        var button = Map.of(
                "tag",
                "action",
                "actions",
                List.of(Map.of(
                        "tag",
                        "button",
                        "text",
                        Map.of("tag", "plain_text", "content", "Ack"),
                        "type",
                        "primary",
                        "value",
                        Map.of("action", "ack"))));
        return Map.of(
                "config",
                Map.of("update_multi", true),
                "header",
                Map.of("title", Map.of("tag", "plain_text", "content", title)),
                "elements",
                withButton ? List.of(text, button) : List.of(text));
    }

    private static String quote(String s) {
        return new com.google.gson.Gson().toJson(s);
    }

    @Override
    public void close() {
        dev.larkspur.junit.Larkspur.disconnect(events);
    }
}
