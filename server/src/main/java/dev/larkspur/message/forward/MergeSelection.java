package dev.larkspur.message.forward;

import dev.larkspur.message.Message;
import dev.larkspur.platform.FeishuException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which of the messages asked for can be merged and forwarded (spec/message.md §3.7): those that
 * exist, the bot can read, are not recalled, are not system messages and are not themselves
 * sub-messages of a merge. The others are reported, not refused; the request is refused only when
 * nothing is left, or the rest spans chats (230069) or threads (230067).
 *
 * @param valid the messages to merge, oldest first
 * @param invalid the ids left out, in the order asked, each once
 * @param refusal why the whole request fails, or null when it may go on
 */
record MergeSelection(List<Message> valid, List<String> invalid, FeishuException refusal) {
    private static final Set<String> NOT_MERGEABLE = Set.of("system");
    private static final Comparator<Message> OLDEST_FIRST =
            Comparator.comparingLong(Message::createdAt).thenComparingLong(Message::pk);

    static MergeSelection of(List<String> requested, Map<String, Message> found, Predicate<Message> readable) {
        var valid = new ArrayList<Message>();
        var invalid = new ArrayList<String>();
        boolean allRecalled = true;
        for (String id : new LinkedHashSet<>(requested)) {
            var message = found.get(id);
            boolean seen = message != null && readable.test(message);
            if (seen && !message.deleted() && mergeable(message)) {
                valid.add(message);
            } else {
                invalid.add(id);
                allRecalled &= seen && message.deleted();
            }
        }
        valid.sort(OLDEST_FIRST);
        return new MergeSelection(List.copyOf(valid), List.copyOf(invalid), refusal(valid, allRecalled));
    }

    private static boolean mergeable(Message message) {
        return message.upperMessageId() == null && !NOT_MERGEABLE.contains(message.msgType());
    }

    private static FeishuException refusal(List<Message> valid, boolean allRecalled) {
        if (valid.isEmpty()) {
            return allRecalled ? ForwardErrors.allRecalled() : ForwardErrors.allInvalid();
        }
        if (valid.stream().map(Message::chatPk).distinct().count() > 1) {
            return ForwardErrors.differentChats();
        }
        Set<String> threads = valid.stream()
                .filter(MergeSelection::isThreadReply)
                .map(Message::threadId)
                .collect(Collectors.toSet());
        if (threads.size() > 1) {
            return ForwardErrors.mixedSources();
        }
        // Replies of one thread may come with that thread's root, but not with other chat messages.
        if (threads.size() == 1) {
            String thread = threads.iterator().next();
            if (valid.stream().anyMatch(m -> !thread.equals(m.threadId()))) {
                return ForwardErrors.mixedSources();
            }
        }
        return null;
    }

    private static boolean isThreadReply(Message message) {
        return message.threadId() != null && message.rootId() != null;
    }
}
