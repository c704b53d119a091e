package dev.larkspur.chat.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatShareLinks;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /open-apis/im/v1/chats/:chat_id/link}: a share link to the chat. */
@RestController
class ChatLinkController {
    private final ChatShareLinks links;

    ChatLinkController(ChatShareLinks links) {
        this.links = links;
    }

    record LinkBody(String validityPeriod) {}

    /** {@code expire_time} is a string of unix seconds, as Feishu sends it. */
    record LinkData(String shareLink, String expireTime, @JsonProperty("is_permanent") boolean isPermanent) {}

    @PostMapping("/open-apis/im/v1/chats/{chat_id}/link")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:read", "im:chat:readonly"})
    ApiResponse<LinkData> link(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) LinkBody body) {
        var link = links.create(new Actor(caller), chatId, body == null ? null : body.validityPeriod());
        return ApiResponse.success(new LinkData(link.shareLink(), String.valueOf(link.expireTime()), link.permanent()));
    }
}
