package dev.larkspur.message.followups;

import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.internal.FollowUpRepository;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up bubbles under a bot's latest message in its p2p chat with a person (spec/message.md
 * §3.14). Clicking one makes the person send its text, which clients model as an ordinary message.
 */
@Service
public class FollowUps {
    static final Duration WINDOW = Duration.ofSeconds(600);
    static final int MAX_BUBBLES = 3;
    static final int MAX_I18N = 50;
    static final int MAX_CHARS = 200;
    static final Set<String> LANGUAGES = Set.of(
            "en_us", "zh_cn", "zh_hk", "zh_tw", "ja_jp", "id_id", "vi_vn", "th_th", "pt_br", "es_es", "ko_kr", "de_de",
            "fr_fr", "it_it", "ru_ru", "ms_my");

    private final MessageRepository messages;
    private final ChatQueries chats;
    private final UserService users;
    private final FollowUpRepository followUps;
    private final Clock clock;

    FollowUps(
            MessageRepository messages,
            ChatQueries chats,
            UserService users,
            FollowUpRepository followUps,
            Clock clock) {
        this.messages = messages;
        this.chats = chats;
        this.users = users;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** One bubble: its text and the same in other languages. */
    public record FollowUp(String content, List<I18nContent> i18nContents) {}

    public record I18nContent(String content, String language) {}

    @Transactional
    public void push(Caller caller, String messageId, List<FollowUp> bubbles) {
        if (bubbles == null || bubbles.isEmpty() || bubbles.size() > MAX_BUBBLES) {
            throw MessageErrors.invalid("invalid follow_ups");
        }
        if (!bubbles.stream().allMatch(FollowUps::valid)) {
            throw FollowUpErrors.invalidFollowUp();
        }
        var message =
                messages.findByMessageId(messageId).orElseThrow(() -> MessageErrors.invalid("invalid message_id"));
        if (message.tenantPk() != caller.tenantPk()) {
            throw FollowUpErrors.invisible();
        }
        var chat = chats.find(message.chatId()).orElseThrow();
        if (!chat.isP2p()) {
            throw FollowUpErrors.onlyP2p();
        }
        // Another bot's p2p chat, and recalled messages, are out of the bot's sight.
        if (chat.p2pAppPk() == null || chat.p2pAppPk() != caller.appPk() || message.deleted()) {
            throw FollowUpErrors.invisible();
        }
        if (!message.sentByApp(caller.appPk())) {
            throw MessageErrors.invalid("bot or user is not the message`s sender");
        }
        var person = users.findByPks(List.of(chat.p2pUserPk()));
        if (person.isEmpty() || person.get(0).resigned()) {
            throw FollowUpErrors.userNotVisible();
        }
        var latest = messages.pageOfChat(chat.pk(), 0, Long.MAX_VALUE, false, Long.MAX_VALUE, Long.MAX_VALUE, 1);
        if (latest.isEmpty() || latest.get(0).pk() != message.pk()) {
            throw FollowUpErrors.notLatest();
        }
        long now = clock.millis();
        if (now - message.createdAt() > WINDOW.toMillis()) {
            throw FollowUpErrors.expired();
        }
        if (!followUps.insert(message.pk(), bubbles, now)) {
            throw FollowUpErrors.alreadyExists();
        }
    }

    private static boolean valid(FollowUp bubble) {
        if (bubble == null || !validText(bubble.content())) {
            return false;
        }
        var i18n = bubble.i18nContents() == null ? List.<I18nContent>of() : bubble.i18nContents();
        return i18n.size() <= MAX_I18N
                && i18n.stream().allMatch(c -> c != null && validText(c.content()) && LANGUAGES.contains(c.language()));
    }

    private static boolean validText(String text) {
        return text != null && !text.isBlank() && text.codePointCount(0, text.length()) <= MAX_CHARS;
    }
}
