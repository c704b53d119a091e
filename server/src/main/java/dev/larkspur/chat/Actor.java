package dev.larkspur.chat;

import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;

/**
 * Who performs a chat operation: the bot of a tenant token, or the user of a user token. Feishu's
 * rules (membership, ownership, managers) apply to this actor.
 */
public record Actor(Caller caller) {
    public boolean isUser() {
        return caller.tokenType() == TokenType.USER;
    }

    public long appPk() {
        return caller.appPk();
    }

    /** The acting user's pk; only for user tokens. */
    public long userPk() {
        return caller.userPk();
    }

    public boolean owns(Chat chat) {
        return isUser()
                ? chat.ownerUserPk() != null && chat.ownerUserPk() == userPk()
                : chat.ownerAppPk() != null && chat.ownerAppPk() == appPk();
    }

    /** The creating bot acting with {@code im:chat:operate_as_owner} counts as owner (spec/group.md §1.7). */
    public boolean isCreatorWithOwnerScope(Chat chat) {
        return !isUser()
                && chat.creatorAppPk() != null
                && chat.creatorAppPk() == appPk()
                && caller.hasScope("im:chat:operate_as_owner");
    }
}
