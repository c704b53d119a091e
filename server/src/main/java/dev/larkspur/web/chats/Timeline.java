package dev.larkspur.web.chats;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import dev.larkspur.media.MediaResources;
import dev.larkspur.message.CardInteractions;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageDetails;
import dev.larkspur.web.content.ContentContext;
import dev.larkspur.web.content.ContentLookups;
import dev.larkspur.web.content.ContentView;
import dev.larkspur.web.content.ContentViews;
import dev.larkspur.web.session.SignedIn;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Messages as the timeline shows them: sender's name, time, the content rendered for the page, and
 * what is around each (quote, thread, reactions, pin, read count; see {@link RowDetails}).
 */
@Component
class Timeline {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final UserService users;
    private final AppService apps;
    private final PageDetails pageDetails;
    private final CardInteractions cards;
    private final ContentLookups lookups;

    Timeline(
            UserService users, AppService apps, PageDetails pageDetails, CardInteractions cards, MediaResources media) {
        this.users = users;
        this.apps = apps;
        this.pageDetails = pageDetails;
        this.cards = cards;
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
            String messageId,
            String senderName,
            boolean mine,
            boolean fromBot,
            String sentAt,
            ContentView view,
            RowDetails details) {}

    /** Rows in the order given; names, quoted messages and the rest looked up once per page. */
    List<MessageRow> rows(SignedIn me, List<Message> messages) {
        var page = pageDetails.of(me, messages);
        var quoted = new ArrayList<Message>(page.details().parents().values());
        var people = new HashMap<Long, String>();
        for (User u : users.findByPks(Stream.concat(messages.stream(), quoted.stream())
                .map(Message::senderUserPk)
                .filter(Objects::nonNull)
                .distinct()
                .toList())) {
            people.put(u.pk(), u.name());
        }
        var bots = new HashMap<Long, String>();
        // A card answered for this person alone shows their copy.
        return messages.stream()
                .map(m -> cards.seenBy(me.userPk(), m))
                .map(m -> new MessageRow(
                        m.messageId(),
                        sender(m, people, bots),
                        m.sentByUser(me.userPk()),
                        m.senderAppPk() != null,
                        at(m),
                        render(me, m),
                        RowDetails.of(me, m, page, parent -> sender(parent, people, bots))))
                .toList();
    }

    private String sender(Message m, Map<Long, String> people, Map<Long, String> bots) {
        if (m.senderUserPk() != null) {
            return people.getOrDefault(m.senderUserPk(), "Someone");
        }
        if (m.senderAppPk() != null) {
            return bots.computeIfAbsent(
                    m.senderAppPk(), pk -> apps.findByPk(pk).map(a -> a.name()).orElse("Bot"));
        }
        return "";
    }

    private static String at(Message m) {
        return TIME.format(Instant.ofEpochMilli(m.createdAt()).atZone(ZoneId.systemDefault()));
    }

    /** The one place the timeline turns content into a view (dev.larkspur.web.content). */
    ContentView render(SignedIn me, Message m) {
        return ContentViews.of(
                m,
                ContentContext.of(m.chatId(), m.messageId())
                        .viewer(me.userPk())
                        .clickable()
                        .lookups(lookups));
    }

    /** What the details of a page are seen with: the person's caller, and whether they may recall others'. */
    record Page(MessageDetails.Details details, Map<String, ChatView> chats) {}

    /** A chat of the page as the rows need it. */
    record ChatView(boolean peopleChat, boolean botChat, boolean privileged) {}
}
