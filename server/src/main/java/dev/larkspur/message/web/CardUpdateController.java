package dev.larkspur.message.web;

import dev.larkspur.message.cards.CardUpdates;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /open-apis/interactive/v1/card/update}: the answer is {@code {"code":0,"msg":"ok"}}. */
@RestController
class CardUpdateController {
    private final CardUpdates updates;

    CardUpdateController(CardUpdates updates) {
        this.updates = updates;
    }

    record Body(String token, JsonNode card) {}

    @PostMapping("/open-apis/interactive/v1/card/update")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message", "im:message:send_as_bot", "im:message:update"})
    ApiResponse<Void> update(Caller caller, @RequestBody(required = false) Body body) {
        updates.update(caller, body == null ? null : body.token(), body == null ? null : body.card());
        return new ApiResponse<>(0, "ok", null, null);
    }
}
