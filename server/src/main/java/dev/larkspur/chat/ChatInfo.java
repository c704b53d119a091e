package dev.larkspur.chat;

import java.util.List;

/**
 * A chat as one caller may see it: the chat, its owner as a user id of the caller's type (null when
 * a bot owns it), its managers, and whether the caller is a member (non-members see less).
 */
public record ChatInfo(
        Chat chat,
        String ownerId,
        List<String> userManagerIds,
        List<String> botManagerIds,
        boolean callerIsMember,
        String tenantKey) {}
