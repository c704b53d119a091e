package dev.larkspur.message.web;

import dev.larkspur.message.MessageChanges;
import dev.larkspur.message.MessagePresenter;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.MessageSending;
import dev.larkspur.message.MessageView;
import dev.larkspur.message.forward.SubMessages;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/messages}: send, reply, edit, update card, recall, get, history. */
@RestController
@RequestMapping("/open-apis/im/v1/messages")
class MessageController {
    private static final String MESSAGE = "im:message";
    private static final String SEND_AS_BOT = "im:message:send_as_bot";

    private final MessageSending sending;
    private final MessageChanges changes;
    private final MessageQueries queries;
    private final MessagePresenter presenter;
    private final SubMessages subMessages;

    MessageController(
            MessageSending sending,
            MessageChanges changes,
            MessageQueries queries,
            MessagePresenter presenter,
            SubMessages subMessages) {
        this.sending = sending;
        this.changes = changes;
        this.queries = queries;
        this.presenter = presenter;
        this.subMessages = subMessages;
    }

    record SendBody(String receiveId, String msgType, String content, String uuid) {}

    record ReplyBody(String msgType, String content, Boolean replyInThread, String uuid) {}

    record EditBody(String msgType, String content) {}

    record CardBody(String content) {}

    record Items(List<MessageView> items) {}

    record HistoryData(boolean hasMore, String pageToken, List<MessageView> items) {}

    @PostMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, SEND_AS_BOT, "im:message:send"})
    ApiResponse<MessageView> send(
            Caller caller,
            @RequestParam(name = "receive_id_type", required = false) String receiveIdType,
            @RequestBody(required = false) SendBody body) {
        var b = body == null ? new SendBody(null, null, null, null) : body;
        var message = sending.send(
                caller, receiveIdType, b.receiveId(), new MessageSending.Draft(b.msgType(), b.content(), b.uuid()));
        return ApiResponse.success(presenter.one(caller, message));
    }

    @PostMapping("/{message_id}/reply")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, SEND_AS_BOT, "im:message:send"})
    ApiResponse<MessageView> reply(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestBody(required = false) ReplyBody body) {
        var b = body == null ? new ReplyBody(null, null, null, null) : body;
        var message = sending.reply(
                caller,
                messageId,
                new MessageSending.Draft(b.msgType(), b.content(), b.uuid()),
                Boolean.TRUE.equals(b.replyInThread()));
        return ApiResponse.success(presenter.one(caller, message));
    }

    @PutMapping("/{message_id}")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {MESSAGE, SEND_AS_BOT, "im:message:update"})
    ApiResponse<MessageView> edit(
            Caller caller, @PathVariable("message_id") String messageId, @RequestBody(required = false) EditBody body) {
        var b = body == null ? new EditBody(null, null) : body;
        return ApiResponse.success(presenter.one(caller, changes.edit(caller, messageId, b.msgType(), b.content())));
    }

    @PatchMapping("/{message_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, SEND_AS_BOT, "im:message:update"})
    ApiResponse<Map<String, Object>> updateCard(
            Caller caller, @PathVariable("message_id") String messageId, @RequestBody(required = false) CardBody body) {
        changes.updateCard(caller, messageId, body == null ? null : body.content());
        return ApiResponse.empty();
    }

    @DeleteMapping("/{message_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, "im:message:recall", SEND_AS_BOT})
    ApiResponse<Map<String, Object>> recall(Caller caller, @PathVariable("message_id") String messageId) {
        changes.recall(caller, messageId);
        return ApiResponse.empty();
    }

    @GetMapping("/{message_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, "im:message:readonly", "im:message.history:readonly"})
    ApiResponse<Items> get(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "card_msg_content_type", required = false) String cardContentType) {
        var message = queries.get(caller, messageId);
        // A merge message comes with its sub-messages (spec/message.md §3.11).
        var items = subMessages.withSubMessages(message);
        return ApiResponse.success(
                new Items(presenter.render(caller, items, "user_card_content".equals(cardContentType))));
    }

    @GetMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, "im:message:readonly", "im:message.history:readonly"})
    ApiResponse<HistoryData> list(
            Caller caller,
            @RequestParam(name = "container_id_type", required = false) String containerIdType,
            @RequestParam(name = "container_id", required = false) String containerId,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            @RequestParam(name = "sort_type", required = false) String sortType,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(name = "card_msg_content_type", required = false) String cardContentType) {
        var page =
                queries.list(caller, containerIdType, containerId, startTime, endTime, sortType, pageToken, pageSize);
        return ApiResponse.success(new HistoryData(
                page.hasMore(),
                page.pageToken(),
                presenter.render(caller, page.items(), "user_card_content".equals(cardContentType))));
    }
}
