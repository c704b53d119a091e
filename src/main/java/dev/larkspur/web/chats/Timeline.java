package dev.larkspur.web.chats;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import dev.larkspur.media.MediaResources;
import dev.larkspur.message.Message;
import dev.larkspur.web.content.ContentContext;
import dev.larkspur.web.content.ContentLookups;
import dev.larkspur.web.content.ContentView;
import dev.larkspur.web.content.ContentViews;
import dev.larkspur.web.session.SignedIn;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** Messages as the timeline shows them: sender's name, time, and the content rendered for the page. */
@Component
class Timeline {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final UserService users;
    private final AppService apps;
    private final ContentLookups lookups;

    Timeline(UserService users, AppService apps, MediaResources media) {
        this.users = users;
        this.apps = apps;
        // A file's size is shown beside its name; the key comes from a message the person can see.
        this.lookups = new ContentLookups() {
            @Override
            public OptionalLong fileSize(String fileKey) {
                return media.describe(fileKey)
                        .map(r -> OptionalLong.of(r.size()))
                        .orElse(OptionalLong.empty());
            }
        };
    }

    /** One message on the page. */
    record MessageRow(
            String messageId, String senderName, boolean mine, boolean fromBot, String sentAt, ContentView view) {}

    /** Rows in the order given; sender names looked up once per page. */
    List<MessageRow> rows(SignedIn me, List<Message> messages) {
        var people = new HashMap<Long, String>();
        for (User u : users.findByPks(messages.stream()
                .map(Message::senderUserPk)
                .filter(pk -> pk != null)
                .distinct()
                .toList())) {
            people.put(u.pk(), u.name());
        }
        var bots = new HashMap<Long, String>();
        return messages.stream().map(m -> row(me, m, people, bots)).toList();
    }

    private MessageRow row(SignedIn me, Message m, Map<Long, String> people, Map<Long, String> bots) {
        String sender;
        if (m.senderUserPk() != null) {
            sender = people.getOrDefault(m.senderUserPk(), "Someone");
        } else if (m.senderAppPk() != null) {
            sender = bots.computeIfAbsent(
                    m.senderAppPk(), pk -> apps.findByPk(pk).map(a -> a.name()).orElse("Bot"));
        } else {
            sender = "";
        }
        String at = TIME.format(Instant.ofEpochMilli(m.createdAt()).atZone(ZoneId.systemDefault()));
        return new MessageRow(
                m.messageId(), sender, m.sentByUser(me.userPk()), m.senderAppPk() != null, at, render(me, m));
    }

    /** The one place the timeline turns content into a view (dev.larkspur.web.content). */
    ContentView render(SignedIn me, Message m) {
        return ContentViews.of(
                m,
                ContentContext.of(m.chatId(), m.messageId()).viewer(me.userPk()).lookups(lookups));
    }
}
