package dev.larkspur.chat;

import dev.larkspur.chat.internal.TopNoticeRepository;
import dev.larkspur.chat.internal.TopNoticeRepository.TopNoticeRow;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The top notice of a chat (spec/group.md §2.9): a pinned message ({@code action_type} "1") or the
 * announcement ("2", the default). A chat shows one, so the elements of a request are put in order
 * and the last one stays.
 *
 * <p>Feishu refuses members without the right to manage top notices (232014), a per-chat setting
 * that Larkspur does not model yet; until it does, every member may put and delete them.
 */
@Service
public class ChatTopNotices {
    static final String MESSAGE = "1";
    static final String ANNOUNCEMENT = "2";
    /**
     * Only the shape of a message id is checked: the message module builds on this one, not the
     * other way round, so whether the message is in the chat is taken on trust.
     */
    private static final Pattern MESSAGE_ID = Pattern.compile("om_[0-9a-f]{32}");

    private final TopNoticeRepository notices;
    private final ChatAccess access;
    private final Clock clock;

    ChatTopNotices(TopNoticeRepository notices, ChatAccess access, Clock clock) {
        this.notices = notices;
        this.access = access;
        this.clock = clock;
    }

    /** One element of {@code chat_top_notice}; a null action type means "2". */
    public record TopNotice(String actionType, String messageId) {}

    @Transactional
    public void put(Actor actor, String chatId, List<TopNotice> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ChatErrors.invalidParam("chat_top_notice is required");
        }
        var valid = requested.stream().map(ChatTopNotices::validate).toList();
        var chat = access.lock(chatId, actor);
        access.requireMember(chat, actor);
        var last = valid.get(valid.size() - 1);
        notices.put(
                chat.pk(),
                new TopNoticeRow(
                        last.actionType(),
                        last.messageId(),
                        actor.isUser() ? actor.userPk() : null,
                        actor.isUser() ? null : actor.appPk(),
                        clock.millis()));
    }

    /** The chat's top notice, as a member sees it (Feishu's clients show it; the Open API has no read). */
    @Transactional(readOnly = true)
    public Optional<TopNotice> current(Actor actor, String chatId) {
        var chat = access.load(chatId, actor);
        access.requireMember(chat, actor);
        return notices.find(chat.pk()).map(row -> new TopNotice(row.actionType(), row.messageId()));
    }

    /** Removing a top notice that is not there succeeds: the chat ends up without one either way. */
    @Transactional
    public void delete(Actor actor, String chatId) {
        var chat = access.lock(chatId, actor);
        access.requireMember(chat, actor);
        notices.remove(chat.pk());
    }

    private static TopNotice validate(TopNotice notice) {
        if (notice == null) {
            throw ChatErrors.invalidParam("chat_top_notice has an empty element");
        }
        String type = notice.actionType() == null || notice.actionType().isBlank() ? ANNOUNCEMENT : notice.actionType();
        return switch (type) {
            case ANNOUNCEMENT -> new TopNotice(ANNOUNCEMENT, null);
            case MESSAGE -> {
                if (notice.messageId() == null
                        || !MESSAGE_ID.matcher(notice.messageId()).matches()) {
                    throw ChatErrors.invalidParam("action_type 1 needs a valid message_id");
                }
                yield new TopNotice(MESSAGE, notice.messageId());
            }
            default -> throw ChatErrors.invalidParam("invalid action_type: " + type);
        };
    }
}
