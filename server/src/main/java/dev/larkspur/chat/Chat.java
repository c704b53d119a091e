package dev.larkspur.chat;

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
