package dev.larkspur.message.cards;

import dev.larkspur.message.legacy.LegacyErrors;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;

/**
 * The codes of the delayed card update (spec/message.md §3.18). Its page gives them in Chinese only,
 * so the messages here are English renderings; like the other v4-era APIs it answers errors with
 * HTTP 200.
 */
final class CardErrors {
    private CardErrors() {}

    static FeishuException cardParam(String detail) {
        return FeishuErrors.legacyCardParam(detail);
    }

    static FeishuException cardFormat(String detail) {
        return LegacyErrors.of(11311, "card format is invalid, ext=" + detail);
    }

    static FeishuException recalled() {
        return LegacyErrors.of(200000, "the card message has been recalled");
    }

    static FeishuException otherApp() {
        return LegacyErrors.of(200310, "cards sent by other apps cannot be updated");
    }

    static FeishuException badOpenIds() {
        return LegacyErrors.of(200320, "open_ids of the non-shared card are invalid");
    }

    static FeishuException tokenFormat() {
        return LegacyErrors.of(300020, "the token format is invalid, a c-… token from a card callback is expected");
    }

    static FeishuException tokenExpired() {
        return LegacyErrors.of(300030, "the token is invalid or has expired (tokens live 30 minutes)");
    }

    static FeishuException tokenUsedUp() {
        return LegacyErrors.of(300040, "the token has been used the maximum number of times (2)");
    }

    static FeishuException openIdsRequired() {
        return LegacyErrors.of(300090, "open_ids is required to update a non-shared card");
    }
}
