package dev.larkspur.message.web;

import dev.larkspur.message.MessagePresenter;
import dev.larkspur.message.MessageView;
import dev.larkspur.message.forward.MergeForwarding;
import dev.larkspur.message.forward.MessageForwarding;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Forward, merge forward and thread forward (spec/message.md §3.6–3.8). */
@RestController
class ForwardController {
    private static final String MESSAGE = "im:message";
    private static final String SEND_AS_BOT = "im:message:send_as_bot";

    private final MessageForwarding forwarding;
    private final MergeForwarding merging;
    private final MessagePresenter presenter;

    ForwardController(MessageForwarding forwarding, MergeForwarding merging, MessagePresenter presenter) {
        this.forwarding = forwarding;
        this.merging = merging;
        this.presenter = presenter;
    }

    record ForwardBody(String receiveId) {}

    record MergeBody(String receiveId, List<String> messageIdList) {}

    record MergeData(MessageView message, List<String> invalidMessageIdList) {}

    @PostMapping("/open-apis/im/v1/messages/{message_id}/forward")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MESSAGE, SEND_AS_BOT})
    ApiResponse<MessageView> forward(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "receive_id_type", required = false) String receiveIdType,
            @RequestParam(name = "uuid", required = false) String uuid,
            @RequestBody(required = false) ForwardBody body) {
        String receiveId = body == null ? null : body.receiveId();
        var message = forwarding.forward(caller, messageId, receiveIdType, receiveId, uuid);
        return ApiResponse.success(presenter.one(caller, message));
    }

    @PostMapping("/open-apis/im/v1/messages/merge_forward")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MESSAGE, SEND_AS_BOT})
    ApiResponse<MergeData> mergeForward(
            Caller caller,
            @RequestParam(name = "receive_id_type", required = false) String receiveIdType,
            @RequestParam(name = "uuid", required = false) String uuid,
            @RequestBody(required = false) MergeBody body) {
        var b = body == null ? new MergeBody(null, null) : body;
        var merged = merging.mergeForward(caller, receiveIdType, b.receiveId(), b.messageIdList(), uuid);
        return ApiResponse.success(new MergeData(presenter.one(caller, merged.message()), merged.invalidMessageIds()));
    }

    @PostMapping("/open-apis/im/v1/threads/{thread_id}/forward")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MESSAGE, SEND_AS_BOT})
    ApiResponse<MessageView> forwardThread(
            Caller caller,
            @PathVariable("thread_id") String threadId,
            @RequestParam(name = "receive_id_type", required = false) String receiveIdType,
            @RequestParam(name = "uuid", required = false) String uuid,
            @RequestBody(required = false) ForwardBody body) {
        String receiveId = body == null ? null : body.receiveId();
        var message = forwarding.forwardThread(caller, threadId, receiveIdType, receiveId, uuid);
        return ApiResponse.success(presenter.one(caller, message));
    }
}
