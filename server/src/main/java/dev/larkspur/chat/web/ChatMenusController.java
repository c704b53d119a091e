package dev.larkspur.chat.web;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatMenuItem;
import dev.larkspur.chat.ChatMenuTree;
import dev.larkspur.chat.ChatMenus;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /open-apis/im/v1/chats/:chat_id/menu_tree} and {@code /menu_items/:menu_item_id}. Tenant
 * tokens only: Feishu answers a user token with 99991668.
 */
@RestController
@RequestMapping("/open-apis/im/v1/chats/{chat_id}")
class ChatMenusController {
    private static final String WRITE = "im:chat.menu_tree:write_only";
    private final ChatMenus menus;

    ChatMenusController(ChatMenus menus) {
        this.menus = menus;
    }

    record CreateBody(ChatMenuTree menuTree) {}

    record TopLevelIdsBody(List<String> chatMenuTopLevelIds) {}

    record PatchBody(List<String> updateFields, ChatMenuItem chatMenuItem) {}

    record TreeData(ChatMenuTree menuTree) {}

    record ItemData(ChatMenuItem chatMenuItem) {}

    @PostMapping("/menu_tree")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", WRITE})
    ApiResponse<TreeData> create(
            Caller caller, @PathVariable("chat_id") String chatId, @RequestBody(required = false) CreateBody body) {
        return ApiResponse.success(
                new TreeData(menus.create(new Actor(caller), chatId, body == null ? null : body.menuTree())));
    }

    @GetMapping("/menu_tree")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", "im:chat.menu_tree:read", "im:chat:readonly"})
    ApiResponse<TreeData> get(Caller caller, @PathVariable("chat_id") String chatId) {
        return ApiResponse.success(new TreeData(menus.get(new Actor(caller), chatId)));
    }

    /** Feishu sends the ids as a JSON body on DELETE. */
    @DeleteMapping("/menu_tree")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", WRITE})
    ApiResponse<TreeData> delete(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestBody(required = false) TopLevelIdsBody body) {
        return ApiResponse.success(new TreeData(
                menus.delete(new Actor(caller), chatId, body == null ? null : body.chatMenuTopLevelIds())));
    }

    @PostMapping("/menu_tree/sort")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", WRITE})
    ApiResponse<TreeData> sort(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestBody(required = false) TopLevelIdsBody body) {
        return ApiResponse.success(
                new TreeData(menus.sort(new Actor(caller), chatId, body == null ? null : body.chatMenuTopLevelIds())));
    }

    @PatchMapping("/menu_items/{menu_item_id}")
    @ApiAccess(
            tokens = TokenType.TENANT,
            scopes = {"im:chat", WRITE})
    ApiResponse<ItemData> patch(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @PathVariable("menu_item_id") String menuItemId,
            @RequestBody(required = false) PatchBody body) {
        var b = body == null ? new PatchBody(null, null) : body;
        return ApiResponse.success(
                new ItemData(menus.patch(new Actor(caller), chatId, menuItemId, b.updateFields(), b.chatMenuItem())));
    }
}
