package dev.larkspur.message.web;

import dev.larkspur.chat.MemberIdType;
import dev.larkspur.message.MessageReads;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /open-apis/im/v1/messages/:message_id/read_users} (spec/message.md §3.9). */
@RestController
class MessageReadsController {
    private final MessageReads reads;

    MessageReadsController(MessageReads reads) {
        this.reads = reads;
    }

    record Item(String userIdType, String userId, String timestamp, String tenantKey) {}

    record Data(List<Item> items, boolean hasMore, String pageToken) {}

    @GetMapping("/open-apis/im/v1/messages/{message_id}/read_users")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message", "im:message:readonly", "im:message:basic"})
    ApiResponse<Data> readUsers(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        var type = MemberIdType.parse(userIdType, false);
        var page = reads.readUsers(caller, messageId, type.userIdType(), pageToken, pageSize);
        var items = page.items().stream()
                .map(r -> new Item(type.wireName(), r.userId(), r.timestamp(), caller.tenantKey()))
                .toList();
        return ApiResponse.success(new Data(items, page.hasMore(), page.pageToken()));
    }
}
