package dev.larkspur.message;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.PageTokens;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading messages: one by id and chat or thread history by key (spec/message.md §3.10, §3.11). */
@Service
public class MessageQueries {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 50;
    private final MessageRepository messages;
    private final ChatQueries chats;
    private final ChatAccess access;

    MessageQueries(MessageRepository messages, ChatQueries chats, ChatAccess access) {
        this.messages = messages;
        this.chats = chats;
        this.access = access;
    }

    /** A page of history and the token of the next page (null on the last). */
    public record HistoryPage(List<Message> items, boolean hasMore, String pageToken) {}

    /** A message the caller may read: same tenant, and its bot or user in the chat. */
    @Transactional(readOnly = true)
    public Message get(Caller caller, String messageId) {
        var message =
                messages.findByMessageId(messageId).orElseThrow(() -> MessageErrors.invalid("invalid message_id"));
        if (message.tenantPk() != caller.tenantPk()) {
            throw MessageErrors.invisible();
        }
        var chat = chats.find(message.chatId()).orElseThrow();
        if (!access.isMember(chat, new Actor(caller))) {
            throw MessageErrors.botNotInChat();
        }
        return message;
    }

    /**
     * History of a chat or a thread. The page token carries the keyset position and the query it
     * belongs to, so changing the query between pages is refused as Feishu refuses it.
     */
    @Transactional(readOnly = true)
    public HistoryPage list(
            Caller caller,
            String containerIdType,
            String containerId,
            String startTime,
            String endTime,
            String sortType,
            String pageToken,
            Integer pageSize) {
        int size = pageSize == null || pageSize == 0 ? DEFAULT_PAGE : pageSize;
        if (size < 1 || size > MAX_PAGE) {
            throw MessageErrors.invalid("The page_size exceeds the limit");
        }
        boolean ascending;
        if (sortType == null || sortType.isBlank() || sortType.equals("ByCreateTimeAsc")) {
            ascending = true;
        } else if (sortType.equals("ByCreateTimeDesc")) {
            ascending = false;
        } else {
            throw MessageErrors.invalid("invalid sort_type");
        }
        long from = seconds(startTime, "invalid start_time", 0) * 1000;
        long to = endTime == null || endTime.isBlank()
                ? Long.MAX_VALUE
                : seconds(endTime, "invalid end_time", 0) * 1000 + 999;
        if (to < from) {
            throw MessageErrors.invalid("The end_time is earlier than the start_time");
        }
        String query = String.join(
                "|", containerIdType, containerId, String.valueOf(from), String.valueOf(to), String.valueOf(ascending));
        long[] at = position(pageToken, query, ascending);
        List<Message> rows;
        if ("chat".equals(containerIdType)) {
            var chat = chats.find(containerId == null ? "" : containerId)
                    .filter(c -> c.tenantPk() == caller.tenantPk())
                    .orElseThrow(() -> MessageErrors.invalid("invalid container_id"));
            if (!access.isMember(chat, new Actor(caller))) {
                throw MessageErrors.botNotInChat();
            }
            if (!chat.isP2p() && caller.userPk() == null && !caller.hasAnyScope(GROUP_HISTORY)) {
                throw FeishuErrors.scopeRequired(GROUP_HISTORY);
            }
            rows = messages.pageOfChat(chat.pk(), from, to, ascending, at[0], at[1], size + 1);
        } else if ("thread".equals(containerIdType)) {
            if (containerId == null || !containerId.startsWith("omt_")) {
                throw MessageErrors.invalid("invalid container_id");
            }
            rows = messages.pageOfThread(containerId, ascending, at[0], at[1], size + 1);
            if (!rows.isEmpty() && rows.get(0).tenantPk() != caller.tenantPk()) {
                throw MessageErrors.invalid("invalid container_id");
            }
            // A thread of a chat between two people reads only for them: no bot is in such a chat.
            if (!rows.isEmpty()) {
                var chat = chats.find(rows.get(0).chatId()).orElseThrow();
                if (chat.isPeopleChat() && !access.isMember(chat, new Actor(caller))) {
                    throw MessageErrors.botNotInChat();
                }
            }
        } else {
            throw MessageErrors.invalid("invalid container_id_type");
        }
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            var last = shown.get(size - 1);
            next = PageTokens.encode("h", query, last.createdAt(), last.pk());
        }
        return new HistoryPage(shown, more, next);
    }

    /** The scope an app needs, besides a message scope, to read group history. */
    static final List<String> GROUP_HISTORY = List.of("im:message.group_msg");

    private static long[] position(String pageToken, String query, boolean ascending) {
        long[] start =
                ascending ? new long[] {Long.MIN_VALUE, Long.MIN_VALUE} : new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
        return PageTokens.decode(pageToken, "h", query, start, MessageErrors.PAGE_TOKEN);
    }

    private static long seconds(String value, String error, long whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw MessageErrors.invalid(error);
        }
    }
}
