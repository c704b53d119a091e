package dev.larkspur.chat.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatInfo;
import dev.larkspur.chat.RestrictedMode;
import java.util.List;
import java.util.Map;

/**
 * A chat in the shapes create and get answer with (spec/group.md §2.1, §2.2). Fields Feishu omits
 * (owner when a bot owns the chat; permissions and type for p2p; most fields for non-members) are
 * null and left out. Counts are strings, as Feishu sends them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatView(
        String chatId,
        String avatar,
        String name,
        String description,
        Map<String, String> i18nNames,
        String ownerIdType,
        String ownerId,
        List<String> userManagerIdList,
        List<String> botManagerIdList,
        String urgentSetting,
        String videoConferenceSetting,
        String addMemberPermission,
        String shareCardPermission,
        String atAllPermission,
        String editPermission,
        String groupMessageType,
        String chatMode,
        String chatType,
        String chatTag,
        Boolean external,
        String tenantKey,
        String joinMessageVisibility,
        String leaveMessageVisibility,
        String membershipApproval,
        String moderationPermission,
        RestrictedMode restrictedModeSetting,
        String hideMemberCountSetting,
        String userCount,
        String botCount,
        String chatStatus) {

    /**
     * Larkspur serves no avatar images: a chat's avatar key is kept and answered, and this URL on the
     * reserved {@code .invalid} domain is a stable placeholder that shows the key.
     */
    static String avatarUrl(Chat chat) {
        String key = chat.settings().avatar() == null
                ? "default-avatar"
                : chat.settings().avatar();
        return "https://larkspur.invalid/avatar/" + key;
    }

    static ChatView created(ChatInfo info, String idType) {
        var c = info.chat();
        var s = c.settings();
        return new ChatView(
                c.chatId(),
                avatarUrl(c),
                s.name(),
                s.description(),
                s.i18nNames(),
                info.ownerId() == null ? null : idType,
                info.ownerId(),
                null,
                null,
                s.urgentSetting(),
                s.videoConferenceSetting(),
                s.addMemberPermission(),
                s.shareCardPermission(),
                s.atAllPermission(),
                s.editPermission(),
                s.groupMessageType(),
                c.chatMode(),
                s.chatType(),
                "inner",
                c.external(),
                info.tenantKey(),
                s.joinMessageVisibility(),
                s.leaveMessageVisibility(),
                s.membershipApproval(),
                s.moderationPermission(),
                s.restrictedModeSetting(),
                s.hideMemberCountSetting(),
                null,
                null,
                null);
    }

    static ChatView got(ChatInfo info, String idType) {
        var c = info.chat();
        var s = c.settings();
        if (!info.callerIsMember()) {
            return new ChatView(
                    null,
                    avatarUrl(c),
                    s.name(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    String.valueOf(c.userCount()),
                    String.valueOf(c.botCount()),
                    c.chatStatus());
        }
        boolean p2p = c.isP2p();
        return new ChatView(
                null,
                avatarUrl(c),
                s.name(),
                s.description(),
                s.i18nNames(),
                info.ownerId() == null || p2p ? null : idType,
                p2p ? null : info.ownerId(),
                info.userManagerIds(),
                info.botManagerIds(),
                s.urgentSetting(),
                s.videoConferenceSetting(),
                p2p ? null : s.addMemberPermission(),
                p2p ? null : s.shareCardPermission(),
                p2p ? null : s.atAllPermission(),
                s.editPermission(),
                Chat.GROUP.equals(c.chatMode()) ? s.groupMessageType() : null,
                c.chatMode(),
                p2p ? null : s.chatType(),
                p2p ? null : "inner",
                c.external(),
                info.tenantKey(),
                p2p ? null : s.joinMessageVisibility(),
                p2p ? null : s.leaveMessageVisibility(),
                p2p ? null : s.membershipApproval(),
                s.moderationPermission(),
                s.restrictedModeSetting(),
                s.hideMemberCountSetting(),
                String.valueOf(c.userCount()),
                String.valueOf(c.botCount()),
                c.chatStatus());
    }

    /** An item of the list and search answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String chatId,
            String avatar,
            String name,
            String description,
            String ownerId,
            String ownerIdType,
            boolean external,
            String tenantKey,
            String chatStatus) {
        static Item of(ChatInfo info, String idType) {
            var c = info.chat();
            return new Item(
                    c.chatId(),
                    avatarUrl(c),
                    c.settings().name(),
                    c.settings().description(),
                    info.ownerId(),
                    info.ownerId() == null ? null : idType,
                    c.external(),
                    info.tenantKey(),
                    c.chatStatus());
        }
    }
}
