package dev.larkspur.message.web;

import dev.larkspur.message.followups.FollowUps;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /open-apis/im/v1/messages/:message_id/push_follow_up} (spec/message.md §3.14). */
@RestController
class FollowUpController {
    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    record PushBody(List<FollowUps.FollowUp> followUps) {}

    @PostMapping("/open-apis/im/v1/messages/{message_id}/push_follow_up")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message", "im:message:send_as_bot"})
    ApiResponse<Map<String, Object>> push(
            Caller caller, @PathVariable("message_id") String messageId, @RequestBody(required = false) PushBody body) {
        followUps.push(caller, messageId, body == null ? null : body.followUps());
        return ApiResponse.empty();
    }
}
