package dev.larkspur.chat;

import static dev.larkspur.chat.MenuCalls.none;
import static dev.larkspur.chat.MenuCalls.top;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReq;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReqBody;
import dev.larkspur.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may use chat menus, and on which chats (spec/group.md §1.7, §1.8, §2.18). */
class ChatMenusAccessIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertRejected(BaseResponse<?> resp, int code) {
        assertThat(resp.getCode()).as(resp.getMsg()).isEqualTo(code);
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
    }

    @Test
    void userTokensAreRefusedOnEveryMenuEndpoint() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        String token = t.userToken("ann");
        var http = server.http();
        String base = "/open-apis/im/v1/chats/" + chatId;

        var replies = List.of(
                http.get(base + "/menu_tree", token),
                http.post(base + "/menu_tree", token, "{\"menu_tree\":{\"chat_menu_top_levels\":[]}}"),
                http.send("DELETE", base + "/menu_tree", token, "{\"chat_menu_top_level_ids\":[\"1\"]}"),
                http.post(base + "/menu_tree/sort", token, "{\"chat_menu_top_level_ids\":[]}"),
                http.send("PATCH", base + "/menu_items/7000000000000000000", token, "{\"update_fields\":[\"NAME\"]}"));

        for (var reply : replies) {
            assertThat(reply.code()).as(reply.body().toString()).isEqualTo(99991668);
            assertThat(reply.body().path("msg").asText()).isEqualTo("user access token not support");
            assertThat(reply.status()).isEqualTo(400);
        }
        assertThat(http.get(base + "/menu_tree", t.tenantToken()).code()).isZero();
    }

    @Test
    void aBotOutsideTheChatCannotSeeOrChangeMenus() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        var stranger = t.clientOf(t.otherApp("Stranger", null));

        assertRejected(MenuCalls.get(stranger, chatId), 232011);
        assertRejected(MenuCalls.create(stranger, chatId, top(none("Mine"))), 232011);
    }

    @Test
    void onlyGroupChatsHaveMenus() throws Exception {
        var t = ChatTenant.create(server);
        for (String mode : List.of("p2p", "topic")) {
            String chatId = t.chat("ann");
            t.setChatMode(chatId, mode);

            assertRejected(MenuCalls.get(t.client(), chatId), 232008);
            assertRejected(MenuCalls.create(t.client(), chatId, top(none("Menu"))), 232008);
        }
    }

    @Test
    void unknownAndDisbandedChatsAreRefused() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        t.disband(chatId);

        assertRejected(MenuCalls.get(t.client(), chatId), 232009);
        assertRejected(MenuCalls.get(t.client(), "oc_" + "0".repeat(32)), 232006);
    }

    @Test
    void readingNeedsAMenuReadScopeAndChangingAMenuWriteScope() throws Exception {
        var t = ChatTenant.create(server);
        var reader = t.otherApp("Reader", List.of("im:chat.menu_tree:read"));
        var writer = t.otherApp("Writer", List.of("im:chat.menu_tree:write_only"));
        String chatId = t.chat("ann");
        var added = t.client()
                .im()
                .chatMembers()
                .create(CreateChatMembersReq.newBuilder()
                        .chatId(chatId)
                        .memberIdType("app_id")
                        .createChatMembersReqBody(CreateChatMembersReqBody.newBuilder()
                                .idList(new String[] {reader.appId(), writer.appId()})
                                .build())
                        .build());
        assertThat(added.getCode()).as(added.getMsg()).isZero();

        assertThat(MenuCalls.get(t.clientOf(reader), chatId).getCode()).isZero();
        var denied = MenuCalls.create(t.clientOf(reader), chatId, top(none("R")));
        assertRejected(denied, 99991672);
        assertThat(denied.getMsg()).contains("im:chat.menu_tree:write_only");
        assertThat(MenuCalls.create(t.clientOf(writer), chatId, top(none("W"))).getCode())
                .isZero();
        assertRejected(MenuCalls.get(t.clientOf(writer), chatId), 99991672);
    }
}
