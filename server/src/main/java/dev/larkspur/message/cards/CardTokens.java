package dev.larkspur.message.cards;

import dev.larkspur.message.internal.CardRepository;
import dev.larkspur.message.internal.CardRepository.CardToken;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens for the delayed card update (spec/message.md §3.18). The card-callback code issues one
 * with each interaction it delivers; a token lives 30 minutes and updates its card at most twice.
 */
@Service
public class CardTokens {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final int MAX_USES = 2;
    private static final String PREFIX = "c-";

    private final CardRepository cards;
    private final Clock clock;

    CardTokens(CardRepository cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    /** A new token for an interaction with card message {@code messagePk}, sent by app {@code appPk}. */
    @Transactional
    public String issue(long messagePk, long appPk) {
        String token = PREFIX + Ids.hex(40);
        long now = clock.millis();
        cards.insert(token, messagePk, appPk, now, now + LIFETIME.toMillis());
        return token;
    }

    /** The caller's live token with a use left; spending the use is {@link #spend}'s. */
    CardToken check(Caller caller, String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() == PREFIX.length()) {
            throw CardErrors.tokenFormat();
        }
        var found = cards.find(token).orElseThrow(CardErrors::tokenExpired);
        if (found.appPk() != caller.appPk()) {
            throw CardErrors.otherApp();
        }
        if (clock.millis() >= found.expiresAt()) {
            throw CardErrors.tokenExpired();
        }
        if (found.uses() >= MAX_USES) {
            throw CardErrors.tokenUsedUp();
        }
        return found;
    }

    /** Spends one use; a concurrent update may have taken the last one since {@link #check}. */
    void spend(CardToken token) {
        if (!cards.use(token.token(), MAX_USES)) {
            throw CardErrors.tokenUsedUp();
        }
    }
}
