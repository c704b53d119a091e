package dev.larkspur.webhook;

/**
 * A group's custom bot: its public {@code botId} (shaped like an app_id, the only id type the Message
 * object has for a non-person sender), the chat it posts into, the hook token of its URL, and its
 * security settings. {@code secret} is null when signatures are off.
 */
public record CustomBot(
        long pk,
        String botId,
        String chatId,
        String tenantKey,
        String name,
        String hookToken,
        String secret,
        Keywords keywords,
        IpAllowList ipAllowList,
        long createdAt) {

    public boolean signed() {
        return secret != null;
    }
}
