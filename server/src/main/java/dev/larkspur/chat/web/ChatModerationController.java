package dev.larkspur.chat.web;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatModeration;
import dev.larkspur.chat.MemberIdType;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/chats/:chat_id/moderation}. */
@RestController
@RequestMapping("/open-apis/im/v1/chats/{chat_id}/moderation")
class ChatModerationController {
    private final ChatModeration moderation;

    ChatModerationController(ChatModeration moderation) {
        this.moderation = moderation;
    }

    /** {@code items} is left out unless the chat is in moderator_list mode. */
    record ModerationData(String moderationSetting, String pageToken, boolean hasMore, List<Item> items) {}

    record Item(String userIdType, String userId, String tenantKey) {}

    record ModerationBody(
            String moderationSetting, List<String> moderatorAddedList, List<String> moderatorRemovedList) {}

    @GetMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.moderation:read", "im:chat:readonly"})
    ApiResponse<ModerationData> get(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        var type = MemberIdType.userIds(userIdType);
        var page = moderation.get(new Actor(caller), chatId, type, pageToken, pageSize);
        var items = page.items() == null
                ? null
                : page.items().stream()
                        .map(m -> new Item(type.wireName(), m.userId(), m.tenantKey()))
                        .toList();
        return ApiResponse.success(
                new ModerationData(page.moderationSetting(), page.pageToken(), page.hasMore(), items));
    }

    @PutMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:moderation:write_only"})
    ApiResponse<Map<String, Object>> update(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestBody(required = false) ModerationBody body) {
        var b = body == null ? new ModerationBody(null, null, null) : body;
        moderation.update(
                new Actor(caller),
                chatId,
                MemberIdType.userIds(userIdType),
                new ChatModeration.ModerationChange(
                        b.moderationSetting(), b.moderatorAddedList(), b.moderatorRemovedList()));
        return ApiResponse.empty();
    }
}
