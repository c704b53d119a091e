package dev.larkspur.chat;

import java.util.Map;
import java.util.Set;

/**
 * Validation of chat settings: the enum values of spec/group.md §1.6, the coupling of
 * {@code add_member_permission} and {@code share_card_permission}, restricted mode consistency and
 * public-chat name rules. Each failure names its Feishu code.
 */
final class SettingRules {
    static final Set<String> OWNER_OR_ALL = Set.of("only_owner", "all_members");
    static final Set<String> VISIBILITY = Set.of("only_owner", "all_members", "not_anyone");
    static final Set<String> CHAT_TYPES = Set.of("private", "public");

    private SettingRules() {}

    static ChatSettings defaults() {
        return new ChatSettings(
                null,
                "",
                null,
                null,
                "private",
                "all_members",
                "allowed",
                "all_members",
                "all_members",
                "chat",
                "all_members",
                "all_members",
                "no_approval_required",
                "all_members",
                "all_members",
                "all_members",
                "all_members",
                RestrictedMode.OFF);
    }

    /** Overlays the given fields (non-null ones) on {@code base}, then validates the result. */
    static ChatSettings merge(ChatSettings base, ChatSettings patch) {
        String add = pick(patch.addMemberPermission(), base.addMemberPermission());
        String share = pick(patch.shareCardPermission(), base.shareCardPermission());
        // The two move together (spec/group.md §1.6): setting one sets the other.
        if (patch.addMemberPermission() != null && patch.shareCardPermission() == null) {
            share = add.equals("only_owner") ? "not_allowed" : "allowed";
        } else if (patch.shareCardPermission() != null && patch.addMemberPermission() == null) {
            add = share.equals("not_allowed") ? "only_owner" : "all_members";
        }
        var merged = new ChatSettings(
                pick(patch.name(), base.name()),
                pick(patch.description(), base.description()),
                pickMap(patch.i18nNames(), base.i18nNames()),
                pick(patch.avatar(), base.avatar()),
                pick(patch.chatType(), base.chatType()),
                add,
                share,
                pick(patch.atAllPermission(), base.atAllPermission()),
                pick(patch.editPermission(), base.editPermission()),
                pick(patch.groupMessageType(), base.groupMessageType()),
                pick(patch.joinMessageVisibility(), base.joinMessageVisibility()),
                pick(patch.leaveMessageVisibility(), base.leaveMessageVisibility()),
                pick(patch.membershipApproval(), base.membershipApproval()),
                pick(patch.moderationPermission(), base.moderationPermission()),
                pick(patch.urgentSetting(), base.urgentSetting()),
                pick(patch.videoConferenceSetting(), base.videoConferenceSetting()),
                pick(patch.hideMemberCountSetting(), base.hideMemberCountSetting()),
                patch.restrictedModeSetting() == null
                        ? base.restrictedModeSetting()
                        : withDefaults(patch.restrictedModeSetting()));
        validate(merged);
        return merged;
    }

    static void validate(ChatSettings s) {
        oneOf("chat_type", s.chatType(), CHAT_TYPES);
        oneOf("add_member_permission", s.addMemberPermission(), OWNER_OR_ALL);
        oneOf("share_card_permission", s.shareCardPermission(), Set.of("allowed", "not_allowed"));
        oneOf("at_all_permission", s.atAllPermission(), OWNER_OR_ALL);
        oneOf("edit_permission", s.editPermission(), OWNER_OR_ALL);
        oneOf("group_message_type", s.groupMessageType(), Set.of("chat", "thread"));
        oneOf("join_message_visibility", s.joinMessageVisibility(), VISIBILITY);
        oneOf("leave_message_visibility", s.leaveMessageVisibility(), VISIBILITY);
        oneOf("membership_approval", s.membershipApproval(), Set.of("no_approval_required", "approval_required"));
        oneOf("moderation_permission", s.moderationPermission(), Set.of("only_owner", "all_members", "moderator_list"));
        oneOf("urgent_setting", s.urgentSetting(), OWNER_OR_ALL);
        oneOf("video_conference_setting", s.videoConferenceSetting(), OWNER_OR_ALL);
        oneOf("hide_member_count_setting", s.hideMemberCountSetting(), Set.of("all_members", "only_owner"));
        boolean ownerOnlyAdds = s.addMemberPermission().equals("only_owner");
        if (ownerOnlyAdds != s.shareCardPermission().equals("not_allowed")) {
            throw ChatErrors.invalidParam(
                    "add_member_permission and share_card_permission must be only_owner/not_allowed or all_members/allowed");
        }
        var r = s.restrictedModeSetting();
        var restricted = java.util.List.of(
                r.screenshotHasPermissionSetting(), r.downloadHasPermissionSetting(), r.messageHasPermissionSetting());
        for (String v : restricted) {
            oneOf("restricted_mode_setting", v, Set.of("all_members", "not_anyone"));
        }
        if (r.status() != restricted.contains("not_anyone")) {
            throw ChatErrors.invalidParam(
                    r.status()
                            ? "restricted mode needs at least one setting to be not_anyone"
                            : "restricted mode is off, so no setting may be not_anyone");
        }
        if (s.chatType().equals("public")) {
            if (s.name() == null || s.name().isBlank()) {
                throw ChatErrors.publicNameEmpty();
            }
            if (s.name().strip().codePointCount(0, s.name().strip().length()) < 2) {
                throw ChatErrors.publicNameTooShort();
            }
        }
        if (s.name() != null && s.name().length() > 255) {
            throw ChatErrors.invalidParam("name is too long");
        }
        if (s.description() != null && s.description().length() > 1024) {
            throw ChatErrors.invalidParam("description is too long");
        }
    }

    private static RestrictedMode withDefaults(RestrictedMode r) {
        return new RestrictedMode(
                r.status(),
                pick(r.screenshotHasPermissionSetting(), "all_members"),
                pick(r.downloadHasPermissionSetting(), "all_members"),
                pick(r.messageHasPermissionSetting(), "all_members"));
    }

    private static void oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ChatErrors.invalidParam("invalid " + field + ": " + value);
        }
    }

    private static String pick(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static Map<String, String> pickMap(Map<String, String> value, Map<String, String> fallback) {
        return value != null ? value : fallback;
    }
}
