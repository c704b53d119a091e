package dev.larkspur.message;

import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatActivity;
import dev.larkspur.message.content.ContentCodec;
import dev.larkspur.message.content.CustomBotMentions;
import dev.larkspur.message.content.EncodedContent;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Messages that a group's custom bot posts through its webhook (spec/message.md §3.24). The content
 * is validated and converted as a bot's send would be; the message then names the custom bot as its
 * sender and is recorded for {@code im.message.receive_v1} like any other.
 */
@Service
public class CustomBotPosts {
    /** The message types a custom bot can post. */
    public static final Set<String> TYPES = Set.of("text", "post", "image", "share_chat", "interactive");
    /** Row keys start at 1: a caller with this app pk is no app, so no app's permissions apply. */
    private static final long NO_APP = 0;

    private final MessageRepository messages;
    private final ContentCodec codec;
    private final CustomBotMentions mentions;
    private final ChatActivity activity;
    private final MessageEvents events;
    private final Clock clock;

    CustomBotPosts(
            MessageRepository messages,
            ContentCodec codec,
            CustomBotMentions mentions,
            ChatActivity activity,
            MessageEvents events,
            Clock clock) {
        this.messages = messages;
        this.codec = codec;
        this.mentions = mentions;
        this.activity = activity;
        this.events = events;
        this.clock = clock;
    }

    /** Who posts: the custom bot's public id, the group it belongs to, and that group's tenant key. */
    public record Poster(String botId, Chat chat, String tenantKey) {}

    /**
     * Posts {@code content} (the im/v1 send format of {@code msgType}, spec/message.md §4.1) into
     * the poster's group; content that a send would refuse is refused with the same errors.
     */
    @Transactional
    public Message post(Poster poster, String msgType, JsonNode content) {
        var encoded = encode(poster, msgType, content);
        long now = clock.millis();
        long pk = messages.insert(
                MessageRepository.NewRow.of(
                        poster.chat().pk(), msgType, encoded.content(), encoded.rawContent(), encoded.mentions(), now),
                poster.botId());
        activity.touch(poster.chat(), now);
        var message = messages.findByPk(pk).orElseThrow();
        events.received(message, poster.tenantKey());
        return message;
    }

    private EncodedContent encode(Poster poster, String msgType, JsonNode content) {
        if (!TYPES.contains(msgType)) {
            throw MessageErrors.invalid("invalid msg_type");
        }
        var chat = poster.chat();
        if (msgType.equals("share_chat")) {
            // A custom bot can share only the group it is in; the bot-membership check of a send
            // has no app to look for, so the rule is applied here.
            if (!content.path("chat_id").isString()) {
                throw MessageErrors.invalidContent("content format of the share_chat type is incorrect");
            }
            if (!content.get("chat_id").asString().equals(chat.chatId())) {
                throw MessageErrors.botNotInChat();
            }
            var shared = JsonNodeFactory.instance.objectNode().put("chat_id", chat.chatId());
            return new EncodedContent(shared.toString(), null, List.of(), false);
        }
        long appPk = mentions.namingApp(poster.tenantKey(), chat.tenantPk(), msgType, content, NO_APP);
        var caller =
                new Caller(TokenType.TENANT, appPk, null, chat.tenantPk(), poster.tenantKey(), true, Set.of(), null);
        return codec.encode(caller, msgType, content.toString(), false);
    }
}
