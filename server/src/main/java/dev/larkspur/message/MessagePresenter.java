package dev.larkspur.message;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Renders messages for one caller in a fixed number of queries per page: senders and mentioned
 * people as the caller's open_ids, bots as app_ids; recalled messages as Feishu shows them. A
 * group's custom bot is shown like an app ({@code sender_type} "app", {@code id_type} "app_id")
 * with its own bot id, since the Message object has no other kind for it.
 */
@Component
public class MessagePresenter {
    static final String RECALLED_TEXT = "This message was recalled";
    private final UserService users;
    private final AppService apps;
    private final MessageRepository messages;

    MessagePresenter(UserService users, AppService apps, MessageRepository messages) {
        this.users = users;
        this.apps = apps;
        this.messages = messages;
    }

    public MessageView one(Caller caller, Message m) {
        return render(caller, List.of(m), false).get(0);
    }

    /** {@code originalCards}: cards as sent ({@code card_msg_content_type=user_card_content}). */
    public List<MessageView> render(Caller caller, List<Message> page, boolean originalCards) {
        var userPks = new HashSet<Long>();
        var appPks = new HashSet<Long>();
        var fromCustomBots = new HashSet<Long>();
        for (var m : page) {
            if (m.senderUserPk() != null) {
                userPks.add(m.senderUserPk());
            } else if (m.senderAppPk() != null) {
                appPks.add(m.senderAppPk());
            } else {
                fromCustomBots.add(m.pk());
            }
            m.mentions().stream().map(Mention::userPk).filter(Objects::nonNull).forEach(userPks::add);
        }
        var openIds = users.idsAsSeenBy(caller.appPk(), users.findByPks(userPks), UserIdType.OPEN_ID);
        var appIds = apps.appIds(appPks);
        var mentionedBots = page.stream()
                .flatMap(m -> m.mentions().stream())
                .map(Mention::appPk)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        var botOpenIds = apps.botOpenIds(mentionedBots);
        var customBotIds = messages.customBotSenders(fromCustomBots);
        return page.stream()
                .map(m -> new MessageView(
                        m.messageId(),
                        m.rootId(),
                        m.parentId(),
                        m.threadId(),
                        m.msgType(),
                        String.valueOf(m.createdAt()),
                        String.valueOf(m.updatedAt()),
                        m.deleted(),
                        m.updated(),
                        m.chatId(),
                        m.senderUserPk() != null
                                ? new MessageView.Sender(
                                        openIds.get(m.senderUserPk()), "open_id", "user", caller.tenantKey())
                                : new MessageView.Sender(
                                        m.senderAppPk() != null
                                                ? appIds.get(m.senderAppPk())
                                                : customBotIds.get(m.pk()),
                                        "app_id",
                                        "app",
                                        caller.tenantKey()),
                        new MessageView.Body(content(m, originalCards)),
                        m.deleted() || m.mentions().isEmpty()
                                ? null
                                : m.mentions().stream()
                                        .map(x -> new MessageView.MentionView(
                                                x.key(),
                                                x.userPk() != null
                                                        ? openIds.get(x.userPk())
                                                        : botOpenIds.get(x.appPk()),
                                                "open_id",
                                                x.name(),
                                                caller.tenantKey()))
                                        .toList(),
                        m.upperMessageId()))
                .toList();
    }

    private static String content(Message m, boolean originalCards) {
        if (m.deleted()) {
            return RECALLED_TEXT;
        }
        if (originalCards && m.rawContent() != null && m.msgType().equals("interactive")) {
            return m.rawContent();
        }
        return m.content();
    }
}
