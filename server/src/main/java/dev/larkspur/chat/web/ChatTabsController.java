package dev.larkspur.chat.web;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatTab;
import dev.larkspur.chat.ChatTabs;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/chats/:chat_id/chat_tabs}: every answer carries all the chat's tabs. */
@RestController
@RequestMapping("/open-apis/im/v1/chats/{chat_id}/chat_tabs")
class ChatTabsController {
    private static final String WRITE = "im:chat.tabs:write_only";
    private final ChatTabs tabs;

    ChatTabsController(ChatTabs tabs) {
        this.tabs = tabs;
    }

    record TabsBody(List<ChatTab> chatTabs) {}

    record TabIdsBody(List<String> tabIds) {}

    record TabsData(List<ChatTab> chatTabs) {}

    @PostMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", WRITE})
    ApiResponse<TabsData> create(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) TabsBody body) {
        return ApiResponse.success(
                new TabsData(tabs.create(new Actor(caller), chatId, body == null ? null : body.chatTabs())));
    }

    @PostMapping("/update_tabs")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", WRITE})
    ApiResponse<TabsData> update(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) TabsBody body) {
        return ApiResponse.success(
                new TabsData(tabs.update(new Actor(caller), chatId, body == null ? null : body.chatTabs())));
    }

    @PostMapping("/sort_tabs")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", WRITE})
    ApiResponse<TabsData> sort(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) TabIdsBody body) {
        return ApiResponse.success(
                new TabsData(tabs.sort(new Actor(caller), chatId, body == null ? null : body.tabIds())));
    }

    @GetMapping("/list_tabs")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.tabs:read", "im:chat:readonly"})
    ApiResponse<TabsData> list(Caller caller, @PathVariable("chat_id") String chatId) {
        return ApiResponse.success(new TabsData(tabs.list(new Actor(caller), chatId)));
    }

    /** Feishu sends the ids as a JSON body on DELETE. */
    @DeleteMapping("/delete_tabs")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", WRITE})
    ApiResponse<TabsData> delete(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) TabIdsBody body) {
        return ApiResponse.success(
                new TabsData(tabs.delete(new Actor(caller), chatId, body == null ? null : body.tabIds())));
    }
}
