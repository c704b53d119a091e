package dev.larkspur.chat;

import static dev.larkspur.chat.TabCalls.url;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReq;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReqBody;
import dev.larkspur.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may use chat tabs, and on which chats (spec/group.md §1.7, §1.8, §2.17). */
class ChatTabsAccessIT {
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
    void aBotOutsideTheChatCannotSeeOrChangeTabs() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        var stranger = t.clientOf(t.otherApp("Stranger", null));

        assertRejected(TabCalls.list(stranger, chatId), 232011);
        assertRejected(TabCalls.create(stranger, chatId, url("Mine", "https://example.com")), 232011);
    }

    @Test
    void aUserOutsideTheChatCannotSeeOrChangeTabs() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        var bob = t.asUser("bob");

        assertRejected(TabCalls.list(t.client(), chatId, bob), 232011);
        assertRejected(TabCalls.create(t.client(), chatId, bob, url("Bob's", "https://example.com")), 232011);
    }

    @Test
    void topicChatsHaveNoTabs() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        t.setChatMode(chatId, "topic");

        assertRejected(TabCalls.list(t.client(), chatId), 232050);
        assertRejected(TabCalls.create(t.client(), chatId, url("Topic", "https://example.com")), 232050);
    }

    @Test
    void p2pChatsHaveTabs() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        t.setChatMode(chatId, "p2p");

        var resp = TabCalls.create(t.client(), chatId, url("Shared", "https://example.com"));

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(resp.getData().getChatTabs()).hasSize(2);
    }

    @Test
    void unknownAndDisbandedChatsAreRefused() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        t.disband(chatId);

        assertRejected(TabCalls.list(t.client(), chatId), 232009);
        assertRejected(TabCalls.list(t.client(), "oc_" + "0".repeat(32)), 232006);
        assertRejected(TabCalls.list(t.client(), "not-a-chat"), 232006);
    }

    @Test
    void listingNeedsATabReadScopeAndChangingATabWriteScope() throws Exception {
        var t = ChatTenant.create(server);
        var reader = t.otherApp("Reader", List.of("im:chat.tabs:read"));
        var writer = t.otherApp("Writer", List.of("im:chat.tabs:write_only"));
        String chatId = t.chat("ann");
        addBots(t, chatId, reader.appId(), writer.appId());

        assertThat(TabCalls.list(t.clientOf(reader), chatId).getCode()).isZero();
        var denied = TabCalls.create(t.clientOf(reader), chatId, url("R", "https://example.com"));
        assertRejected(denied, 99991672);
        assertThat(denied.getMsg()).contains("im:chat.tabs:write_only");
        assertThat(TabCalls.create(t.clientOf(writer), chatId, url("W", "https://example.com"))
                        .getCode())
                .isZero();
        assertRejected(TabCalls.list(t.clientOf(writer), chatId), 99991672);
    }

    private static void addBots(ChatTenant t, String chatId, String... appIds) throws Exception {
        var resp = t.client()
                .im()
                .chatMembers()
                .create(CreateChatMembersReq.newBuilder()
                        .chatId(chatId)
                        .memberIdType("app_id")
                        .createChatMembersReqBody(CreateChatMembersReqBody.newBuilder()
                                .idList(appIds)
                                .build())
                        .build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
    }
}
