package dev.larkspur.chat.web;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatTopNotices;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/chats/:chat_id/top_notice/put_top_notice} and {@code /delete_top_notice}. */
@RestController
@RequestMapping("/open-apis/im/v1/chats/{chat_id}/top_notice")
class ChatTopNoticeController {
    private final ChatTopNotices notices;

    ChatTopNoticeController(ChatTopNotices notices) {
        this.notices = notices;
    }

    record NoticeBody(String actionType, String messageId) {}

    record PutBody(List<NoticeBody> chatTopNotice) {}

    @PostMapping("/put_top_notice")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.top_notice:write_only"})
    ApiResponse<Map<String, Object>> put(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) PutBody body) {
        var requested = body == null || body.chatTopNotice() == null
                ? null
                : body.chatTopNotice().stream()
                        .map(n -> n == null ? null : new ChatTopNotices.TopNotice(n.actionType(), n.messageId()))
                        .toList();
        notices.put(new Actor(caller), chatId, requested);
        return ApiResponse.empty();
    }

    /** No body is defined; whatever the client sends (nothing, empty, {@code {}}) is ignored. */
    @PostMapping("/delete_top_notice")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.top_notice:write_only"})
    ApiResponse<Map<String, Object>> delete(Caller caller, @PathVariable("chat_id") String chatId) {
        notices.delete(new Actor(caller), chatId);
        return ApiResponse.empty();
    }
}
