package dev.larkspur.message.legacy;

import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.P2pChats;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageSending;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The deprecated single send {@code POST /open-apis/message/v4/send/} that chyroc/lark's {@code
 * SendRawMessageOld} still calls (doc {@code /ukTMukTMukTM/uUjNz4SN2MjL1YzM} and its image, post,
 * share_chat and card pages): one target among {@code chat_id}, {@code open_id}, {@code user_id} and
 * {@code email}, read in that order; an optional {@code root_id} to reply to; v4 content. Posting
 * follows the im/v1 rules and events; failures carry the v4 codes.
 */
@Service
public class LegacySending {
    private final MessageSending sending;
    private final LegacyContent content;
    private final LegacyPeople people;
    private final ChatQueries chats;
    private final P2pChats p2p;
    private final MessageRepository messages;

    LegacySending(
            MessageSending sending,
            LegacyContent content,
            LegacyPeople people,
            ChatQueries chats,
            P2pChats p2p,
            MessageRepository messages) {
        this.sending = sending;
        this.content = content;
        this.people = people;
        this.chats = chats;
        this.p2p = p2p;
        this.messages = messages;
    }

    /** The v4 request body; {@code updateMulti} makes a card shared. */
    public record LegacyDraft(
            String chatId,
            String openId,
            String userId,
            String email,
            String rootId,
            String msgType,
            JsonNode content,
            JsonNode card,
            boolean updateMulti) {}

    @Transactional
    public Message send(Caller caller, LegacyDraft d) {
        if (!caller.botEnabled()) {
            throw LegacyErrors.noBot();
        }
        var draft = content.draft(caller, d.msgType(), d.content(), d.card(), d.updateMulti());
        try {
            if (LegacyPeople.present(d.chatId())) {
                var chat = chats.find(d.chatId())
                        .filter(c -> c.tenantPk() == caller.tenantPk() || c.external())
                        .orElseThrow(LegacyErrors::chatNotFound);
                return LegacyPeople.present(d.rootId())
                        ? reply(caller, chat.pk(), d.rootId(), draft)
                        : sending.send(caller, "chat_id", chat.chatId(), draft);
            }
            var user = people.find(caller, d.openId(), d.userId(), d.email())
                    .orElseThrow(() ->
                            LegacyErrors.invalidParameter("one of chat_id, open_id, user_id and email is required"));
            if (user.resigned()) {
                throw LegacyErrors.userResigned();
            }
            if (LegacyPeople.present(d.rootId())) {
                long chatPk = p2p.find(caller.appPk(), user.pk()).map(Chat::pk).orElse(-1L);
                return reply(caller, chatPk, d.rootId(), draft);
            }
            return sending.sendToUser(caller, user.pk(), draft);
        } catch (FeishuException e) {
            throw LegacyErrors.translate(e);
        }
    }

    /** A reply goes into the root message's chat, which must be the chat the target names. */
    private Message reply(Caller caller, long targetChatPk, String rootId, MessageSending.Draft draft) {
        var root = messages.findByMessageId(rootId)
                .filter(m -> m.tenantPk() == caller.tenantPk())
                .orElseThrow(() -> LegacyErrors.messageIdInvalid());
        if (root.chatPk() != targetChatPk) {
            throw LegacyErrors.invalidParameter("root_id is not a message of the target chat");
        }
        return sending.reply(caller, rootId, draft, false);
    }
}
