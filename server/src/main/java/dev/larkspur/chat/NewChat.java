package dev.larkspur.chat;

import java.util.List;

/** A create-chat request: settings plus owner and initial members, ids in {@code userIdType}. */
public record NewChat(
        ChatSettings settings,
        String chatMode,
        String ownerId,
        List<String> userIdList,
        List<String> botIdList,
        boolean setBotManager,
        String uuid) {}
