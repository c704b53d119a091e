package dev.larkspur.message.web;

import dev.larkspur.directory.UserIdType;
import dev.larkspur.message.urgent.MessageUrgency;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Urgent notifications in the app, by SMS and by phone (spec/message.md §3.13). */
@RestController
class UrgentController {
    private final MessageUrgency urgency;

    UrgentController(MessageUrgency urgency) {
        this.urgency = urgency;
    }

    record UrgentBody(List<String> userIdList) {}

    record UrgentData(List<String> invalidUserIdList) {}

    @PatchMapping("/open-apis/im/v1/messages/{message_id}/urgent_app")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message.urgent", "im:message.urgent:app_send"})
    ApiResponse<UrgentData> app(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestBody(required = false) UrgentBody body) {
        return urgent(caller, messageId, MessageUrgency.Kind.APP, userIdType, body);
    }

    @PatchMapping("/open-apis/im/v1/messages/{message_id}/urgent_sms")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message.urgent:sms", "im:message.urgent:sms_send"})
    ApiResponse<UrgentData> sms(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestBody(required = false) UrgentBody body) {
        return urgent(caller, messageId, MessageUrgency.Kind.SMS, userIdType, body);
    }

    @PatchMapping("/open-apis/im/v1/messages/{message_id}/urgent_phone")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message.urgent:phone", "im:message.urgent:phone_send"})
    ApiResponse<UrgentData> phone(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestBody(required = false) UrgentBody body) {
        return urgent(caller, messageId, MessageUrgency.Kind.PHONE, userIdType, body);
    }

    private ApiResponse<UrgentData> urgent(
            Caller caller, String messageId, MessageUrgency.Kind kind, String userIdType, UrgentBody body) {
        var invalid = urgency.urgent(
                caller, messageId, kind, UserIdType.parse(userIdType), body == null ? null : body.userIdList());
        return ApiResponse.success(new UrgentData(invalid));
    }
}
