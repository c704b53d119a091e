package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.GetChatAnnouncementReq;
import com.lark.oapi.service.im.v1.model.GetChatAnnouncementResp;
import com.lark.oapi.service.im.v1.model.PatchChatAnnouncementReq;
import com.lark.oapi.service.im.v1.model.PatchChatAnnouncementReqBody;
import com.lark.oapi.service.im.v1.model.PatchChatAnnouncementResp;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET/PATCH /open-apis/im/v1/chats/:chat_id/announcement} through the official Java SDK. */
class ChatAnnouncementIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        // One test patches 101 times in a row, faster than Feishu's 50 requests a second.
        server = TestServer.start(Map.of("larkspur.rate-limit.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ChatExtrasFixture tenant() {
        var t = ChatExtrasFixture.tenant(server);
        t.users("ann", "bob", "cat");
        return t;
    }

    private static GetChatAnnouncementResp get(ChatExtrasFixture t, String chatId, String idType, RequestOptions as)
            throws Exception {
        var req = GetChatAnnouncementReq.newBuilder()
                .chatId(chatId)
                .userIdType(idType)
                .build();
        return as == null
                ? t.client.im().chatAnnouncement().get(req)
                : t.client.im().chatAnnouncement().get(req, as);
    }

    private static GetChatAnnouncementResp get(ChatExtrasFixture t, String chatId) throws Exception {
        var resp = get(t, chatId, "open_id", null);
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return resp;
    }

    private static PatchChatAnnouncementResp patch(
            ChatExtrasFixture t, String chatId, RequestOptions as, String revision, String... requests)
            throws Exception {
        var body = PatchChatAnnouncementReqBody.newBuilder().revision(revision);
        if (requests != null) {
            body.requests(requests);
        }
        var req = PatchChatAnnouncementReq.newBuilder()
                .chatId(chatId)
                .patchChatAnnouncementReqBody(body.build())
                .build();
        return as == null
                ? t.client.im().chatAnnouncement().patch(req)
                : t.client.im().chatAnnouncement().patch(req, as);
    }

    @Test
    void newChatHasAnEmptyAnnouncementAtRevisionZeroOwnedByTheOwner() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var data = get(t, chat).getData();

        assertThat(data.getContent()).isEmpty();
        assertThat(data.getRevision()).isEqualTo("0");
        assertThat(data.getOwnerIdType()).isEqualTo("open_id");
        assertThat(data.getOwnerId()).isEqualTo(t.openId("ann"));
        assertThat(data.getModifierId()).isEqualTo(t.openId("ann"));
        long nowSeconds = server.clock().millis() / 1000;
        assertThat(Long.parseLong(data.getCreateTime())).isBetween(nowSeconds - 60, nowSeconds);
        assertThat(data.getUpdateTime()).isEqualTo(data.getCreateTime());
    }

    @Test
    void patchAppendsTheRequestsAndBumpsTheRevision() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = patch(t, chat, null, "0", "{\"requestType\":\"A\"}", "{\"requestType\":\"B\"}");
        patch(t, chat, null, "1", "{\"requestType\":\"C\"}");

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        var data = get(t, chat).getData();
        assertThat(data.getContent())
                .isEqualTo("{\"requestType\":\"A\"}\n{\"requestType\":\"B\"}\n{\"requestType\":\"C\"}");
        assertThat(data.getRevision()).isEqualTo("2");
    }

    @Test
    void botModifierIsShownByAppIdAndOwnerStays() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        server.clock().advance(Duration.ofMinutes(5));

        patch(t, chat, null, "0", "{}");

        var data = get(t, chat).getData();
        assertThat(data.getModifierIdType()).isEqualTo("app_id");
        assertThat(data.getModifierId()).isEqualTo(t.app.appId());
        assertThat(data.getOwnerId()).isEqualTo(t.openId("ann"));
        assertThat(Long.parseLong(data.getUpdateTime()) - Long.parseLong(data.getCreateTime()))
                .isGreaterThanOrEqualTo(300);
    }

    @Test
    void ownerAndModifierFollowUserIdType() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        patch(t, chat, t.as("bob"), "0", "{}");

        var resp = get(t, chat, "user_id", null);

        assertThat(resp.getData().getOwnerIdType()).isEqualTo("user_id");
        assertThat(resp.getData().getOwnerId()).isEqualTo("ann");
        assertThat(resp.getData().getModifierId()).isEqualTo("bob");
    }

    @Test
    void patchBasedOnARevisionWithinOneHundredIsAccepted() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        patch(t, chat, null, "0", "{}");
        patch(t, chat, null, "1", "{}");

        assertThat(patch(t, chat, null, "0", "{}").getCode()).isZero();
        assertThat(get(t, chat).getData().getRevision()).isEqualTo("3");
    }

    @Test
    void patchBasedOnARevisionMoreThanOneHundredBehindIsRejected() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        for (int i = 0; i < 101; i++) {
            assertThat(patch(t, chat, null, String.valueOf(i), "{}").getCode()).isZero();
        }

        assertThat(patch(t, chat, null, "0", "{}").getCode()).isEqualTo(232001);
        assertThat(patch(t, chat, null, "1", "{}").getCode()).isZero();
    }

    @Test
    void patchBasedOnAFutureRevisionIsRejected() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(patch(t, chat, null, "1", "{}").getCode()).isEqualTo(232001);
    }

    @Test
    void patchNeedsANumericRevisionAndSomeRequests() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(patch(t, chat, null, "latest", "{}").getCode()).isEqualTo(232001);
        assertThat(patch(t, chat, null, null, "{}").getCode()).isEqualTo(232001);
        assertThat(patch(t, chat, null, "0", (String[]) null).getCode()).isEqualTo(232001);
        assertThat(get(t, chat).getData().getRevision()).isEqualTo("0");
    }

    @Test
    void membersMayEditWhenEveryoneMayEditTheChat() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(patch(t, chat, t.as("bob"), "0", "{}").getCode()).isZero();
    }

    @Test
    void onlyOwnerEditPermissionRefusesOrdinaryMembers() throws Exception {
        var t = tenant();
        String chat = t.group("ann", b -> b.editPermission("only_owner"), "bob");

        assertThat(patch(t, chat, t.as("bob"), "0", "{}").getCode()).isEqualTo(232002);
        assertThat(patch(t, chat, t.as("ann"), "0", "{}").getCode()).isZero();
    }

    @Test
    void nonMemberCanNeitherReadNorEdit() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(get(t, chat, "open_id", t.as("cat")).getCode()).isEqualTo(232011);
        assertThat(patch(t, chat, t.as("cat"), "0", "{}").getCode()).isEqualTo(232011);
    }

    @Test
    void p2pChatsHaveNoAnnouncement() throws Exception {
        var t = tenant();
        String chat = t.p2p("ann");

        assertThat(get(t, chat, "open_id", null).getCode()).isEqualTo(232008);
        assertThat(patch(t, chat, null, "0", "{}").getCode()).isEqualTo(232008);
    }
}
