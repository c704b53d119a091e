package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one p2p chat between a bot and a user. It is opened on first use (a message either way) and
 * then reused; the (bot, user) pair is unique, so two first messages racing still share one chat.
 */
@Service
public class P2pChats {
    private final ChatRepository chats;
    private final MemberRepository members;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    P2pChats(ChatRepository chats, MemberRepository members, TransactionTemplate tx, Clock clock) {
        this.chats = chats;
        this.members = members;
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
        var existing = chats.findP2p(appPk, userPk);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return newTransaction.execute(status -> create(appPk, tenantPk, userPk));
        } catch (DuplicateKeyException raced) {
            return chats.findP2p(appPk, userPk).orElseThrow(() -> raced);
        }
    }

    private Chat create(long appPk, long tenantPk, long userPk) {
        long now = clock.millis();
        var draft = new Chat(
                0,
                "oc_" + Ids.hex(32),
                tenantPk,
                Chat.P2P,
                SettingRules.defaults(),
                null,
                null,
                appPk,
                "normal",
                false,
                0,
                0,
                userPk,
                appPk,
                now,
                now);
        long pk = chats.insert(draft);
        members.insertUsers(pk, List.of(userPk), now);
        members.insertBots(pk, List.of(appPk), now);
        chats.addToCounts(pk, 1, 1);
        return chats.findByPk(pk).orElseThrow();
    }
}
