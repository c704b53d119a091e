package dev.larkspur.chat.web;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatMembers;
import dev.larkspur.chat.ChatRoster;
import dev.larkspur.chat.MemberIdType;
import dev.larkspur.chat.members.MemberChanges;
import dev.larkspur.chat.web.ChatRequests.IdListBody;
import dev.larkspur.chat.web.ChatRequests.ManagersBody;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/chats/:chat_id/members} and {@code /managers}. */
@RestController
@RequestMapping("/open-apis/im/v1/chats/{chat_id}")
class ChatMembersController {
    private static final String WRITE = "im:chat.members:write_only";
    private final ChatMembers members;
    private final ChatRoster roster;

    ChatMembersController(ChatMembers members, ChatRoster roster) {
        this.members = members;
        this.roster = roster;
    }

    record RemovedData(List<String> invalidIdList) {}

    record ListData(List<Item> items, String pageToken, boolean hasMore, int memberTotal) {}

    record Item(String memberIdType, String memberId, String name, String tenantKey) {}

    record IsInChatData(boolean isInChat) {}

    @PostMapping("/members")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", WRITE})
    ApiResponse<MemberChanges> add(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "member_id_type", required = false) String memberIdType,
            @RequestParam(name = "succeed_type", required = false) Integer succeedType,
            @RequestBody(required = false) IdListBody body) {
        return ApiResponse.success(members.add(
                new Actor(caller),
                chatId,
                MemberIdType.parse(memberIdType, true),
                succeedType == null ? 0 : succeedType,
                body == null ? null : body.idList()));
    }

    @DeleteMapping("/members")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", WRITE})
    ApiResponse<RemovedData> remove(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "member_id_type", required = false) String memberIdType,
            @RequestBody(required = false) IdListBody body) {
        var invalid = members.remove(
                new Actor(caller), chatId, MemberIdType.parse(memberIdType, true), body == null ? null : body.idList());
        return ApiResponse.success(new RemovedData(invalid));
    }

    @PatchMapping("/members/me_join")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", WRITE})
    ApiResponse<Map<String, Object>> meJoin(Caller caller, @PathVariable("chat_id") String chatId) {
        members.meJoin(new Actor(caller), chatId);
        return new ApiResponse<>(0, "ok", Map.of(), null);
    }

    @GetMapping("/members")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:readonly", "im:chat.members:read", "im:chat.group_info:readonly"})
    ApiResponse<ListData> list(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "member_id_type", required = false) String memberIdType,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        var type = MemberIdType.parse(memberIdType, false);
        var page = roster.list(new Actor(caller), chatId, type.userIdType(), pageToken, pageSize);
        var items = page.items().stream()
                .map(m -> new Item(type.wireName(), m.memberId(), m.name(), m.tenantKey()))
                .toList();
        return ApiResponse.success(new ListData(items, page.pageToken(), page.hasMore(), page.memberTotal()));
    }

    @GetMapping("/members/is_in_chat")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat:readonly", "im:chat.members:read", "im:chat.group_info:readonly"})
    ApiResponse<IsInChatData> isInChat(Caller caller, @PathVariable("chat_id") String chatId) {
        return ApiResponse.success(new IsInChatData(members.isInChat(new Actor(caller), chatId)));
    }

    @PostMapping("/managers/add_managers")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.managers:write_only"})
    ApiResponse<ChatRoster.Managers> addManagers(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "member_id_type", required = false) String memberIdType,
            @RequestBody(required = false) ManagersBody body) {
        return ApiResponse.success(roster.addManagers(
                new Actor(caller),
                chatId,
                MemberIdType.parse(memberIdType, true),
                body == null ? null : body.managerIds()));
    }

    @PostMapping("/managers/delete_managers")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:chat", "im:chat.managers:write_only"})
    ApiResponse<ChatRoster.Managers> deleteManagers(
            Caller caller,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "member_id_type", required = false) String memberIdType,
            @RequestBody(required = false) ManagersBody body) {
        return ApiResponse.success(roster.deleteManagers(
                new Actor(caller),
                chatId,
                MemberIdType.parse(memberIdType, true),
                body == null ? null : body.managerIds()));
    }
}
