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
        RestrictedMode restrictedModeSetting) {

    /** A patch: the fields it names change, every other one is null and stays as it is. */
    public static Patch patch() {
        return new Patch();
    }

    /** Builds a patch of a few named fields, for callers that set only those. */
    public static final class Patch {
        private String name;
        private String description;
        private String addMemberPermission;
        private String shareCardPermission;
        private String atAllPermission;
        private String editPermission;

        private Patch() {}

        public Patch name(String name) {
            this.name = name;
            return this;
        }

        public Patch description(String description) {
            this.description = description;
            return this;
        }

        /** Who may add members and whether the group card may be shared: Feishu sets the two together. */
        public Patch memberPermissions(String addMemberPermission, String shareCardPermission) {
            this.addMemberPermission = addMemberPermission;
            this.shareCardPermission = shareCardPermission;
            return this;
        }

        public Patch atAllPermission(String atAllPermission) {
            this.atAllPermission = atAllPermission;
            return this;
        }

        public Patch editPermission(String editPermission) {
            this.editPermission = editPermission;
            return this;
        }

        public ChatSettings build() {
            return new ChatSettings(
                    name,
                    description,
                    null,
                    null,
                    null,
                    addMemberPermission,
                    shareCardPermission,
                    atAllPermission,
                    editPermission,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }
}
