package dev.larkspur.message;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatActivity;
import dev.larkspur.chat.ChatModeration;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.P2pChats;
import dev.larkspur.chat.PeopleChats;
import dev.larkspur.directory.Emails;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.content.ContentCodec;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.message.internal.ReadRepository;
import dev.larkspur.message.sending.ChatSendLimiter;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.Idempotency;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Sending and replying (spec/message.md §3.1, §3.2). A bot's message to a person goes to the p2p
 * chat of the bot and that person; a person's (user token) to the p2p chat of the two people; both
 * opened on first use. With a {@code uuid}, a repeat within one hour returns the first message,
 * also when the repeats race.
 */
@Service
public class MessageSending {
    static final Duration UUID_WINDOW = Duration.ofHours(1);

    private final MessageRepository messages;
    private final Idempotency idempotency;
    private final Idempotency.Scope<Message> sends;
    private final ContentCodec codec;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final ChatActivity activity;
    private final P2pChats p2p;
    private final PeopleChats people;
    private final ChatModeration moderation;
    private final ChatSendLimiter sendLimiter;
    private final UserService users;
    private final MessageEvents events;
    private final ReadRepository reads;
    private final Clock clock;

    MessageSending(
            MessageRepository messages,
            Idempotency idempotency,
            ContentCodec codec,
            ChatQueries chats,
            ChatAccess access,
            ChatActivity activity,
            P2pChats p2p,
            PeopleChats people,
            ChatModeration moderation,
            ChatSendLimiter sendLimiter,
            UserService users,
            MessageEvents events,
            ReadRepository reads,
            Clock clock) {
        this.messages = messages;
        this.idempotency = idempotency;
        this.sends = new Idempotency.Scope<>(
                "message.send", UUID_WINDOW, Message::pk, messages::findByPk, MessageErrors::beingSent);
        this.codec = codec;
        this.chats = chats;
        this.access = access;
        this.activity = activity;
        this.p2p = p2p;
        this.people = people;
        this.moderation = moderation;
        this.sendLimiter = sendLimiter;
        this.users = users;
        this.events = events;
        this.reads = reads;
        this.clock = clock;
    }

    /** What to post: type and content as sent, and the optional idempotency key. */
    public record Draft(String msgType, String content, String uuid) {}

    public Message send(Caller caller, String receiveIdType, String receiveId, Draft draft) {
        requireBot(caller);
        if (receiveId == null || receiveId.isBlank()) {
            throw MessageErrors.invalid("invalid receive_id");
        }
        // The key names the sender too when a person sends: two people of one app writing to the
        // same receiver with the same uuid are two messages, not one.
        String target = receiveIdType + ":" + receiveId;
        String key = caller.userPk() == null ? target : "u" + caller.userPk() + ":" + target;
        return once(caller, draft.uuid(), key, () -> {
            var chat = target(caller, receiveIdType, receiveId);
            return post(caller, chat, draft, null);
        });
    }

    /**
     * A person writing to a bot in their p2p chat (the operator API acts for people): {@code user}
     * is a user-token caller of that bot's app.
     */
    public Message sendToBot(Caller user, Draft draft) {
        return once(user, draft.uuid(), "bot:" + user.appId() + ":" + user.userPk(), () -> {
            var chat = p2p.openByPerson(user.appPk(), user.tenantPk(), user.userPk());
            return post(user, chat, draft, null);
        });
    }

    public Message reply(Caller caller, String messageId, Draft draft, boolean replyInThread) {
        requireBot(caller);
        return once(caller, draft.uuid(), "reply:" + messageId, () -> {
            var parent =
                    messages.findByMessageId(messageId).orElseThrow(() -> MessageErrors.invalid("invalid message_id"));
            if (parent.tenantPk() != caller.tenantPk()) {
                throw MessageErrors.invisible();
            }
            if (parent.deleted()) {
                throw MessageErrors.recalled();
            }
            var chat = chats.find(parent.chatId()).orElseThrow();
            return post(caller, chat, draft, new Relation(parent, replyInThread));
        });
    }

    /**
     * Batch sends and the v4 APIs: posts as the calling bot into its p2p chat with the user, in the
     * caller's transaction and without uuid de-duplication. The same rules and events apply as for
     * {@link #send}.
     */
    public Message sendToUser(Caller caller, long userPk, Draft draft) {
        requireBot(caller);
        return post(caller, p2p.open(caller.appPk(), caller.tenantPk(), userPk), draft, null);
    }

    private record Relation(Message parent, boolean inThread) {}

