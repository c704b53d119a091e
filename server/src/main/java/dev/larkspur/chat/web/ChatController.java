package dev.larkspur.chat.web;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatCreation;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.ChatUpdates;
import dev.larkspur.chat.MemberIdType;
import dev.larkspur.chat.NewChat;
import dev.larkspur.chat.web.ChatRequests.ChatBody;
import dev.larkspur.directory.UserIdType;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/chats}: create, get, list, search, update, disband. */
@RestController
@RequestMapping("/open-apis/im/v1/chats")
class ChatController {
    private final ChatCreation creation;
    private final ChatQueries queries;
    private final ChatUpdates updates;

    ChatController(ChatCreation creation, ChatQueries queries, ChatUpdates updates) {
        this.creation = creation;
        this.queries = queries;
        this.updates = updates;
    }

    record ListData(List<ChatView.Item> items, String pageToken, boolean hasMore) {}

    @PostMapping
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", "im:chat:create"})
    ApiResponse<ChatView> create(
            Caller caller,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestParam(name = "set_bot_manager", required = false) Boolean setBotManager,
            @RequestParam(name = "uuid", required = false) String uuid,
            @RequestBody(required = false) ChatBody body) {
        var type = MemberIdType.userIds(userIdType);
        var b = body == null ? ChatBody.EMPTY : body;
        var actor = new Actor(caller);
        var chat = creation.create(
                actor,
                type,
                new NewChat(
                        b.settings(),
                        b.chatMode(),
                        b.ownerId(),
                        b.userIdList(),
                        b.botIdList(),
                        Boolean.TRUE.equals(setBotManager),
                        uuid));
        var info = queries.get(actor, chat.chatId(), type);
        return ApiResponse.success(ChatView.created(info, type.wireName()));
    }

    @GetMapping("/{chat_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:read", "im:chat:readonly"})
    ApiResponse<ChatView> get(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id_type", required = false) String userIdType) {
        var type = MemberIdType.userIds(userIdType);
        return ApiResponse.success(ChatView.got(queries.get(new Actor(caller), chatId, type), type.wireName()));
    }

    @GetMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:readonly", "im:chat:read", "im:chat.group_info:readonly"})
    ApiResponse<ListData> list(
            Caller caller,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestParam(name = "sort_type", required = false) String sortType,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        var type = MemberIdType.userIds(userIdType);
        return listData(queries.list(new Actor(caller), type, sortType, pageToken, pageSize), type);
    }

    @GetMapping("/search")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:readonly", "im:chat:read", "im:chat.group_info:readonly"})
    ApiResponse<ListData> search(
            Caller caller,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestParam(name = "query", required = false) String query,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        var type = MemberIdType.userIds(userIdType);
        return listData(queries.search(new Actor(caller), type, query, pageToken, pageSize), type);
    }

    @PutMapping("/{chat_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:update"})
    ApiResponse<Map<String, Object>> update(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestBody(required = false) ChatBody body) {
        var b = body == null ? ChatBody.EMPTY : body;
        updates.update(new Actor(caller), chatId, MemberIdType.userIds(userIdType), b.settings(), b.ownerId());
        return ApiResponse.empty();
    }

    @DeleteMapping("/{chat_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:delete"})
    ApiResponse<Map<String, Object>> disband(Caller caller, @PathVariable("chat_id") String chatId) {
        updates.disband(new Actor(caller), chatId);
        return ApiResponse.empty();
    }

    private static ApiResponse<ListData> listData(ChatQueries.ChatPage page, UserIdType type) {
        return ApiResponse.success(new ListData(
                page.items().stream()
                        .map(i -> ChatView.Item.of(i, type.wireName()))
                        .toList(),
                page.pageToken(),
                page.hasMore()));
    }
}
