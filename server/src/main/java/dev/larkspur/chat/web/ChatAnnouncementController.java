package dev.larkspur.chat.web;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAnnouncements;
import dev.larkspur.chat.MemberIdType;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/chats/:chat_id/announcement}: the legacy doc announcement. */
@RestController
@RequestMapping("/open-apis/im/v1/chats/{chat_id}/announcement")
class ChatAnnouncementController {
    private final ChatAnnouncements announcements;

    ChatAnnouncementController(ChatAnnouncements announcements) {
        this.announcements = announcements;
    }

    /** Every field is a string on the wire, the revision and the unix-second times included. */
    record AnnouncementData(
            String content,
            String revision,
            String createTime,
            String updateTime,
            String ownerIdType,
            String ownerId,
            String modifierIdType,
            String modifierId) {}

    record PatchBody(String revision, List<String> requests) {}

    @GetMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.announcement:read", "im:chat:readonly"})
    ApiResponse<AnnouncementData> get(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id_type", required = false) String userIdType) {
        var a = announcements.get(new Actor(caller), chatId, MemberIdType.userIds(userIdType));
        return ApiResponse.success(new AnnouncementData(
                a.content(),
                String.valueOf(a.revision()),
                String.valueOf(a.createTime()),
                String.valueOf(a.updateTime()),
                a.ownerIdType(),
                a.ownerId(),
                a.modifierIdType(),
                a.modifierId()));
    }

    @PatchMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.announcement:write_only"})
    ApiResponse<Map<String, Object>> patch(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) PatchBody body) {
        var b = body == null ? new PatchBody(null, null) : body;
        announcements.patch(new Actor(caller), chatId, b.revision(), b.requests());
        return ApiResponse.empty();
    }
}
