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
 * The one p2p chat between two people of a tenant (issue 17). It is opened on first use and then
 * reused, whoever of the two writes first: the pair is stored in order (smaller row key first) under
 * a unique index, so two first messages racing still share one chat. No bot is a member, so no bot
 * sees it, reads it or hears of it. The Open API (a user token sending to a person) and the web
 * client open it through {@link #open}.
 */
@Service
public class PeopleChats {
    private final ChatRepository chats;
    private final MemberRepository members;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    PeopleChats(ChatRepository chats, MemberRepository members, TransactionTemplate tx, Clock clock) {
        this.chats = chats;
        this.members = members;
        this.newTransaction = new TransactionTemplate(tx.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The chat of two people, if either has written to the other. */
    public Optional<Chat> find(long userPk, long otherUserPk) {
        return chats.findPeople(Math.min(userPk, otherUserPk), Math.max(userPk, otherUserPk));
    }

    /**
     * The chat of two different people of the tenant, created if needed in a transaction of its
     * own: an empty chat is harmless if the caller's transaction later fails, and a lost race is
     * resolved by reading the winner. The caller checks who may write to whom (same tenant, not
     * resigned, not oneself).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Chat open(long tenantPk, long userPk, long otherUserPk) {
        if (userPk == otherUserPk) {
            throw new IllegalArgumentException("a p2p chat needs two people");
        }
        var existing = find(userPk, otherUserPk);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return newTransaction.execute(status -> create(tenantPk, userPk, otherUserPk));
        } catch (DuplicateKeyException raced) {
            return find(userPk, otherUserPk).orElseThrow(() -> raced);
        }
    }

    private Chat create(long tenantPk, long userPk, long otherUserPk) {
        long now = clock.millis();
        var draft = Chat.newPeopleP2p(tenantPk, userPk, otherUserPk, now);
        long pk = chats.insert(draft);
        members.insertUsers(pk, List.of(Math.min(userPk, otherUserPk), Math.max(userPk, otherUserPk)), now);
        chats.addToCounts(pk, 2, 0);
        return chats.findByPk(pk).orElseThrow();
    }
}
