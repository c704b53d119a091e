package dev.larkspur.examples.alert;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreatePinReq;
import com.lark.oapi.service.im.v1.model.CreatePinReqBody;
import com.lark.oapi.service.im.v1.model.PatchMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReqBody;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 机器人自动拉群报警: on an alert, the bot creates a group with the on-call people, posts the alert
 * as a card, pins it and @mentions the alert's owner (the first on-call person). "Mark handled" on
 * the card ({@code card.action.trigger}) turns it into a handled card for everyone in the group.
 */
public final class AlertBot {
    private final Client client;
    private final List<String> onCallUserIds;

    /** {@code onCallUserIds}: the people to pull in, by user_id; the first one owns the alert. */
    public AlertBot(Client client, List<String> onCallUserIds) {
        if (onCallUserIds.isEmpty()) {
            throw new IllegalArgumentException("no one is on call");
        }
        this.client = client;
        this.onCallUserIds = List.copyOf(onCallUserIds);
    }

    /** Where an alert went: its group and its card. */
    public record Raised(String chatId, String messageId) {}

    public Raised raise(Alert alert) throws Exception {
        // 1. A group with the people on call (the bot, which creates it, is its owner).
        var group = client.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Alert: " + alert.title())
                                .userIdList(onCallUserIds.toArray(String[]::new))
                                .build())
                        .build());
        check(group, "creating the group");
        String chatId = group.getData().getChatId();

        // 2. The alert card, pinned so that it stays at hand while people talk.
        String cardId = send(chatId, "interactive", AlertCards.open(alert));
        var pin = client.im()
                .pin()
                .create(CreatePinReq.newBuilder()
                        .createPinReqBody(
                                CreatePinReqBody.newBuilder().messageId(cardId).build())
                        .build());
        check(pin, "pinning the card");

        // 3. The owner, @mentioned: an <at> tag takes an open_id, union_id or user_id.
        String owner = onCallUserIds.get(0);
        send(
                chatId,
                "text",
                Jsons.DEFAULT.toJson(Map.of("text", "<at user_id=\"" + owner + "\"></at> this one is yours.")));
        return new Raised(chatId, cardId);
    }

    /** The bot's event handlers: clicks on its cards arrive over the long connection. */
    public EventDispatcher events() {
        return EventDispatcher.newBuilder("", "")
                .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                    @Override
                    public P2CardActionTriggerResponse handle(P2CardActionTrigger event) throws Exception {
                        return markHandled(event);
                    }
                })
                .build();
    }

    private P2CardActionTriggerResponse markHandled(P2CardActionTrigger event) throws Exception {
        var value = event.getEvent().getAction().getValue();
        var response = new P2CardActionTriggerResponse();
        if (!"handled".equals(value.get("action"))) {
            return response;
        }
        var alert = new Alert((String) value.get("title"), (String) value.get("detail"));
        String handler = event.getEvent().getOperator().getOpenId();
        // A patch rather than a card in the answer: it changes the shared card for everyone.
        var patched = client.im()
                .message()
                .patch(PatchMessageReq.newBuilder()
                        .messageId(event.getEvent().getContext().getOpenMessageId())
                        .patchMessageReqBody(PatchMessageReqBody.newBuilder()
                                .content(AlertCards.handled(alert, handler))
                                .build())
                        .build());
        check(patched, "updating the card");
        var toast = new CallBackToast();
        toast.setType("success");
        toast.setContent("Marked as handled");
        response.setToast(toast);
        return response;
    }

    private String send(String chatId, String msgType, String content) throws Exception {
        var sent = client.im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("chat_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(chatId)
                                .msgType(msgType)
                                .content(content)
                                .build())
                        .build());
        check(sent, "sending a message");
        return sent.getData().getMessageId();
    }

    private static void check(BaseResponse<?> response, String what) {
        if (!response.success()) {
            throw new IllegalStateException(what + " failed: " + response.getCode() + " " + response.getMsg()
                    + " (log id " + response.getRequestId() + ")");
        }
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("LARKSPUR_BASE_URL", "http://localhost:8080");
        String appId = requiredEnv("APP_ID");
        String appSecret = requiredEnv("APP_SECRET");
        var onCall = Arrays.asList(
                System.getenv().getOrDefault("ONCALL", "alice,bob").split(","));
        int port = Integer.parseInt(System.getenv().getOrDefault("ALERT_PORT", "8090"));

        var bot = new AlertBot(
                Client.newBuilder(appId, appSecret).openBaseUrl(baseUrl).build(), onCall);
        new com.lark.oapi.ws.Client.Builder(appId, appSecret)
                .domain(baseUrl)
                .eventHandler(bot.events())
                .build()
                .start();
        var endpoint = AlertEndpoint.start(bot, port);
        System.out.println("Alert bot connected to " + baseUrl + "; raise an alert with:\n  curl -d "
                + "'{\"title\":\"Disk full\",\"detail\":\"db-1 is at 98%\"}' " + endpoint.url());
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (examples/run sets it to the demo bot's)");
        }
        return value;
    }
}
