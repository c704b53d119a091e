package dev.larkspur.message;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.message.internal.PinRepository;
import dev.larkspur.message.pins.MessagePin;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.PageTokens;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pins (spec/message.md §3.21), for the bots and people in the message's chat. Pin and unpin are
 * idempotent as Feishu documents them: pinning a pinned message answers with the existing pin;
 * unpinning a message that is not pinned, or was recalled, succeeds.
 */
@Service
public class MessagePins {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 50;
    private final PinRepository pins;
    private final MessageRepository messages;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final MessageEvents events;
    private final Clock clock;

    MessagePins(
            PinRepository pins,
            MessageRepository messages,
            ChatQueries chats,
            ChatAccess access,
            MessageEvents events,
            Clock clock) {
        this.pins = pins;
        this.messages = messages;
        this.chats = chats;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** A page of a chat's pins, newest first, and the token of the next page (null on the last). */
    public record PinPage(List<MessagePin> items, boolean hasMore, String pageToken) {}

    @Transactional
    public MessagePin pin(Caller caller, String messageId) {
        var message = target(caller, messageId);
        if (message.deleted()) {
            throw MessageErrors.recalled();
        }
        pins.insert(message.pk(), message.chatPk(), Operator.of(caller), clock.millis());
        events.changed(message);
        // The pin just made or the one already there; an unpin racing in between leaves none.
        return pins.find(message.pk()).orElseThrow(() -> MessageErrors.pinLimit());
    }

    @Transactional
    public void unpin(Caller caller, String messageId) {
        var message = target(caller, messageId);
        pins.delete(message.pk());
        events.changed(message);
    }

    /**
     * Pins created between {@code start_time} and {@code end_time} (milliseconds, inclusive). The
     * page token is bound to the chat and the time range, which must stay the same across pages.
     */
    @Transactional(readOnly = true)
    public PinPage list(
            Caller caller, String chatId, String startTime, String endTime, String pageToken, Integer pageSize) {
        requireBot(caller);
        int size = pageSize == null || pageSize == 0 ? DEFAULT_PAGE : pageSize;
        if (size < 1 || size > MAX_PAGE) {
            throw MessageErrors.invalid("The page_size exceeds the limit");
        }
        long from = millis(startTime, "invalid start_time", 0);
        long to = millis(endTime, "invalid end_time", Long.MAX_VALUE);
        // Feishu wants start_time below end_time when both are given.
        if (to < from || (to == from && startTime != null && !startTime.isBlank())) {
            throw MessageErrors.invalid("The end_time is earlier than the start_time");
        }
        var chat = chats.find(chatId == null ? "" : chatId)
                .filter(c -> c.tenantPk() == caller.tenantPk())
                .orElseThrow(() -> MessageErrors.invalid("invalid chat_id"));
        requireInChat(chat, caller);
        String query = chat.chatId() + "|" + from + "|" + to;
        long[] at = position(pageToken, query);
        var rows = pins.pageOfChat(chat.pk(), from, to, at[0], at[1], size + 1);
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            var last = shown.get(size - 1);
            next = PageTokens.encode("pin", query, last.createdAt(), last.messagePk());
        }
        return new PinPage(shown, more, next);
    }

    /** The message, for a caller in its chat; whether it may be recalled is the operation's call. */
    private Message target(Caller caller, String messageId) {
        requireBot(caller);
        var message = messages.findByMessageId(messageId == null ? "" : messageId)
                .orElseThrow(() -> MessageErrors.invalid("invalid message_id"));
        if (message.tenantPk() != caller.tenantPk()) {
            throw MessageErrors.invisible();
        }
        var chat = chats.find(message.chatId()).orElseThrow(() -> MessageErrors.pinChatNotFound());
        requireInChat(chat, caller);
        return message;
    }

    private void requireInChat(Chat chat, Caller caller) {
        if (chat.isDissolved()) {
            throw MessageErrors.chatDissolved();
        }
        if (!access.isMember(chat, new Actor(caller))) {
            throw MessageErrors.botNotInChat();
        }
    }

    private static void requireBot(Caller caller) {
        if (!caller.botEnabled()) {
            throw MessageErrors.botAbilityOff();
        }
    }

    private static long[] position(String pageToken, String query) {
        return PageTokens.decode(
                pageToken, "pin", query, new long[] {Long.MAX_VALUE, Long.MAX_VALUE}, MessageErrors.PAGE_TOKEN);
    }

    private static long millis(String value, String error, long whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms < 0) {
                throw MessageErrors.invalid(error);
            }
            return ms;
        } catch (NumberFormatException e) {
            throw MessageErrors.invalid(error);
        }
    }
}
