package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one p2p chat between a bot and a user. It is opened on first use (a message either way, or
 * the person entering it) and then reused; the (bot, user) pair is unique, so two first messages
 * racing still share one chat. When the person opens it, the bot hears {@code p2p_chat_create}.
 */
@Service
public class P2pChats {
    private final ChatRepository chats;
    private final MemberRepository members;
    private final ChatEvents events;
    private final LatestMessages latest;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    P2pChats(
            ChatRepository chats,
            MemberRepository members,
            ChatEvents events,
            LatestMessages latest,
            TransactionTemplate tx,
            Clock clock) {
        this.chats = chats;
        this.members = members;
        this.events = events;
        this.latest = latest;
        this.newTransaction = new TransactionTemplate(tx.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public Optional<Chat> find(long appPk, long userPk) {
        return chats.findP2p(appPk, userPk);
    }

    /**
     * The pair's chat, created if needed in a transaction of its own: an empty p2p chat is harmless
     * if the caller's transaction later fails, and a lost race is resolved by reading the winner.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Chat open(long appPk, long tenantPk, long userPk) {
        return open(appPk, tenantPk, userPk, false);
    }

    /**
     * As {@link #open}, when the person starts the chat (their first message, or entering it): if
     * this creates the chat, the bot receives {@code p2p_chat_create}, recorded with the chat. A
     * chat the bot opened first raises nothing: the event means "a person started a conversation
     * with the bot for the first time" (docs mirror riba2534/feishu-open-docs,
     * group/chat-member/event/bot-events.md: 如果用户首次与该机器人进行会话，将会触发该事件).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Chat openByPerson(long appPk, long tenantPk, long userPk) {
        return open(appPk, tenantPk, userPk, true);
    }

    /**
     * A person opens the bot's p2p chat in their client (the web client calls this): the chat is
     * opened if needed, as by {@link #openByPerson}, and the bot receives
     * {@code im.chat.access_event.bot_p2p_chat_entered_v1} with the chat's latest message (spec/group.md
     * §3.6). Runs in the caller's transaction or its own.
     */
    @Transactional
    public Chat enter(long appPk, long tenantPk, long userPk) {
        var chat = openByPerson(appPk, tenantPk, userPk);
        events.botP2pChatEntered(chat, userPk, latest.latestIn(chat.pk()).orElse(null));
        return chat;
    }

    private Chat open(long appPk, long tenantPk, long userPk, boolean byPerson) {
        var existing = chats.findP2p(appPk, userPk);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return newTransaction.execute(status -> create(appPk, tenantPk, userPk, byPerson));
        } catch (DuplicateKeyException raced) {
            return chats.findP2p(appPk, userPk).orElseThrow(() -> raced);
        }
    }

    private Chat create(long appPk, long tenantPk, long userPk, boolean byPerson) {
        long now = clock.millis();
        var draft = Chat.newBotP2p(tenantPk, appPk, userPk, now);
        long pk = chats.insert(draft);
        members.insertUsers(pk, List.of(userPk), now);
        members.insertBots(pk, List.of(appPk), now);
        chats.addToCounts(pk, 1, 1);
        var chat = chats.findByPk(pk).orElseThrow();
        if (byPerson) {
            events.p2pChatCreated(chat, userPk);
        }
        return chat;
    }
}
