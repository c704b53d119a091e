package dev.larkspur.message.web;

import dev.larkspur.message.MessagePins;
import dev.larkspur.message.pins.PinPresenter;
import dev.larkspur.message.pins.PinView;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/pins}: pin, unpin, list a chat's pins (spec/message.md §3.21). */
@RestController
@RequestMapping("/open-apis/im/v1/pins")
class PinController {
    private static final String MESSAGE = "im:message";

    private final MessagePins pins;
    private final PinPresenter presenter;

    PinController(MessagePins pins, PinPresenter presenter) {
        this.pins = pins;
        this.presenter = presenter;
    }

    record PinBody(String messageId) {}

    record PinData(PinView pin) {}

    record Page(List<PinView> items, boolean hasMore, String pageToken) {}

    @PostMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, "im:message.pins:write_only", "im:message:send_as_bot"})
    ApiResponse<PinData> pin(Caller caller, @RequestBody(required = false) PinBody body) {
        var pin = pins.pin(caller, body == null ? null : body.messageId());
        return ApiResponse.success(new PinData(presenter.one(caller, pin)));
    }

    @DeleteMapping("/{message_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, "im:message.pins:write_only", "im:message:send_as_bot"})
    ApiResponse<Map<String, Object>> unpin(Caller caller, @PathVariable("message_id") String messageId) {
        pins.unpin(caller, messageId);
        return ApiResponse.empty();
    }

    @GetMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, "im:message.pins:read", "im:message:readonly"})
    ApiResponse<Page> list(
            Caller caller,
            @RequestParam(name = "chat_id", required = false) String chatId,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        var page = pins.list(caller, chatId, startTime, endTime, pageToken, pageSize);
        return ApiResponse.success(new Page(presenter.render(caller, page.items()), page.hasMore(), page.pageToken()));
    }
}
