package dev.larkspur.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code chat_change} object of {@code im.chat.updated_v1} (spec/group.md §3.3), as a map to diff. */
final class ChatChange {
    static final java.util.Set<String> NOT_IN_EVENT =
            java.util.Set.of("chat_type", "urgent_setting", "video_conference_setting", "hide_member_count_setting");

    private ChatChange() {}

    static Map<String, Object> of(ChatSettings s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("avatar", s.avatar());
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("i18n_names", s.i18nNames());
        m.put("add_member_permission", s.addMemberPermission());
        m.put("share_card_permission", s.shareCardPermission());
        m.put("at_all_permission", s.atAllPermission());
        m.put("edit_permission", s.editPermission());
        m.put("membership_approval", s.membershipApproval());
        m.put("join_message_visibility", s.joinMessageVisibility());
        m.put("leave_message_visibility", s.leaveMessageVisibility());
        m.put("moderation_permission", s.moderationPermission());
        m.put("restricted_mode_setting", s.restrictedModeSetting());
        m.put("group_message_type", s.groupMessageType());
        // Not part of chat_change: compared for the permission rules, left out of the event.
        m.put("chat_type", s.chatType());
        m.put("urgent_setting", s.urgentSetting());
        m.put("video_conference_setting", s.videoConferenceSetting());
        m.put("hide_member_count_setting", s.hideMemberCountSetting());
        return m;
    }
}
