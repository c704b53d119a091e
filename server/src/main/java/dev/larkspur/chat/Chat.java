package dev.larkspur.chat;

import dev.larkspur.platform.Ids;

/**
 * A chat as stored. The owner is either a user ({@code ownerUserPk}) or a bot ({@code ownerAppPk});
 * p2p chats carry their pair instead: a person and a bot ({@code p2pUserPk}, {@code p2pAppPk}), or
 * two people ({@code p2pUserPk} below {@code p2pPeerUserPk}, no app). {@code *Pk} fields are
 * internal keys.
 */
public record Chat(
        long pk,
        String chatId,
        long tenantPk,
        String chatMode,
        ChatSettings settings,
        Long ownerUserPk,
        Long ownerAppPk,
        Long creatorAppPk,
        String chatStatus,
        boolean external,
        int userCount,
        int botCount,
        Long p2pUserPk,
        Long p2pAppPk,
        Long p2pPeerUserPk,
        long createdAt,
        long lastActiveAt) {

    public static final String GROUP = "group";
    public static final String TOPIC = "topic";
    public static final String P2P = "p2p";

    /** A new group chat, not yet stored (no key, no members counted), with a fresh chat id. */
    public static Chat newGroup(
            long tenantPk, ChatSettings settings, Long ownerUserPk, Long ownerAppPk, long creatorAppPk, long now) {
        return draft(tenantPk, GROUP, settings, ownerUserPk, ownerAppPk, creatorAppPk, null, null, null, now);
    }

    /** A new p2p chat of a bot and a person, not yet stored. */
    public static Chat newBotP2p(long tenantPk, long appPk, long userPk, long now) {
        return draft(tenantPk, P2P, SettingRules.defaults(), null, null, appPk, userPk, appPk, null, now);
    }

    /**
     * A new p2p chat of two people, not yet stored: the smaller user key is the chat's user and the
     * larger its peer, so that the pair index gives two people one chat.
     */
    public static Chat newPeopleP2p(long tenantPk, long userPk, long otherUserPk, long now) {
        long lower = Math.min(userPk, otherUserPk);
        long higher = Math.max(userPk, otherUserPk);
        return draft(tenantPk, P2P, SettingRules.defaults(), null, null, null, lower, null, higher, now);
    }

    private static Chat draft(
            long tenantPk,
            String chatMode,
            ChatSettings settings,
            Long ownerUserPk,
            Long ownerAppPk,
            Long creatorAppPk,
            Long p2pUserPk,
            Long p2pAppPk,
            Long p2pPeerUserPk,
            long now) {
        return new Chat(
                0,
                "oc_" + Ids.hex(32),
                tenantPk,
                chatMode,
                settings,
                ownerUserPk,
                ownerAppPk,
                creatorAppPk,
                "normal",
                false,
                0,
                0,
                p2pUserPk,
                p2pAppPk,
                p2pPeerUserPk,
                now,
                now);
    }

    public boolean isP2p() {
        return P2P.equals(chatMode);
    }

    /** A p2p chat between two people: no bot is in it, sees it or hears of it. */
    public boolean isPeopleChat() {
        return isP2p() && p2pPeerUserPk != null;
    }

    public boolean isPublic() {
        return "public".equals(settings.chatType());
    }

    public boolean isDissolved() {
        return !"normal".equals(chatStatus);
    }

    public Chat withSettings(ChatSettings next) {
        return new Chat(
                pk,
                chatId,
                tenantPk,
                chatMode,
                next,
                ownerUserPk,
                ownerAppPk,
                creatorAppPk,
                chatStatus,
                external,
                userCount,
                botCount,
                p2pUserPk,
                p2pAppPk,
                p2pPeerUserPk,
                createdAt,
                lastActiveAt);
    }

    public Chat withOwner(Long userPk, Long appPk) {
        return new Chat(
                pk,
                chatId,
                tenantPk,
                chatMode,
                settings,
                userPk,
                appPk,
                creatorAppPk,
                chatStatus,
                external,
                userCount,
                botCount,
                p2pUserPk,
                p2pAppPk,
                p2pPeerUserPk,
                createdAt,
                lastActiveAt);
    }
}
