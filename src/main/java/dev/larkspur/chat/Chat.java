package dev.larkspur.chat;

/**
 * A chat as stored. The owner is either a user ({@code ownerUserPk}) or a bot ({@code ownerAppPk});
 * p2p chats carry their pair instead. {@code *Pk} fields are internal keys.
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
        long createdAt,
        long lastActiveAt) {

    public static final String GROUP = "group";
    public static final String TOPIC = "topic";
    public static final String P2P = "p2p";

    public boolean isP2p() {
        return P2P.equals(chatMode);
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
                createdAt,
                lastActiveAt);
    }
}
