package dev.larkspur.message;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.internal.DetailRepository;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client shows around the messages of a page, for the whole page at once: the messages
 * replied to, how many replies each thread has, reactions by emoji (with the caller's own), pins,
 * and how many have read the caller's own messages (as read_users tells a sender, and only a sender).
 */
@Service
public class MessageDetails {
    private final DetailRepository details;
    private final MessageRepository messages;
    private final ChatQueries chats;
    private final ChatAccess access;

    MessageDetails(DetailRepository details, MessageRepository messages, ChatQueries chats, ChatAccess access) {
        this.details = details;
        this.messages = messages;
        this.chats = chats;
        this.access = access;
    }

    /** One emoji on a message: how many reacted with it and the caller's reaction id, if the caller did. */
    public record ReactionCount(String emojiType, int count, String myReactionId) {
        public boolean mine() {
            return myReactionId != null;
        }
    }

    /**
     * The page's details. Maps are keyed by message id ({@code om_}), thread replies by thread id;
     * {@code readBy} holds the caller's own messages only, with 0 when nobody has read one.
     */
    public record Details(
            Map<String, Message> parents,
            Map<String, Integer> threadReplies,
            Map<String, List<ReactionCount>> reactions,
            Set<String> pinned,
            Map<String, Integer> readBy) {}

    /** For messages of chats the caller is in; any other is refused as reading it would be. */
    @Transactional(readOnly = true)
    public Details of(Caller caller, List<Message> page) {
        var actor = new Actor(caller);
        for (String chatId : page.stream().map(Message::chatId).distinct().toList()) {
            var chat = chats.find(chatId).orElseThrow(MessageErrors::invisible);
            if (chat.tenantPk() != caller.tenantPk()) {
                throw MessageErrors.invisible();
            }
            if (!access.isMember(chat, actor)) {
                throw MessageErrors.botNotInChat();
            }
        }
        var ids = page.stream().collect(Collectors.toMap(Message::pk, Message::messageId, (a, b) -> a));
        var pks = ids.keySet();

        var parentIds = page.stream()
                .map(Message::parentId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, Message> parents = messages.findByMessageIds(parentIds).stream()
                .filter(p -> p.tenantPk() == caller.tenantPk())
                .collect(Collectors.toMap(Message::messageId, Function.identity()));

        var threads = page.stream()
                .map(Message::threadId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();

        var operator = Operator.of(caller);
        var reactions = new LinkedHashMap<String, List<ReactionCount>>();
        for (var r : details.reactionCounts(pks, operator.kind(), operator.pk())) {
            reactions
                    .computeIfAbsent(ids.get(r.messagePk()), k -> new ArrayList<>())
                    .add(new ReactionCount(r.emojiType(), r.count(), r.operatorsReactionId()));
        }

        var pinned = details.pinned(pks).stream().map(ids::get).collect(Collectors.toSet());

        var own = page.stream()
                .filter(m -> caller.userPk() != null ? m.sentByUser(caller.userPk()) : m.sentByApp(caller.appPk()))
                .map(Message::pk)
                .toList();
        var counts = details.readCounts(own);
        var readBy = new HashMap<String, Integer>();
        for (long pk : own) {
            readBy.put(ids.get(pk), counts.getOrDefault(pk, 0));
        }
        return new Details(parents, details.threadReplies(threads), reactions, pinned, readBy);
    }
}
