package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageDetails;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The details of a page of messages, asked of the message module as the person, once per chat of
 * the page (a page is one chat; a live update may bring several).
 */
@Component
class PageDetails {
    private final PersonCallers callers;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final MessageDetails details;

    PageDetails(PersonCallers callers, ChatQueries chats, ChatAccess access, MessageDetails details) {
        this.callers = callers;
        this.chats = chats;
        this.access = access;
        this.details = details;
    }

    Timeline.Page of(SignedIn me, List<Message> messages) {
        var parents = new HashMap<String, Message>();
        var threads = new HashMap<String, Integer>();
        var reactions = new HashMap<String, List<MessageDetails.ReactionCount>>();
        var pinned = new HashSet<String>();
        var readBy = new HashMap<String, Integer>();
        var views = new HashMap<String, Timeline.ChatView>();
        var byChat = messages.stream()
                .collect(Collectors.groupingBy(Message::chatId, LinkedHashMap::new, Collectors.toList()));
        byChat.forEach((chatId, ofChat) -> {
            var chat = chats.find(chatId)
                    .filter(c -> c.tenantPk() == me.tenantPk())
                    .orElse(null);
            var app = chat == null ? null : callers.appFor(me, chat).orElse(null);
            if (app == null) {
                return;
            }
            var caller = callers.through(me, app);
            try {
                var d = details.of(caller, ofChat);
                parents.putAll(d.parents());
                threads.putAll(d.threadReplies());
                reactions.putAll(d.reactions());
                pinned.addAll(d.pinned());
                readBy.putAll(d.readBy());
            } catch (FeishuException e) {
                // Not (or no longer) in the chat: the messages show without their details.
                return;
            }
            views.put(
                    chatId,
                    new Timeline.ChatView(
                            chat.isPeopleChat(),
                            chat.isP2p() && !chat.isPeopleChat(),
                            !chat.isP2p() && access.isPrivileged(chat, new Actor(caller))));
        });
        return new Timeline.Page(new MessageDetails.Details(parents, threads, reactions, pinned, readBy), views);
    }
}
