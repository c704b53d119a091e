package dev.larkspur.message.web;

import dev.larkspur.message.batch.BatchSending;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /open-apis/message/v4/batch_send/}: no SDK has a typed method for it; the docs show a
 * raw post to the path with its trailing slash, which the platform serves like any path without it. The id scopes
 * ({@code im:message:send_multi_users}, {@code …_depts}) depend on the lists given, so the service
 * checks them.
 */
@RestController
class BatchSendController {
    private final BatchSending batches;

    BatchSendController(BatchSending batches) {
        this.batches = batches;
    }

    record Body(
            String msgType,
            JsonNode content,
            JsonNode card,
            List<String> departmentIds,
            List<String> openIds,
            List<String> userIds,
            List<String> unionIds) {}

    record Sent(
            String messageId,
            List<String> invalidDepartmentIds,
            List<String> invalidOpenIds,
            List<String> invalidUserIds,
            List<String> invalidUnionIds) {}

    @PostMapping("/open-apis/message/v4/batch_send")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:message", "im:message:send_as_bot"})
    ApiResponse<Sent> send(Caller caller, @RequestBody(required = false) Body body) {
        var b = body == null ? new Body(null, null, null, null, null, null, null) : body;
        var sent = batches.send(
                caller,
                new BatchSending.BatchRequest(
                        b.msgType(), b.content(), b.card(), b.departmentIds(), b.openIds(), b.userIds(), b.unionIds()));
        return new ApiResponse<>(
                0,
                "ok",
                new Sent(
                        sent.batchId(),
                        sent.invalidDepartmentIds(),
                        sent.invalidOpenIds(),
                        sent.invalidUserIds(),
                        sent.invalidUnionIds()),
                null);
    }
}
