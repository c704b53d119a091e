package dev.larkspur.chat;

import java.util.Map;

/**
 * The settable part of a chat, as create and update take it. Values are Feishu's enum strings
 * (spec/group.md §1.6); the defaults are those a chat created without them gets.
 */
public record ChatSettings(
        String name,
        String description,
        Map<String, String> i18nNames,
        String avatar,
        String chatType,
        String addMemberPermission,
        String shareCardPermission,
        String atAllPermission,
        String editPermission,
        String groupMessageType,
        String joinMessageVisibility,
        String leaveMessageVisibility,
        String membershipApproval,
        String moderationPermission,
        String urgentSetting,
        String videoConferenceSetting,
        String hideMemberCountSetting,
        RestrictedMode restrictedModeSetting) {}
