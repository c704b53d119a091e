package dev.larkspur.message.legacy;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.directory.User;
import dev.larkspur.message.content.ContentCodec;
import dev.larkspur.message.content.EncodedContent;
import dev.larkspur.message.internal.EphemeralRepository;
import dev.larkspur.message.sending.MessageLimits;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.Ids;
import dev.larkspur.platform.TokenType;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Cards only one member of a group sees (spec/message.md §3.19, docs {@code
 * /ukTMukTMukTM/uETOyYjLxkjM24SM5IjN} and {@code …/uITOyYjLykjM24iM5IjN}): in conversation groups
 * only, to a member, interactive only, at most 40 a second per group. They stay out of the chat's
 * history and events, since nobody else sees them, and the bot deletes them when done.
 */
@Service
public class EphemeralCards {
    private final ChatAccess access;
    private final LegacyPeople people;
    private final ContentCodec codec;
    private final EphemeralRepository cards;
    private final MessageLimits limits;
    private final Clock clock;

    EphemeralCards(
            ChatAccess access,
            LegacyPeople people,
            ContentCodec codec,
            EphemeralRepository cards,
            MessageLimits limits,
            Clock clock) {
        this.access = access;
        this.people = people;
        this.codec = codec;
        this.cards = cards;
        this.limits = limits;
        this.clock = clock;
    }

    /** Who sees the card: one of open_id, user_id and email, read in that order. */
    public record Viewer(String openId, String userId, String email) {}

    /** Sends the card; the answer is its message id. */
    @Transactional
    public String send(Caller caller, String chatId, Viewer viewer, String msgType, JsonNode card) {
        var chat = group(caller, chatId);
        var user = people.find(caller, viewer.openId(), viewer.userId(), viewer.email())
                .orElseThrow(() -> LegacyErrors.invalidParameter("one of open_id, user_id and email is required"));
        if (!access.isMember(chat, new Actor(asUser(caller, user)))) {
            throw LegacyErrors.userNotInChat();
        }
        if (!"interactive".equals(msgType)) {
            throw LegacyErrors.invalidParameter("msg_type must be interactive");
        }
        if (card == null || !card.isObject()) {
            throw LegacyErrors.invalidParameter("card is required");
        }
        EncodedContent encoded;
        try {
            encoded = codec.encode(caller, "interactive", card.toString(), false);
        } catch (FeishuException e) {
            throw LegacyErrors.translate(e);
        }
        long now = clock.millis();
        // Counted, then written: sends racing at the limit may all pass, as with a gateway's budget.
        if (cards.countSince(chat.pk(), now - limits.ephemeralWindow().toMillis()) >= limits.ephemeralPerChat()) {
            throw LegacyErrors.chatRateLimited();
        }
        String messageId = "om_" + Ids.hex(32);
        cards.insert(new EphemeralRepository.NewCard(
                messageId, chat.pk(), caller.appPk(), user.pk(), encoded.content(), encoded.rawContent(), now));
        return messageId;
    }

    /** Deletes a card the bot sent; the bot must still be in its group. */
    @Transactional
    public void delete(Caller caller, String messageId) {
        if (!caller.botEnabled()) {
            throw LegacyErrors.noBot();
        }
        if (messageId == null || messageId.isBlank()) {
            throw LegacyErrors.invalidParameter("message_id is required");
        }
        var card = cards.find(messageId).orElseThrow(LegacyErrors::messageIdNotExist);
        if (card.appPk() != caller.appPk()) {
            throw LegacyErrors.notYourMessage();
        }
        group(caller, card.chatId());
        if (card.deleted()) {
            throw LegacyErrors.ephemeralDeleted();
        }
        if (!cards.markDeleted(card.pk(), clock.millis())) {
            throw LegacyErrors.ephemeralDeleted();
        }
    }

    /** A conversation group ({@code group} mode, not topic, not p2p) of the tenant with the bot in it. */
    private Chat group(Caller caller, String chatId) {
        if (chatId == null || chatId.isBlank()) {
            throw LegacyErrors.invalidParameter("chat_id is required");
        }
        var actor = new Actor(caller);
        Chat chat;
        try {
            chat = access.load(chatId, actor);
        } catch (FeishuException e) {
            throw LegacyErrors.translate(e);
        }
        if (!Chat.GROUP.equals(chat.chatMode())) {
            throw LegacyErrors.chatNotGroup();
        }
        if (!access.isMember(chat, actor)) {
            throw LegacyErrors.botNotInChat();
        }
        return chat;
    }

    /** The viewer as chat membership checks see a person: a user caller of the same app. */
    private static Caller asUser(Caller caller, User user) {
        return new Caller(
                TokenType.USER,
                caller.appPk(),
                caller.appId(),
                caller.tenantPk(),
                caller.tenantKey(),
                caller.botEnabled(),
                caller.scopes(),
                user.pk());
    }
}
