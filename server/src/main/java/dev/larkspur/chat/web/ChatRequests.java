package dev.larkspur.chat.web;

import dev.larkspur.chat.ChatSettings;
import dev.larkspur.chat.RestrictedMode;
import java.util.List;
import java.util.Map;

/** Bodies of the chat endpoints; unknown fields (labels, toolkit_ids, …) are ignored. */
final class ChatRequests {
    private ChatRequests() {}

    record ChatBody(
            String avatar,
            String name,
            String description,
            Map<String, String> i18nNames,
            String ownerId,
            List<String> userIdList,
            List<String> botIdList,
            String groupMessageType,
            String chatMode,
            String chatType,
            String addMemberPermission,
            String shareCardPermission,
            String atAllPermission,
            String editPermission,
            String joinMessageVisibility,
            String leaveMessageVisibility,
            String membershipApproval,
            RestrictedMode restrictedModeSetting,
            String urgentSetting,
            String videoConferenceSetting,
            String hideMemberCountSetting) {

        static final ChatBody EMPTY = new ChatBody(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);

        ChatSettings settings() {
            return new ChatSettings(
                    name,
                    description,
                    i18nNames,
                    avatar,
                    chatType,
                    addMemberPermission,
                    shareCardPermission,
                    atAllPermission,
                    editPermission,
                    groupMessageType,
                    joinMessageVisibility,
                    leaveMessageVisibility,
                    membershipApproval,
                    null,
                    urgentSetting,
                    videoConferenceSetting,
                    hideMemberCountSetting,
                    restrictedModeSetting);
        }
    }

    record IdListBody(List<String> idList) {}

    record ManagersBody(List<String> managerIds) {}
}
