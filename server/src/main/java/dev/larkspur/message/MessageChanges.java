package dev.larkspur.message;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.content.ContentCodec;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Editing, recalling and updating cards (spec/message.md §3.3–3.5). */
@Service
public class MessageChanges {
    static final int MAX_EDITS = 20;
    static final Duration CARD_UPDATE_WINDOW = Duration.ofDays(14);
    static final Duration RECALL_OTHERS_WINDOW = Duration.ofDays(365);
    private static final Set<String> EDITABLE = Set.of("text", "post");

    private final MessageRepository messages;
    private final MessageQueries queries;
    private final ContentCodec codec;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final MessageEvents events;
    private final JsonMapper json;
    private final Clock clock;

    MessageChanges(
            MessageRepository messages,
            MessageQueries queries,
            ContentCodec codec,
            ChatQueries chats,
            ChatAccess access,
            MessageEvents events,
            JsonMapper json,
            Clock clock) {
        this.messages = messages;
        this.queries = queries;
        this.codec = codec;
        this.chats = chats;
        this.access = access;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Text and post messages, by their sender, at most 20 times. The Open API edits with a tenant
     * token only (its bot's messages); a person edits their own through a client (the web pages).
     */
    @Transactional
    public Message edit(Caller caller, String messageId, String msgType, String content) {
        var message = queries.get(caller, messageId);
        if (message.deleted()) {
            throw MessageErrors.recalled();
        }
        if (msgType == null || !EDITABLE.contains(msgType)) {
            throw MessageErrors.invalid("invalid msg_type");
        }
        boolean own = caller.userPk() != null ? message.sentByUser(caller.userPk()) : message.sentByApp(caller.appPk());
        if (!own) {
            throw MessageErrors.notSender();
        }
        if (!EDITABLE.contains(message.msgType())) {
            throw MessageErrors.typeNotSupported();
        }
        if (message.editCount() >= MAX_EDITS) {
            throw MessageErrors.editLimit();
        }
        var encoded = codec.encode(caller, msgType, content, "p2p".equals(message.chatMode()));
        messages.updateContent(message.pk(), encoded.content(), null, encoded.mentions(), clock.millis());
        events.changed(message);
        return messages.findByPk(message.pk()).orElseThrow();
    }

    /**
     * Own messages; in groups also others' messages when the bot owns, manages or created the chat
     * (within a year), or the user owns it. Recalling twice is 230011.
     */
    @Transactional
    public void recall(Caller caller, String messageId) {
        var message = queries.get(caller, messageId);
        if (message.deleted()) {
            throw MessageErrors.recalled();
        }
        var actor = new Actor(caller);
        boolean own = caller.userPk() != null ? message.sentByUser(caller.userPk()) : message.sentByApp(caller.appPk());
        String recallType = "message_owner";
        long now = clock.millis();
        if (!own) {
            var chat = chats.find(message.chatId()).orElseThrow();
            boolean owner = actor.owns(chat) || actor.isCreatorWithOwnerScope(chat);
            boolean manager = !owner && access.isManager(chat, actor);
            if (chat.isP2p() || !(owner || manager)) {
                throw MessageErrors.cannotRecall();
            }
            if (now - message.createdAt() > RECALL_OTHERS_WINDOW.toMillis()) {
                throw MessageErrors.recallExpired();
            }
            recallType = owner ? "group_owner" : "group_manager";
        }
        messages.markRecalled(message.pk(), now);
        events.recalled(message, recallType, now);
    }

    /** Shared cards ({@code config.update_multi}) by their sender, within 14 days. */
    @Transactional
    public void updateCard(Caller caller, String messageId, String content) {
        var message = queries.get(caller, messageId);
        if (message.deleted()) {
            throw MessageErrors.recalled();
        }
        if (!message.msgType().equals("interactive")) {
            throw MessageErrors.invalid("This message is NOT a card");
        }
        boolean own = caller.userPk() != null ? message.sentByUser(caller.userPk()) : message.sentByApp(caller.appPk());
        if (!own) {
            throw MessageErrors.invalid("bot or user is not the message`s sender");
        }
        long now = clock.millis();
        if (now - message.createdAt() > CARD_UPDATE_WINDOW.toMillis()) {
            throw MessageErrors.editWindowPassed();
        }
        var encoded = codec.encode(caller, "interactive", content, "p2p".equals(message.chatMode()));
        if (!sharedCard(message.rawContent()) || !sharedCard(content)) {
            throw MessageErrors.invalid("the card must set config.update_multi to true");
        }
        messages.updateContent(message.pk(), encoded.content(), encoded.rawContent(), encoded.mentions(), now);
        events.changed(message);
    }

    private boolean sharedCard(String raw) {
        if (raw == null) {
            return false;
        }
        try {
            var card = json.readTree(raw);
            return card.path("type").asString("").equals("template")
                    || card.path("config").path("update_multi").asBoolean(false);
        } catch (JacksonException e) {
            return false;
        }
    }
}
