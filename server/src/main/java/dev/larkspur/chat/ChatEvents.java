package dev.larkspur.chat;

import dev.larkspur.directory.User;
import dev.larkspur.event.EventRefs;
import dev.larkspur.event.EventType;
import dev.larkspur.event.NewEvent;
import dev.larkspur.event.Outbox;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the {@code im.chat.*} event bodies of spec/group.md §3 and appends them to the outbox. */
@Component
public class ChatEvents {
    private final Outbox outbox;

    ChatEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void usersAdded(Chat chat, Actor actor, Collection<User> users) {
        if (!users.isEmpty()) {
            outbox.append(new NewEvent(
                    EventType.USER_ADDED, chat.tenantPk(), chat.pk(), null, withUsers(chat, actor, users)));
        }
    }

    public void usersDeleted(Chat chat, Actor actor, Collection<User> users) {
        if (!users.isEmpty()) {
            outbox.append(new NewEvent(
                    EventType.USER_DELETED, chat.tenantPk(), chat.pk(), null, withUsers(chat, actor, users)));
        }
    }

    /** Only the bot that was added receives it (spec/group.md §3.4). */
    public void botsAdded(Chat chat, Actor actor, Collection<Long> appPks) {
        appPks.forEach(app ->
                outbox.append(new NewEvent(EventType.BOT_ADDED, chat.tenantPk(), chat.pk(), app, base(chat, actor))));
    }

    public void botsDeleted(Chat chat, Actor actor, Collection<Long> appPks) {
        appPks.forEach(app ->
                outbox.append(new NewEvent(EventType.BOT_DELETED, chat.tenantPk(), chat.pk(), app, base(chat, actor))));
    }

    /**
     * A person started the p2p chat with a bot: only that bot hears of it (spec/group.md §3.7). The
     * v1 body names people by {@code open_id} and {@code user_id}; {@code user} also by name.
     */
    public void p2pChatCreated(Chat chat, long userPk) {
        var body = new LinkedHashMap<String, Object>();
        body.put("chat_id", chat.chatId());
        body.put("operator", EventRefs.user(userPk));
        body.put("user", EventRefs.userWithName(userPk));
        outbox.append(new NewEvent(EventType.P2P_CHAT_CREATE, chat.tenantPk(), chat.pk(), chat.p2pAppPk(), body));
    }

    /** A person opened the p2p chat with a bot (spec/group.md §3.6); the latest message if any. */
    public void botP2pChatEntered(Chat chat, long userPk, LatestMessages.Latest latest) {
        var body = new LinkedHashMap<String, Object>();
        body.put("chat_id", chat.chatId());
        body.put("operator_id", EventRefs.user(userPk));
        if (latest != null) {
            body.put("last_message_id", latest.messageId());
            body.put("last_message_create_time", String.valueOf(latest.createdAt()));
        }
        outbox.append(new NewEvent(EventType.BOT_P2P_CHAT_ENTERED, chat.tenantPk(), chat.pk(), chat.p2pAppPk(), body));
    }

    public void disbanded(Chat chat, Actor actor) {
        outbox.append(new NewEvent(EventType.CHAT_DISBANDED, chat.tenantPk(), chat.pk(), null, base(chat, actor)));
    }

    /** {@code before} and {@code after} hold only the fields that changed, as chat_change objects. */
    public void updated(
            Chat chat, Actor actor, Map<String, Object> before, Map<String, Object> after, Object moderators) {
        var body = new LinkedHashMap<String, Object>();
        body.put("chat_id", chat.chatId());
        body.put("operator_id", operator(actor));
        body.put("external", chat.external());
        body.put("operator_tenant_key", actor.caller().tenantKey());
        body.put("after_change", after);
        body.put("before_change", before);
        if (moderators != null) {
            body.put("moderator_list", moderators);
        }
        outbox.append(new NewEvent(EventType.CHAT_UPDATED, chat.tenantPk(), chat.pk(), null, body));
    }

    public static Map<String, Object> operator(Actor actor) {
        return actor.isUser() ? EventRefs.user(actor.userPk()) : EventRefs.bot(actor.appPk());
    }

    private static Map<String, Object> base(Chat chat, Actor actor) {
        var body = new LinkedHashMap<String, Object>();
        body.put("chat_id", chat.chatId());
        body.put("operator_id", operator(actor));
        body.put("external", chat.external());
        body.put("operator_tenant_key", actor.caller().tenantKey());
        body.put("name", chat.settings().name() == null ? "" : chat.settings().name());
        if (chat.settings().i18nNames() != null) {
            body.put("i18n_names", chat.settings().i18nNames());
        }
        return body;
    }

    private static Map<String, Object> withUsers(Chat chat, Actor actor, Collection<User> users) {
        var body = base(chat, actor);
        List<Map<String, Object>> list = users.stream()
                .map(u -> Map.<String, Object>of(
                        "name", u.name(), "tenant_key", actor.caller().tenantKey(), "user_id", EventRefs.user(u.pk())))
                .toList();
        body.put("users", list);
        return body;
    }
}
