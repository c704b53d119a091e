package dev.larkspur.chat.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.chat.Actor;
import dev.larkspur.chat.legacy.LegacyChats;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deprecated v4 group APIs, as the Feishu doc pages "获取群信息" ({@code
 * /ukTMukTMukTM/uMTO5QjLzkTO04yM5kDN}) and "机器人进群" ({@code /ukTMukTMukTM/uYDO04iN4QjL2gDN})
 * describe them: tenant tokens only, no scope named, {@code "msg":"ok"} on success. The v4 info
 * shape predates im/v1, so settings are mapped to its booleans and its {@code all/owner} words.
 */
@RestController
class LegacyChatController {
    private final LegacyChats legacy;

    LegacyChatController(LegacyChats legacy) {
        this.legacy = legacy;
    }

    record AddBotBody(String chatId) {}

    record Member(String openId, String userId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InfoData(
            String chatId,
            String type,
            String name,
            String description,
            String avatar,
            Map<String, String> i18nNames,
            List<Member> members,
            String ownerUserId,
            String ownerOpenId,
            boolean onlyOwnerEdit,
            boolean onlyOwnerAdd,
            boolean shareAllowed,
            boolean addMemberVerify,
            boolean onlyOwnerAtAll,
            String sendMessagePermission,
            String joinMessageVisibility,
            String leaveMessageVisibility,
            boolean groupEmailEnabled,
            String sendGroupEmailPermission) {}

    /**
     * The scopes of im/v1's chat get, which this older call answers in its own shape. Some old
     * clients spell the path with a trailing slash; the platform serves both (TrailingSlashConfig).
     */
    @GetMapping("/open-apis/chat/v4/info")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", "im:chat:read", "im:chat:readonly"})
    ApiResponse<InfoData> info(Caller caller, @RequestParam(name = "chat_id", required = false) String chatId) {
        var info = legacy.info(new Actor(caller), chatId);
        var c = info.chat();
        var s = c.settings();
        var owner = info.owner();
        return new ApiResponse<>(
                0,
                "ok",
                new InfoData(
                        c.chatId(),
                        c.isP2p() ? "p2p" : "group",
                        c.isP2p() ? null : s.name(),
                        s.description(),
                        ChatView.avatarUrl(c),
                        s.i18nNames() == null || s.i18nNames().isEmpty() ? null : s.i18nNames(),
                        info.members().stream()
                                .map(m -> new Member(m.openId(), m.userId()))
                                .toList(),
                        owner == null ? null : owner.userId(),
                        owner == null ? null : owner.openId(),
                        "only_owner".equals(s.editPermission()),
                        "only_owner".equals(s.addMemberPermission()),
                        "allowed".equals(s.shareCardPermission()),
                        "approval_required".equals(s.membershipApproval()),
                        "only_owner".equals(s.atAllPermission()),
                        sendMessagePermission(s.moderationPermission()),
                        visibility(s.joinMessageVisibility()),
                        visibility(s.leaveMessageVisibility()),
                        false,
                        // Group email is not modelled; this is the value the doc's example shows.
                        "tenant_member"),
                null);
    }

    /** The scopes of im/v1's member add, which this older call does for the calling bot. */
    @PostMapping("/open-apis/bot/v4/add")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", "im:chat.members:write_only"})
    ApiResponse<Void> addBot(Caller caller, @RequestBody(required = false) AddBotBody body) {
        legacy.addBot(new Actor(caller), body == null ? null : body.chatId());
        return new ApiResponse<>(0, "ok", null, null);
    }

    private static String sendMessagePermission(String moderation) {
        return switch (moderation) {
            case "only_owner" -> "owner";
            case "moderator_list" -> "selected_member";
            default -> "all";
        };
    }

    private static String visibility(String value) {
        return switch (value) {
            case "only_owner" -> "owner";
            case "not_anyone" -> "not_anyone";
            default -> "all";
        };
    }
}
