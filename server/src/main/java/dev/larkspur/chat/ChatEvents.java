package dev.larkspur.chat;

import dev.larkspur.directory.User;
import dev.larkspur.event.EventBody;
import dev.larkspur.event.EventRefs;
import dev.larkspur.event.EventType;
import dev.larkspur.event.NewEvent;
import dev.larkspur.event.Outbox;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the {@code im.chat.*} event bodies of spec/group.md §3 and appends them to the outbox. */
@Component
public class ChatEvents {
    /**
     * The body of the member and disband events: who acted in which chat, and its name then. Only
     * the user events list {@code users}; {@code i18n_names} only when the chat has them.
     */
    record MembersChanged(
            String chatId,
            Map<String, Object> operatorId,
            boolean external,
            String operatorTenantKey,
            String name,
            Map<String, String> i18nNames,
            List<ChatUser> users)
            implements EventBody {}

    record ChatUser(String name, String tenantKey, Map<String, Object> userId) implements EventBody {}

    /** {@code before_change} and {@code after_change} hold only the fields that changed. */
    record Updated(
            String chatId,
            Map<String, Object> operatorId,
            boolean external,
            String operatorTenantKey,
            ChatChange afterChange,
            ChatChange beforeChange,
            ModeratorList moderatorList)
            implements EventBody {}

    /** The moderators added and removed by a change of the moderation setting (spec/group.md §3.3). */
    record ModeratorList(List<Moderator> addedMemberList, List<Moderator> removedMemberList) implements EventBody {}

    record Moderator(String tenantKey, Map<String, Object> userId) implements EventBody {}

    /** The v1 body names people by {@code open_id} and {@code user_id}; {@code user} also by name. */
    record P2pChatCreated(String chatId, Map<String, Object> operator, Map<String, Object> user) implements EventBody {}

    /** The latest message's fields only when the chat has one. */
    record BotP2pChatEntered(
            String chatId, Map<String, Object> operatorId, String lastMessageId, String lastMessageCreateTime)
            implements EventBody {}

    private final Outbox outbox;

    ChatEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void usersAdded(Chat chat, Actor actor, Collection<User> users) {
        if (!users.isEmpty()) {
            outbox.append(new NewEvent(
                    EventType.USER_ADDED, chat.tenantPk(), chat.pk(), null, membersChanged(chat, actor, users)));
        }
    }

    public void usersDeleted(Chat chat, Actor actor, Collection<User> users) {
        if (!users.isEmpty()) {
            outbox.append(new NewEvent(
                    EventType.USER_DELETED, chat.tenantPk(), chat.pk(), null, membersChanged(chat, actor, users)));
        }
    }

    /** Only the bot that was added receives it (spec/group.md §3.4). */
    public void botsAdded(Chat chat, Actor actor, Collection<Long> appPks) {
        appPks.forEach(app -> outbox.append(
                new NewEvent(EventType.BOT_ADDED, chat.tenantPk(), chat.pk(), app, membersChanged(chat, actor, null))));
    }

    public void botsDeleted(Chat chat, Actor actor, Collection<Long> appPks) {
        appPks.forEach(app -> outbox.append(new NewEvent(
                EventType.BOT_DELETED, chat.tenantPk(), chat.pk(), app, membersChanged(chat, actor, null))));
    }

    /** A person started the p2p chat with a bot: only that bot hears of it (spec/group.md §3.7). */
    public void p2pChatCreated(Chat chat, long userPk) {
        var body = new P2pChatCreated(chat.chatId(), EventRefs.user(userPk), EventRefs.userWithName(userPk));
        outbox.append(new NewEvent(EventType.P2P_CHAT_CREATE, chat.tenantPk(), chat.pk(), chat.p2pAppPk(), body));
    }

    /** A person opened the p2p chat with a bot (spec/group.md §3.6); the latest message if any. */
    public void botP2pChatEntered(Chat chat, long userPk, LatestMessages.Latest latest) {
        var body = new BotP2pChatEntered(
                chat.chatId(),
                EventRefs.user(userPk),
                latest == null ? null : latest.messageId(),
                latest == null ? null : String.valueOf(latest.createdAt()));
        outbox.append(new NewEvent(EventType.BOT_P2P_CHAT_ENTERED, chat.tenantPk(), chat.pk(), chat.p2pAppPk(), body));
    }

    public void disbanded(Chat chat, Actor actor) {
        outbox.append(new NewEvent(
                EventType.CHAT_DISBANDED, chat.tenantPk(), chat.pk(), null, membersChanged(chat, actor, null)));
    }

    /** {@code moderators}: the moderator_list, or null when the moderators did not change. */
    void updated(Chat chat, Actor actor, ChatChange before, ChatChange after, ModeratorList moderators) {
        var body = new Updated(
                chat.chatId(), operator(actor), chat.external(), actor.caller().tenantKey(), after, before, moderators);
        outbox.append(new NewEvent(EventType.CHAT_UPDATED, chat.tenantPk(), chat.pk(), null, body));
    }

    public static Map<String, Object> operator(Actor actor) {
        return actor.isUser() ? EventRefs.user(actor.userPk()) : EventRefs.bot(actor.appPk());
    }

    /** {@code users}: null for the events that list none. */
    private static MembersChanged membersChanged(Chat chat, Actor actor, Collection<User> users) {
        String tenantKey = actor.caller().tenantKey();
        return new MembersChanged(
                chat.chatId(),
                operator(actor),
                chat.external(),
                tenantKey,
                chat.settings().name() == null ? "" : chat.settings().name(),
                chat.settings().i18nNames(),
                users == null
                        ? null
                        : users.stream()
                                .map(u -> new ChatUser(u.name(), tenantKey, EventRefs.user(u.pk())))
                                .toList());
    }
}
