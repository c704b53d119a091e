package dev.larkspur.message;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.event.Outbox;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.message.internal.ReadRepository;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.PageTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read receipts: people reading messages (through the admin API, as a client would), the
 * {@code im.message.message_read_v1} event for bot messages read in p2p chats, and the bot's
 * {@code read_users} query (spec/message.md §3.9, §5.3).
 */
@Service
public class MessageReads {
    static final Duration READ_USERS_WINDOW = Duration.ofDays(7);

    private final MessageRepository messages;
    private final ReadRepository reads;
    private final MessageQueries queries;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final UserService users;
    private final Outbox outbox;
    private final Clock clock;

    MessageReads(
            MessageRepository messages,
            ReadRepository reads,
            MessageQueries queries,
            ChatQueries chats,
            ChatAccess access,
            UserService users,
            Outbox outbox,
            Clock clock) {
        this.messages = messages;
        this.reads = reads;
        this.queries = queries;
        this.chats = chats;
        this.access = access;
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One reader of a message, in the caller's id type. */
    public record Reader(String userId, String timestamp) {}

    private record SenderInChat(long chatPk, long userPk) {}

    public record ReaderPage(List<Reader> items, boolean hasMore, String pageToken) {}

    /**
     * The user (acting through {@code reader}, a user-token caller) reads these messages. Unknown
     * ids and messages of chats the user is not in are skipped; reading twice changes nothing.
     */
    @Transactional
    public int markRead(Caller reader, List<String> messageIds) {
        long now = clock.millis();
        var readInP2p = new LinkedHashMap<Long, List<Message>>();
        var readOfPeople = new LinkedHashMap<SenderInChat, List<String>>();
        var newestRead = new LinkedHashMap<Long, Message>();
        int count = 0;
        // A page of messages is mostly of one chat: the messages in one query, each chat's
        // membership checked once, rather than three lookups per message.
        var found = new LinkedHashMap<String, Message>();
        messages.findByMessageIds(messageIds).forEach(m -> found.put(m.messageId(), m));
        // Reopening a chat reads the same page again: only what is new is written.
        var alreadyRead = reads.readAmong(
                reader.userPk(), found.values().stream().map(Message::pk).toList());
        var memberOf = new HashMap<String, Chat>();
        var notMemberOf = new HashSet<String>();
        for (String id : messageIds) {
            var message = found.get(id);
            if (message == null || message.tenantPk() != reader.tenantPk() || message.deleted()) {
                continue;
            }
            if (notMemberOf.contains(message.chatId())) {
                continue;
            }
            var chat = memberOf.get(message.chatId());
            if (chat == null) {
                chat = chats.find(message.chatId()).orElseThrow();
                if (!access.isMember(chat, new Actor(reader))) {
                    notMemberOf.add(message.chatId());
                    continue;
                }
                memberOf.put(message.chatId(), chat);
            }
            if (message.sentByUser(reader.userPk())) {
                continue;
            }
            newestRead.merge(chat.pk(), message, MessageReads::newer);
            if (!alreadyRead.contains(message.pk()) && reads.insert(message.pk(), reader.userPk(), now)) {
                count++;
                if (message.senderUserPk() != null) {
                    readOfPeople
                            .computeIfAbsent(
                                    new SenderInChat(chat.pk(), message.senderUserPk()), k -> new ArrayList<>())
                            .add(message.messageId());
                }
                if (chat.isP2p() && message.senderAppPk() != null) {
                    readInP2p.computeIfAbsent(chat.pk(), k -> new ArrayList<>()).add(message);
                }
            }
        }
        // The senders' browsers show who read: they follow the server's own change signal.
        readOfPeople.forEach((sender, ids) ->
                outbox.append(MessageEvents.readEvent(reader.tenantPk(), sender.chatPk(), sender.userPk(), ids)));
        newestRead.forEach((chatPk, m) -> reads.advance(chatPk, reader.userPk(), m.createdAt(), m.pk()));
        readInP2p.forEach((chatPk, read) -> outbox.append(MessageEvents.messageRead(
                reader,
                chatPk,
                read.get(0).senderAppPk(),
                read.stream().map(Message::messageId).toList(),
                now)));
        return count;
    }

    /**
     * For the person's chat list: per chat (by pk), how many messages others wrote after the
     * newest one the person has read, counted up to {@code cap} (a list shows "99+", not the
     * exact size of a long backlog). Chats with nothing unread are left out of the map. The
     * chats are ones listed for this person; no membership is checked again here.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> unreadCounts(Caller person, List<Long> chatPks, int cap) {
        return reads.unreadCounts(person.userPk(), chatPks, cap);
    }

    private static Message newer(Message a, Message b) {
        boolean bNewer = b.createdAt() > a.createdAt() || (b.createdAt() == a.createdAt() && b.pk() > a.pk());
        return bNewer ? b : a;
    }

    /** Who has read a message the caller's bot sent in the last seven days. */
    @Transactional(readOnly = true)
    public ReaderPage readUsers(
            Caller caller, String messageId, UserIdType idType, String pageToken, Integer pageSize) {
        int size = pageSize == null || pageSize == 0 ? 20 : pageSize;
        if (size < 1 || size > 100) {
            throw MessageErrors.invalid("The page_size exceeds the limit");
        }
        var message = queries.get(caller, messageId);
        if (!message.sentByApp(caller.appPk())) {
            throw MessageErrors.botNotSender();
        }
        if (clock.millis() - message.createdAt() > READ_USERS_WINDOW.toMillis()) {
            throw MessageErrors.readStatusExpired();
        }
        long[] after = PageTokens.decode(
                pageToken,
                "read",
                message.messageId(),
                new long[] {Long.MIN_VALUE, Long.MIN_VALUE},
                MessageErrors.PAGE_TOKEN);
        var rows = reads.page(message.pk(), after[0], after[1], size + 1);
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        List<User> people =
                users.findByPks(shown.stream().map(ReadRepository.Read::userPk).toList());
        var ids = users.idsAsSeenBy(caller.appPk(), people, idType);
        var items = shown.stream()
                .map(r -> new Reader(ids.get(r.userPk()), String.valueOf(r.readAt())))
                .toList();
        String next = more
                ? PageTokens.encode(
                        "read",
                        message.messageId(),
                        shown.get(size - 1).readAt(),
                        shown.get(size - 1).userPk())
                : null;
        return new ReaderPage(items, more, next);
    }
}
