package dev.larkspur.event;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type Larkspur knows, named once: its wire name, how it is delivered ({@link Kind}) and
 * the scopes an app needs to receive it, any one of them (spec/group.md §3, spec/message.md §5).
 * Emitters name a constant, so no unknown type is recorded; fan-out reads the scopes from here and
 * lets no app receive a type without them unless the constant is declared {@link #scopeFree}.
 * Constants are in the order Feishu's console lists them, which is the order of {@link #SUBSCRIBABLE}.
 */
public enum EventType {
    /**
     * Any one scope of the receive rules (Audience), which then decide by chat type, mention and
     * sender; holding none of them, an app receives no message at all.
     */
    MESSAGE_RECEIVED(
            "im.message.receive_v1",
            Kind.V2,
            "im:message.p2p_msg:readonly",
            "im:message.p2p_msg",
            "im:message.group_msg",
            "im:message.group_msg:readonly",
            "im:message.group_at_msg:readonly",
            "im:message.group_at_msg",
            "im:message.group_at_msg.include_bot:readonly"),
    MESSAGE_READ("im.message.message_read_v1", Kind.V2, "im:message", "im:message:readonly"),
    MESSAGE_RECALLED("im.message.recalled_v1", Kind.V2, "im:message", "im:message:readonly"),
    REACTION_CREATED("im.message.reaction.created_v1", Kind.V2, "im:message.reactions:read", "im:message:readonly"),
    REACTION_DELETED("im.message.reaction.deleted_v1", Kind.V2, "im:message.reactions:read", "im:message:readonly"),
    CHAT_UPDATED("im.chat.updated_v1", Kind.V2, "im:chat", "im:chat:read", "im:chat:readonly"),
    CHAT_DISBANDED("im.chat.disbanded_v1", Kind.V2, "im:chat", "im:chat:read", "im:chat:readonly"),
    USER_ADDED("im.chat.member.user.added_v1", Kind.V2, "im:chat", "im:chat.members:read", "im:chat:readonly"),
    USER_DELETED("im.chat.member.user.deleted_v1", Kind.V2, "im:chat", "im:chat.members:read", "im:chat:readonly"),
    /** Offered for subscription, as Feishu's console offers it; Larkspur records no event of it. */
    USER_WITHDRAWN("im.chat.member.user.withdrawn_v1", Kind.V2, "im:chat", "im:chat.members:read", "im:chat:readonly"),
    BOT_ADDED("im.chat.member.bot.added_v1", Kind.V2, "im:chat", "im:chat.members:bot_access", "im:chat:readonly"),
    BOT_DELETED("im.chat.member.bot.deleted_v1", Kind.V2, "im:chat", "im:chat.members:bot_access", "im:chat:readonly"),
    /**
     * Scope-free: recorded for the one bot whose p2p chat a person opened (spec/group.md §3.6), never
     * for the bots of a chat; that bot has always received it whatever its scopes.
     */
    BOT_P2P_CHAT_ENTERED("im.chat.access_event.bot_p2p_chat_entered_v1", Kind.V2, ScopeFree.ONE_ADDRESSEE),
    /** Scope-free, like {@link #BOT_P2P_CHAT_ENTERED}: for the bot a person started a p2p chat with. */
    P2P_CHAT_CREATE("p2p_chat_create", Kind.V1, ScopeFree.ONE_ADDRESSEE),
    /**
     * Scope-free: the callback of a click on a bot's card goes to that bot only, straight away,
     * without the outbox (CardCallbacks).
     */
    CARD_ACTION_TRIGGER("card.action.trigger", Kind.CARD_CALLBACK, ScopeFree.ONE_ADDRESSEE),
    /**
     * The server's own signal that messages of one chat look different now (edited, a card updated,
     * read, pinned), for the browsers' live updates; Feishu sends no event for these, so no app
     * receives it. Its body: {@code {"message_ids": [...]}}, and {@code "user": pk} when only that
     * person sees the difference (who read their messages).
     */
    MESSAGE_CHANGED(Outbox.INTERNAL_PREFIX + "message.changed", Kind.INTERNAL);

    /** How an event of the type reaches an app. */
    public enum Kind {
        /** Through the outbox, in the schema 2.0 envelope. */
        V2,
        /** Through the outbox, in the v1 envelope (spec/protocols.md §3.4). */
        V1,
        /** Answered at once by the bot, no outbox, no retry. */
        CARD_CALLBACK,
        /** Recorded for the server's own live updates; delivered to no app. */
        INTERNAL
    }

    /** Why a type needs no scope: it is recorded for one app only, which the emitter chose. */
    private enum ScopeFree {
        ONE_ADDRESSEE
    }

    /** What an app may subscribe to on its events page, in the console's order. */
    public static final List<String> SUBSCRIBABLE = Arrays.stream(values())
            .filter(t -> t.kind == Kind.V2 || t.kind == Kind.V1)
            .map(EventType::wireName)
            .toList();

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Kind kind;
    private final List<String> scopes;
    private final boolean scopeFree;

    EventType(String wireName, Kind kind, String... scopes) {
        this.wireName = wireName;
        this.kind = kind;
        this.scopes = List.of(scopes);
        this.scopeFree = false;
    }

    EventType(String wireName, Kind kind, ScopeFree reason) {
        this.wireName = wireName;
        this.kind = kind;
        this.scopes = List.of();
        this.scopeFree = true;
    }

    /** The type as Feishu spells it, in the envelope and in subscriptions. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** An app needs any one of these to receive the type; empty for scope-free and internal types. */
    public List<String> scopes() {
        return scopes;
    }

    /** Whether the type goes to its one addressee without any scope, as its Javadoc explains. */
    public boolean scopeFree() {
        return scopeFree;
    }

    public boolean internal() {
        return kind == Kind.INTERNAL;
    }

    /** The type of a recorded event; empty for a name this server does not emit (any more). */
    public static Optional<EventType> of(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
