package dev.larkspur.web.cards;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.CardInteractions;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.chats.PersonCallers;
import dev.larkspur.web.content.ContentContext;
import dev.larkspur.web.content.ContentView;
import dev.larkspur.web.content.ContentViews;
import dev.larkspur.web.session.SignedIn;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The cards a person may click: a bot's card, not recalled, in a chat of their tenant that they are
 * in, found by the chat and message ids of the page's URL. Anything else is as if it did not exist.
 */
@Component
class ClickableCards {
    private final PersonCallers callers;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final MessageQueries messages;
    private final CardInteractions cards;

    ClickableCards(
            PersonCallers callers,
            ChatQueries chats,
            ChatAccess access,
            MessageQueries messages,
            CardInteractions cards) {
        this.callers = callers;
        this.chats = chats;
        this.access = access;
        this.messages = messages;
        this.cards = cards;
    }

    /** A card the person sees, and the person as the chat's services know them. */
    record Clickable(Caller person, Message card) {}

    Optional<Clickable> find(SignedIn me, String chatId, String messageId) {
        var chat = chats.find(chatId).filter(c -> c.tenantPk() == me.tenantPk());
        var person = chat.flatMap(c -> callers.appFor(me, c))
                .map(app -> callers.through(me, app))
                .filter(caller -> access.isMember(chat.get(), new Actor(caller)));
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Message message;
        try {
            message = messages.get(person.get(), messageId);
        } catch (FeishuException e) {
            return Optional.empty();
        }
        boolean card = message.chatId().equals(chatId)
                && !message.deleted()
                && message.msgType().equals("interactive")
                && message.senderAppPk() != null;
        return card ? Optional.of(new Clickable(person.get(), message)) : Optional.empty();
    }

    /** The card as the person sees it now, drawn as the timeline draws it. */
    ContentView view(SignedIn me, Clickable clicked) {
        var now = cards.seenBy(
                me.userPk(), messages.get(clicked.person(), clicked.card().messageId()));
        return ContentViews.of(
                now,
                ContentContext.of(now.chatId(), now.messageId())
                        .viewer(me.userPk())
                        .clickable());
    }
}
