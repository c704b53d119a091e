package dev.larkspur.chat;

import dev.larkspur.directory.UserIdType;
import dev.larkspur.platform.FeishuException;
import java.util.List;

/** The chat domain's Feishu codes and messages (spec/group.md §4); all HTTP 400. */
public final class ChatErrors {
    private ChatErrors() {}

    public static FeishuException of(int code, String msg) {
        return new FeishuException(code, msg, 400);
    }

    public static FeishuException invalidParam(String detail) {
        return of(232001, "Your request contains an invalid request parameter, ext=" + detail);
    }

    public static FeishuException editOnlyOwner() {
        return of(
                232002, "No Permission: Only chat owner or admin can edit chat information in the current situation.");
    }

    public static FeishuException invalidChatId() {
        return of(232006, "Your request specifies a chat_id which is invalid.");
    }

    public static FeishuException chatTypeNotSupported() {
        return of(232008, "Your request specifies a chat whose type is NOT supported currently.");
    }

    public static FeishuException dissolved() {
        return of(232009, "Your request specifies a chat which has already been dissolved.");
    }

    public static FeishuException otherTenant() {
        return of(232010, "Operator and chat can NOT be in different tenants.");
    }

    public static FeishuException notInChat() {
        return of(232011, "Operator can NOT be out of the chat.");
    }

    public static FeishuException newOwnerNotInChat() {
        return of(232012, "New chat owner can NOT be out of the chat.");
    }

    public static FeishuException memberLimit() {
        return of(232013, "You have reached the limit of maximum number of members a chat can have.");
    }

    public static FeishuException tokenLacksPermission() {
        return of(
                232014,
                "The token used in the request does NOT have the permissions necessary to complete the request.");
    }

    public static FeishuException badIdType() {
        return of(232015, "Your request specifies a member_id_type which is NOT supported.");
    }

    public static FeishuException memberEditsLimited() {
        return of(232016, "Non-chat-owner or Non-chat-admin can only edit certain parts.");
    }

    public static FeishuException notOwnerOrCreator() {
        return of(
                232017,
                "No Permission: If the operator is NOT owner or creator with the scope, the operator can NOT complete the request.");
    }

    public static FeishuException publicNameTooShort() {
        return of(232020, "Name can NOT be less than two characters for public chats.");
    }

    public static FeishuException botNotFound() {
        return of(232021, "Bot can NOT be found.");
    }

    public static FeishuException botAbilityOff() {
        return of(232025, "Bot ability is not activated.");
    }

    public static FeishuException noValidMembers() {
        return of(232027, "There are no valid members in the ID list specified in your request.");
    }

    public static FeishuException noOwnerCandidate() {
        return of(232029, "There are no available candidates for chat owner.");
    }

    public static FeishuException invalidOwnerId() {
        return of(232035, "Your request specifies an owner_id which is invalid.");
    }

    public static FeishuException notOwner() {
        return of(232038, "The operator is not chat owner, no permission to complete the request.");
    }

    public static FeishuException managerLimit() {
        return of(232040, "The chat managers has reached the limit of maximum number.");
    }

    public static FeishuException publicNameEmpty() {
        return of(232042, "Public group chat's name should not be empty.");
    }

    public static FeishuException unavailableIds(String detail) {
        return of(232043, "Your request contains unavailable ids, ext=" + detail);
    }

    public static FeishuException beingCreated() {
        return of(232068, "The group is being created, please wait a moment.");
    }

    public static FeishuException needsApproval() {
        return of(232075, "The public group needs to apply to join, please apply to join the group first.");
    }

    /** Feishu names the id type in the text; user and union ids share one. */
    public static FeishuException idsNotExisted(UserIdType type, List<String> ids) {
        return switch (type) {
            case OPEN_ID -> of(99992351, "these open ids not existed: " + ids);
            case USER_ID -> of(99992360, "these ids not existed: " + ids);
            case UNION_ID -> of(99992364, "these ids not existed: " + ids);
        };
    }

    public static FeishuException announcementUpdateFailed(String detail) {
        return of(232018, "Updating announcement failed, ext=" + detail);
    }

    public static FeishuException p2pShareLink() {
        return of(232062, "P2P chat cannot be share link.");
    }

    public static FeishuException shareLinkNeedsPrivilege() {
        return of(232064, "The operator is not a group owner or administrator, no permission to share chat link.");
    }

    public static FeishuException cannotKickOwner() {
        return of(232076, "Can't kick chat owner.");
    }
}
