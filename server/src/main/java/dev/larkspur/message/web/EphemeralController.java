package dev.larkspur.message.web;

import dev.larkspur.message.legacy.EphemeralCards;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /open-apis/ephemeral/v1/send} and {@code …/delete}; no SDK has typed methods for them. */
@RestController
@RequestMapping("/open-apis/ephemeral/v1")
class EphemeralController {
    private static final String MESSAGE = "im:message";
    private static final String SEND_AS_BOT = "im:message:send_as_bot";
    private static final String UPDATE = "im:message:update";

    private final EphemeralCards cards;

    EphemeralController(EphemeralCards cards) {
        this.cards = cards;
    }

    record SendBody(String chatId, String openId, String userId, String email, String msgType, JsonNode card) {}

    record DeleteBody(String messageId) {}

    record Sent(String messageId) {}

    @PostMapping("/send")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MESSAGE, SEND_AS_BOT, UPDATE})
    ApiResponse<Sent> send(Caller caller, @RequestBody(required = false) SendBody body) {
        var b = body == null ? new SendBody(null, null, null, null, null, null) : body;
        String messageId = cards.send(
                caller,
                b.chatId(),
                new EphemeralCards.Viewer(b.openId(), b.userId(), b.email()),
                b.msgType(),
                b.card());
        return new ApiResponse<>(0, "ok", new Sent(messageId), null);
    }

    @PostMapping("/delete")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MESSAGE, SEND_AS_BOT, UPDATE})
    ApiResponse<Void> delete(Caller caller, @RequestBody(required = false) DeleteBody body) {
        cards.delete(caller, body == null ? null : body.messageId());
        return new ApiResponse<>(0, "ok", null, null);
    }
}