    private Message post(Caller caller, Chat chat, Draft draft, Relation relation) {
        var actor = new Actor(caller);
        if (chat.isDissolved()) {
            throw MessageErrors.chatDissolved();
        }
        if (!access.isMember(chat, actor)) {
            throw MessageErrors.botNotInChat();
        }
        if (draft.msgType() != null && draft.msgType().equals("system") && relation != null) {
            throw MessageErrors.invalid("invalid msg_type");
        }
        boolean privileged = chat.isP2p() || access.isPrivileged(chat, actor);
        if (!moderation.maySpeak(chat, actor)) {
            throw MessageErrors.blockedBySettings();
        }
        var encoded = codec.encode(caller, draft.msgType(), draft.content(), chat.isP2p());
        sendLimiter.acquire(chat);
        if (encoded.mentionsAll()
                && !privileged
                && chat.settings().atAllPermission().equals("only_owner")) {
            throw MessageErrors.blockedBySettings();
        }
        Long rootPk = null;
        Long parentPk = null;
        String threadId = null;
        if (relation != null) {
            var parent = relation.parent();
            long parentRow = parent.pk();
            long rootRow = parent.rootId() == null
                    ? parentRow
                    : messages.pkOf(parent.rootId()).orElse(parentRow);
            threadId = parent.threadId();
            if (threadId == null && relation.inThread()) {
                threadId = "omt_" + Ids.hex(16);
                messages.setThread(rootRow, threadId);
            }
            rootPk = rootRow;
            // Inside a thread, root and parent are both the thread's root (spec/message.md §3.2).
            parentPk = threadId != null ? rootRow : parentRow;
        }
        long now = clock.millis();
        var row = MessageRepository.NewRow.of(
                        chat.pk(), draft.msgType(), encoded.content(), encoded.rawContent(), encoded.mentions(), now)
                .under(rootPk, parentPk, threadId)
                .sentBy(caller.userPk(), caller.userPk() == null ? caller.appPk() : null);
        long pk = messages.insert(row);
        var message = written(pk, row, chat, relation);
        events.received(message, caller.tenantKey());
        if (caller.userPk() != null) {
            // A person writes after what they have seen: their unread count starts after this.
            reads.advance(chat.pk(), caller.userPk(), now, pk);
        }
        // Once committed, in memory: a send never locks its chat's row.
        activity.touch(chat, now);
        return message;
    }

    /**
     * The message as the insert wrote it, without reading it back: the chat and the relatives are
     * the ones just used, so their public ids are known.
     */
    private static Message written(long pk, MessageRepository.NewRow row, Chat chat, Relation relation) {
        String rootId = null;
        String parentId = null;
        if (relation != null) {
            var parent = relation.parent();
            rootId = row.rootPk() == parent.pk() ? parent.messageId() : parent.rootId();
            parentId = row.parentPk() == parent.pk() ? parent.messageId() : rootId;
        }
        return new Message(
                pk,
                row.messageId(),
                chat.pk(),
                chat.chatId(),
                chat.chatMode(),
                chat.tenantPk(),
                rootId,
                parentId,
                row.threadId(),
                null,
                row.senderUserPk(),
                row.senderAppPk(),
                row.msgType(),
                row.content(),
                row.rawContent(),
                row.mentions(),
                false,
                false,
                0,
                row.now(),
                row.now());
    }

    /**
     * The chat a send goes to: a group by chat_id, or the p2p chat with a person. Forwards resolve
     * their people and chat targets here too, so both answer alike.
     */
    public Chat target(Caller caller, String receiveIdType, String receiveId) {
        if ("chat_id".equals(receiveIdType)) {
            var chat = chats.find(receiveId).orElseThrow(() -> MessageErrors.invalid("invalid receive_id"));
            if (chat.tenantPk() != caller.tenantPk() && !chat.external()) {
                throw MessageErrors.invalid("invalid receive_id");
            }
            return chat;
        }
        User user =
                switch (receiveIdType == null ? "" : receiveIdType) {
                    case "open_id", "union_id", "user_id" -> users.resolveAll(
                                    caller.appPk(),
                                    caller.tenantPk(),
                                    UserIdType.parse(receiveIdType),
                                    List.of(receiveId))
                            .get(receiveId);
                    case "email" -> users.findByEmails(caller.tenantPk(), List.of(Emails.normalize(receiveId))).stream()
                            .findFirst()
                            .orElse(null);
                    default -> throw MessageErrors.invalid("invalid receive_id_type");
                };
        if (caller.userPk() != null) {
            return peopleChat(caller, receiveIdType, receiveId, user);
        }
        if (user == null) {
            throw MessageErrors.invalid("invalid receive_id");
        }
        if (user.resigned()) {
            throw MessageErrors.noAvailability();
        }
        return p2p.open(caller.appPk(), caller.tenantPk(), user.pk());
    }

    /**
     * A user token writing to a person: the one p2p chat of the two people, with Feishu's refusals
     * (DOC im-v1/message/create.md, spec/message.md §6.1): 230038 for a person of another tenant,
     * 230029 for one who has resigned. Writing to oneself has no documented code; it is refused as
     * an invalid receive_id (230001, inferred) rather than opening a chat with one member.
     */
    private Chat peopleChat(Caller caller, String receiveIdType, String receiveId, User user) {
        if (user == null) {
            boolean elsewhere = !"email".equals(receiveIdType)
                    && users.resolveInAnyTenant(caller.appPk(), UserIdType.parse(receiveIdType), receiveId)
                            .filter(u -> u.tenantPk() != caller.tenantPk())
                            .isPresent();
            throw elsewhere ? MessageErrors.crossTenantP2p() : MessageErrors.invalid("invalid receive_id");
        }
        if (user.resigned()) {
            throw MessageErrors.userResigned();
        }
        if (user.pk() == caller.userPk()) {
            throw MessageErrors.invalid("invalid receive_id: the receiver is the sender");
        }
        return people.open(caller.tenantPk(), caller.userPk(), user.pk());
    }

    /**
     * Runs {@code work} in one transaction, once per (app, {@code uuid}, {@code requested} target) within the
     * uuid window: a repeat returns the first message. Forwards share it with their own targets.
     */
    public Message once(Caller caller, String uuid, String requested, Supplier<Message> work) {
        if (uuid != null && uuid.length() > 50) {
            throw MessageErrors.invalid("uuid is longer than 50 characters");
        }
        return idempotency.once(sends, caller.appPk(), uuid, requested, work);
    }

    private static void requireBot(Caller caller) {
        if (!caller.botEnabled()) {
            throw MessageErrors.botAbilityOff();
        }
    }
}
