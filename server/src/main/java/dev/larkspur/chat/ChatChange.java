package dev.larkspur.chat;

import dev.larkspur.event.EventBody;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code chat_change} object of {@code im.chat.updated_v1} (spec/group.md §3.3), as its
 * {@code before_change} or {@code after_change}: the fields that changed, each as it was or as it
 * is; a field that did not change is null and left out. So is one that changed from nothing (a
 * first avatar): the stored body has always left out a null value.
 */
record ChatChange(
        String avatar,
        String name,
        String description,
        Map<String, String> i18nNames,
        String addMemberPermission,
        String shareCardPermission,
        String atAllPermission,
        String editPermission,
        String membershipApproval,
        String joinMessageVisibility,
        String leaveMessageVisibility,
        String moderationPermission,
        RestrictedMode restrictedModeSetting,
        String groupMessageType,
        Map<String, Object> ownerId)
        implements EventBody {

    /** No change (settings compared with themselves): written as an empty object. */
    static final ChatChange NONE = of(SettingRules.defaults(), SettingRules.defaults(), null);

    /** {@code s}'s value of each field that differs in {@code other}, and the owner when it changed. */
    static ChatChange of(ChatSettings s, ChatSettings other, Map<String, Object> ownerId) {
        return new ChatChange(
                unlike(s.avatar(), other.avatar()),
                unlike(s.name(), other.name()),
                unlike(s.description(), other.description()),
                unlike(s.i18nNames(), other.i18nNames()),
                unlike(s.addMemberPermission(), other.addMemberPermission()),
                unlike(s.shareCardPermission(), other.shareCardPermission()),
                unlike(s.atAllPermission(), other.atAllPermission()),
                unlike(s.editPermission(), other.editPermission()),
                unlike(s.membershipApproval(), other.membershipApproval()),
                unlike(s.joinMessageVisibility(), other.joinMessageVisibility()),
                unlike(s.leaveMessageVisibility(), other.leaveMessageVisibility()),
                unlike(s.moderationPermission(), other.moderationPermission()),
                unlike(s.restrictedModeSetting(), other.restrictedModeSetting()),
                unlike(s.groupMessageType(), other.groupMessageType()),
                ownerId);
    }

    /** Only the moderation setting, as it was or is. */
    static ChatChange moderation(String permission) {
        return new ChatChange(
                null, null, null, null, null, null, null, null, null, null, null, permission, null, null, null);
    }

    boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The Feishu names of the settings that differ, in the event's field order, and of the settings
     * the event leaves out (chat_type, urgent_setting, video_conference_setting,
     * hide_member_count_setting): the permission rules look at all of them.
     */
    static Set<String> changedFields(ChatSettings before, ChatSettings after) {
        var old = fields(before);
        var changed = new LinkedHashSet<String>();
        fields(after).forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changed.add(field);
            }
        });
        return changed;
    }

    private static Map<String, Object> fields(ChatSettings s) {
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
        m.put("chat_type", s.chatType());
        m.put("urgent_setting", s.urgentSetting());
        m.put("video_conference_setting", s.videoConferenceSetting());
        m.put("hide_member_count_setting", s.hideMemberCountSetting());
        return m;
    }

    private static <T> T unlike(T value, T other) {
        return Objects.equals(value, other) ? null : value;
    }
}
