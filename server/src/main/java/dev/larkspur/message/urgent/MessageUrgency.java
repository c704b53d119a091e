package dev.larkspur.message.urgent;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.internal.UrgentRepository;
import dev.larkspur.platform.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Urgent notifications about a bot's own message, in the app, by SMS or by phone (spec/message.md
 * §3.13). Larkspur delivers no SMS or call: it records who was buzzed and how, and keeps Feishu's
 * rules, including the limit of unread urgent messages per person.
 */
@Service
public class MessageUrgency {
    static final int MAX_USERS = 200;
    static final int MAX_UNREAD = 200;
    static final String ONLY_OWNER = "only_owner";

    /** How the person is buzzed. */
    public enum Kind {
        APP,
        SMS,
        PHONE
    }

    private final MessageQueries queries;
    private final ChatAccess access;
    private final UrgentReceivers receivers;
    private final UrgentRepository urgents;
    private final Clock clock;

    MessageUrgency(
            MessageQueries queries,
            ChatAccess access,
            UrgentReceivers receivers,
            UrgentRepository urgents,
            Clock clock) {
        this.queries = queries;
        this.access = access;
        this.receivers = receivers;
        this.urgents = urgents;
        this.clock = clock;
    }

    /**
     * Buzzes the named people about the message and answers the ids that reach no one (unknown, not
     * in the chat, or gone); when none is reached the request fails.
     */
    @Transactional
    public List<String> urgent(Caller caller, String messageId, Kind kind, UserIdType idType, List<String> userIds) {
        if (!caller.botEnabled()) {
            throw MessageErrors.botAbilityOff();
        }
        if (userIds == null || userIds.isEmpty() || userIds.size() > MAX_USERS) {
            throw MessageErrors.invalid("invalid user_id");
        }
        var message = queries.get(caller, messageId);
        if (message.deleted()) {
            throw UrgentErrors.deleted();
        }
        if (!message.sentByApp(caller.appPk())) {
            throw UrgentErrors.notSender();
        }
        var actor = new Actor(caller);
        var chat = access.load(message.chatId(), actor);
        if (!chat.isP2p() && ONLY_OWNER.equals(chat.settings().urgentSetting()) && !access.isPrivileged(chat, actor)) {
            throw UrgentErrors.notAllowed();
        }
        var split = receivers.split(caller, chat, idType, userIds);
        if (split.reached().isEmpty()) {
            throw MessageErrors.invalid("all ids in the user_id_list are invalid");
        }
        var reached = split.reached().keySet();
        if (!urgents.withUnreadAtLeast(reached, message.pk(), MAX_UNREAD).isEmpty()) {
            throw UrgentErrors.tooManyUnread();
        }
        urgents.record(message.pk(), reached, kind.name().toLowerCase(Locale.ROOT), clock.millis());
        return split.invalid();
    }
}
