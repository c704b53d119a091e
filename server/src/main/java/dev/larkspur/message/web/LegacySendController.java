package dev.larkspur.message.web;

import dev.larkspur.message.legacy.LegacySending;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /open-apis/message/v4/send/}, chyroc/lark's {@code SendRawMessageOld}. Its doc names
 * one permission, "以应用的身份发消息" ({@code im:message:send_as_bot}); {@code im:message:send} is
 * accepted too, as the older name the im/v1 send also takes. The answer is only the message id.
 */
@RestController
class LegacySendController {
    private final LegacySending sending;

    LegacySendController(LegacySending sending) {
        this.sending = sending;
    }

    record Body(
            String chatId,
            String openId,
            String userId,
            String email,
            String rootId,
            String msgType,
            JsonNode content,
            JsonNode card,
            Boolean updateMulti) {}

    record Sent(String messageId) {}

    @PostMapping("/open-apis/message/v4/send")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message:send_as_bot", "im:message:send"})
    ApiResponse<Sent> send(Caller caller, @RequestBody(required = false) Body body) {
        var b = body == null ? new Body(null, null, null, null, null, null, null, null, null) : body;
        var message = sending.send(
                caller,
                new LegacySending.LegacyDraft(
                        b.chatId(),
                        b.openId(),
                        b.userId(),
                        b.email(),
                        b.rootId(),
                        b.msgType(),
                        b.content(),
                        b.card(),
                        Boolean.TRUE.equals(b.updateMulti())));
        return new ApiResponse<>(0, "ok", new Sent(message.messageId()), null);
    }
}
