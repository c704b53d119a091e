package dev.larkspur.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Acting as a person, as their Feishu client would: writing, clicking cards, reacting, joining
 * groups. Through the admin API's "act as a person" calls, so the same rules and events apply as
 * for any sender; group set-up goes through the seed's first app, as a bot that pulls people in.
 */
public final class Person {
    private final Larkspur larkspur;
    private final String tenantKey;
    private final String userId;

    Person(Larkspur larkspur, String tenantKey, String userId) {
        this.larkspur = larkspur;
        this.tenantKey = tenantKey;
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }

    public String tenantKey() {
        return tenantKey;
    }

    /** Writes a text message into a chat (a group the person is in); answers the message_id. */
    public String send(String chatId, String text) {
        return send(chatId, "text", textContent(text));
    }

    /** Writes a message of any type into a chat; {@code content} is the Open API's JSON string. */
    public String send(String chatId, String msgType, String content) {
        return write(Map.of(
                        "receive_id_type", "chat_id", "receive_id", chatId, "msg_type", msgType, "content", content))
                .path("message_id")
                .asString();
    }

    /** Writes to the seed's first bot in their p2p chat; answers the message_id. */
    public String sendToBot(String text) {
        return sendToBot(larkspur.app().appId(), text);
    }

    /**
     * Writes to a bot in their p2p chat (the first message opens it and raises {@code
     * p2p_chat_create}); answers the message_id. {@link #botChat(String)} is the chat.
     */
    public String sendToBot(String appId, String text) {
        var sent = write(Map.of(
                "receive_id_type", "app_id", "receive_id", appId, "msg_type", "text", "content", textContent(text)));
        larkspur.botChats.put(userId + " " + appId, sent.path("chat_id").asString());
        return sent.path("message_id").asString();
    }

    /** The person's p2p chat with the seed's first bot. */
    public String botChat() {
        return botChat(larkspur.app().appId());
    }

    /**
     * The person's p2p chat with a bot: the one their messages went to, or else opened now as a
     * person opening the bot's chat does (raising {@code bot_p2p_chat_entered_v1}).
     */
    public String botChat(String appId) {
        return larkspur.botChats.computeIfAbsent(
                userId + " " + appId, k -> larkspur.admin("POST", base() + "/bot_chats/enter", Map.of("app_id", appId))
                        .path("chat_id")
                        .asString());
    }

    /**
     * A new group owned by this person with the others in it and the seed's first bot, which creates
     * it (the bot sees {@code im.chat.member.bot.added_v1}); answers the chat_id.
     */
    public String createGroup(String name, String... otherUserIds) {
        var members = new ArrayList<String>(List.of(userId));
        members.addAll(List.of(otherUserIds));
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("owner_id", userId);
        body.put("user_id_list", members);
        var reply = larkspur.openApi()
                .call(larkspur.app().appId(), "POST", "/open-apis/im/v1/chats?user_id_type=user_id", body);
        return OpenApi.data(reply, "create group " + name).path("chat_id").asString();
    }

    /**
     * Joins a group: the group's bot adds the person, as when a bot pulls someone in (the bots in it
     * see {@code im.chat.member.user.added_v1}).
     */
    public void join(String chatId) {
        var reply = larkspur.openApi()
                .call(
                        larkspur.app().appId(),
                        "POST",
                        "/open-apis/im/v1/chats/" + OpenApi.enc(chatId) + "/members?member_id_type=user_id",
                        Map.of("id_list", List.of(userId)));
        var invalid = OpenApi.data(reply, userId + " join " + chatId).path("invalid_id_list");
        if (!invalid.isEmpty()) {
            throw new AssertionError(userId + " could not join " + chatId + ": " + reply);
        }
    }

    /** Reacts to a message (e.g. {@code THUMBSUP}); answers the reaction_id. */
    public String react(String messageId, String emojiType) {
        return larkspur.admin("POST", base() + "/reactions", Map.of("message_id", messageId, "emoji_type", emojiType))
                .path("reaction_id")
                .asString();
    }

    /**
     * Clicks a button of a card message whose {@code value} is this map: the bot answers over its
     * callback or long connection ({@code card.action.trigger}), and the person sees its toast and
     * its new card.
     */
    public CardAnswer clickCard(String messageId, Map<String, Object> value) {
        return act(messageId, Map.of("tag", "button", "value", value));
    }

    /**
     * Acts on any card element: {@code action} is what the element sends ({@code tag}, {@code
     * value}, {@code option}, {@code form_value}, {@code input_value}…).
     */
    public CardAnswer act(String messageId, Map<String, Object> action) {
        var answer =
                larkspur.admin("POST", base() + "/card_actions", Map.of("message_id", messageId, "action", action));
        String card = larkspur.openApi().message(messageId).content();
        JsonNode toast = answer.path("toast");
        return new CardAnswer(
                toast.isMissingNode() || toast.isNull() ? null : toast,
                answer.path("card_updated").asBoolean(),
                card);
    }

    /** The person's open_id as the app sees it. */
    public String openId(String appId) {
        return larkspur.admin("GET", base(), null).path("open_ids").path(appId).asString();
    }

    /** The person's open_id as the seed's first app sees it. */
    public String openId() {
        return openId(larkspur.app().appId());
    }

    private JsonNode write(Map<String, Object> body) {
        return larkspur.admin("POST", base() + "/messages", body);
    }

    private String base() {
        return "/admin/v1/tenants/" + tenantKey + "/users/" + userId;
    }

    static String textContent(String text) {
        return Json.MAPPER.writeValueAsString(Map.of("text", text));
    }
}
