package dev.larkspur.examples.welcome;

import com.lark.oapi.Client;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.ChatMemberUser;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P2ChatMemberUserAddedV1;

/**
 * 新人入群欢迎机器人: when people are added to a group the bot is in ({@code
 * im.chat.member.user.added_v1}), it greets each of them in the group, by name, with a card.
 */
public final class WelcomeBot {
    private final Client client;

    public WelcomeBot(Client client) {
        this.client = client;
    }

    /** The bot's event handlers, for the long connection (or an HTTP callback endpoint). */
    public EventDispatcher events() {
        return EventDispatcher.newBuilder("", "")
                .onP2ChatMemberUserAddedV1(new ImService.P2ChatMemberUserAddedV1Handler() {
                    @Override
                    public void handle(P2ChatMemberUserAddedV1 event) throws Exception {
                        for (ChatMemberUser user : event.getEvent().getUsers()) {
                            greet(event.getEvent().getChatId(), user);
                        }
                    }
                })
                .build();
    }

    private void greet(String chatId, ChatMemberUser user) throws Exception {
        var response = client.im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("chat_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(chatId)
                                .msgType("interactive")
                                .content(welcomeCard(user))
                                .build())
                        .build());
        if (!response.success()) {
            throw new IllegalStateException("greeting " + user.getName() + " failed: " + response.getCode() + " "
                    + response.getMsg() + " (log id " + response.getRequestId() + ")");
        }
    }

    /** A card in Feishu's JSON; values are JSON-quoted, since names may hold any character. */
    static String welcomeCard(ChatMemberUser user) {
        return """
                {"header": {"template": "green",
                            "title": {"tag": "plain_text", "content": %s}},
                 "elements": [{"tag": "div",
                               "text": {"tag": "lark_md",
                                        "content": %s}}]}
                """
                .formatted(
                        quote("Welcome, " + user.getName() + "!"),
                        quote("<at id=" + user.getUserId().getOpenId() + "></at> glad to have you here."
                                + " The pinned messages are a good place to start."));
    }

    private static String quote(String text) {
        return Jsons.DEFAULT.toJson(text);
    }

    public static void main(String[] args) {
        String baseUrl = System.getenv().getOrDefault("LARKSPUR_BASE_URL", "http://localhost:8080");
        String appId = requiredEnv("APP_ID");
        String appSecret = requiredEnv("APP_SECRET");
        var bot = new WelcomeBot(
                Client.newBuilder(appId, appSecret).openBaseUrl(baseUrl).build());
        new com.lark.oapi.ws.Client.Builder(appId, appSecret)
                .domain(baseUrl)
                .eventHandler(bot.events())
                .build()
                .start();
        System.out.println("Welcome bot connected to " + baseUrl + "; add someone to one of its groups.");
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (examples/run sets it to the demo bot's)");
        }
        return value;
    }
}
