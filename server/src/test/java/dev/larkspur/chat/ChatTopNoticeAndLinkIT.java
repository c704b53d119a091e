package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.AddManagersChatManagersReq;
import com.lark.oapi.service.im.v1.model.AddManagersChatManagersReqBody;
import com.lark.oapi.service.im.v1.model.ChatTopNotice;
import com.lark.oapi.service.im.v1.model.DeleteTopNoticeChatTopNoticeReq;
import com.lark.oapi.service.im.v1.model.LinkChatReq;
import com.lark.oapi.service.im.v1.model.LinkChatReqBody;
import com.lark.oapi.service.im.v1.model.LinkChatResp;
import com.lark.oapi.service.im.v1.model.PutTopNoticeChatTopNoticeReq;
import com.lark.oapi.service.im.v1.model.PutTopNoticeChatTopNoticeReqBody;
import com.lark.oapi.service.im.v1.model.PutTopNoticeChatTopNoticeResp;
import dev.larkspur.platform.Ids;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Top notices ({@code …/top_notice/put_top_notice}, {@code /delete_top_notice}) and share links
 * ({@code …/link}) through the official Java SDK.
 */
class ChatTopNoticeAndLinkIT {
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

    private static ChatExtrasFixture tenant() {
        var t = ChatExtrasFixture.tenant(server);
        t.users("ann", "bob", "cat");
        return t;
    }

    private static PutTopNoticeChatTopNoticeResp put(
            ChatExtrasFixture t, String chatId, RequestOptions as, ChatTopNotice... notices) throws Exception {
        var req = PutTopNoticeChatTopNoticeReq.newBuilder()
                .chatId(chatId)
                .putTopNoticeChatTopNoticeReqBody(PutTopNoticeChatTopNoticeReqBody.newBuilder()
                        .chatTopNotice(notices)
                        .build())
                .build();
        return as == null
                ? t.client.im().chatTopNotice().putTopNotice(req)
                : t.client.im().chatTopNotice().putTopNotice(req, as);
    }

    private static ChatTopNotice notice(String actionType, String messageId) {
        return ChatTopNotice.newBuilder()
                .actionType(actionType)
                .messageId(messageId)
                .build();
    }

    /** The stored top notice as (action type, message id), or null; no API reads it back. */
    private static Map<String, Object> stored(String chatId) {
        return server
                .bean(JdbcClient.class)
                .sql("select n.action_type, n.message_id from chat_top_notice n join chat c on c.id = n.chat_id"
                        + " where c.chat_id = ?")
                .param(chatId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static int deleteTopNotice(ChatExtrasFixture t, String chatId, RequestOptions as) throws Exception {
        var req = DeleteTopNoticeChatTopNoticeReq.newBuilder().chatId(chatId).build();
        var resp = as == null
                ? t.client.im().chatTopNotice().deleteTopNotice(req)
                : t.client.im().chatTopNotice().deleteTopNotice(req, as);
        return resp.getCode();
    }

    private static LinkChatResp link(ChatExtrasFixture t, String chatId, RequestOptions as, String validity)
            throws Exception {
        var req = LinkChatReq.newBuilder()
                .chatId(chatId)
                .linkChatReqBody(
                        LinkChatReqBody.newBuilder().validityPeriod(validity).build())
                .build();
        return as == null
                ? t.client.im().chat().link(req)
                : t.client.im().chat().link(req, as);
    }

    @Test
    void memberPinsAMessageAsTopNotice() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        String messageId = "om_" + Ids.hex(32);

        var resp = put(t, chat, t.as("bob"), notice("1", messageId));

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(200);
        assertThat(stored(chat)).containsEntry("action_type", "1").containsEntry("message_id", messageId);
    }

    @Test
    void topNoticeWithoutActionTypePinsTheAnnouncement() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = put(t, chat, null, notice(null, "om_" + Ids.hex(32)));

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(stored(chat)).containsEntry("action_type", "2");
        assertThat(stored(chat).get("message_id")).isNull();
    }

    @Test
    void lastElementOfTheRequestBecomesTheTopNotice() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        String messageId = "om_" + Ids.hex(32);

        put(t, chat, null, notice("2", null), notice("1", messageId));

        assertThat(stored(chat)).containsEntry("message_id", messageId);
    }

    @Test
    void messageTopNoticeNeedsAWellFormedMessageId() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(put(t, chat, null, notice("1", null)).getCode()).isEqualTo(232001);
        assertThat(put(t, chat, null, notice("1", "om_nothex")).getCode()).isEqualTo(232001);
        assertThat(stored(chat)).isNull();
    }

    @Test
    void unknownActionTypeIsRejected() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(put(t, chat, null, notice("3", null)).getCode()).isEqualTo(232001);
    }

    @Test
    void topNoticeListIsRequired() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(put(t, chat, null).getCode()).isEqualTo(232001);
        var raw = server.http()
                .post("/open-apis/im/v1/chats/" + chat + "/top_notice/put_top_notice", t.tenantToken(), "{}");
        assertThat(raw.code()).isEqualTo(232001);
        assertThat(raw.status()).isEqualTo(400);
    }

    @Test
    void nonMemberCannotPutOrDeleteTopNotice() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(put(t, chat, t.as("cat"), notice("2", null)).getCode()).isEqualTo(232011);
        assertThat(deleteTopNotice(t, chat, t.as("cat"))).isEqualTo(232011);
    }

    @Test
    void deleteTopNoticeRemovesIt() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        put(t, chat, null, notice("2", null));

        assertThat(deleteTopNotice(t, chat, t.as("bob"))).isZero();
        assertThat(stored(chat)).isNull();
        assertThat(deleteTopNotice(t, chat, null)).isZero();
    }

    /** The Node SDK sends {@code {}}; other clients send nothing at all. */
    @Test
    void deleteTopNoticeAcceptsNoBodyAndAnEmptyObject() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        String path = "/open-apis/im/v1/chats/" + chat + "/top_notice/delete_top_notice";

        var empty = server.http().post(path, t.tenantToken(), "{}");
        var none = server.http().post(path, t.tenantToken(), null);

        assertThat(empty.code()).isZero();
        assertThat(none.code()).isZero();
        assertThat(none.body().path("data").isObject()).isTrue();
    }

    @Test
    void linkLastsAWeekByDefault() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = link(t, chat, null, null);

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        var data = resp.getData();
        assertThat(data.getShareLink())
                .startsWith("https://applink.feishu.cn/client/chat/chatter/add_by_link?link_token=");
        assertThat(data.getIsPermanent()).isFalse();
        long expected = (server.clock().millis() + Duration.ofDays(7).toMillis()) / 1000;
        assertThat(Long.parseLong(data.getExpireTime())).isBetween(expected - 60, expected);
    }

    @Test
    void yearAndPermanentLinksAnswerTheirValidity() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var year = link(t, chat, t.as("bob"), "year").getData();
        var forever = link(t, chat, null, "permanently").getData();

        long expected = (server.clock().millis() + Duration.ofDays(365).toMillis()) / 1000;
        assertThat(Long.parseLong(year.getExpireTime())).isBetween(expected - 60, expected);
        assertThat(year.getIsPermanent()).isFalse();
        assertThat(forever.getIsPermanent()).isTrue();
        assertThat(forever.getExpireTime()).isEqualTo("0");
        assertThat(forever.getShareLink()).isNotEqualTo(year.getShareLink());
    }

    @Test
    void unknownValidityPeriodIsRejected() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(link(t, chat, null, "month").getCode()).isEqualTo(232001);
    }

    @Test
    void p2pChatCannotBeShared() throws Exception {
        var t = tenant();
        String chat = t.p2p("ann");

        assertThat(link(t, chat, null, "week").getCode()).isEqualTo(232062);
    }

    @Test
    void nonMemberCannotShare() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(link(t, chat, t.as("cat"), "week").getCode()).isEqualTo(232011);
    }

    @Test
    void onlyOwnersAndManagersShareWhenOnlyTheyMayAddMembers() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        t.onlyOwnersAdd(chat);

        assertThat(link(t, chat, t.as("bob"), "week").getCode()).isEqualTo(232064);
        assertThat(link(t, chat, t.as("ann"), "week").getCode()).isZero();
    }

    @Test
    void managerMayShareWhenOnlyOwnersMayAddMembers() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        t.onlyOwnersAdd(chat);
        var resp = t.client
                .im()
                .chatManagers()
                .addManagers(
                        AddManagersChatManagersReq.newBuilder()
                                .chatId(chat)
                                .memberIdType("open_id")
                                .addManagersChatManagersReqBody(AddManagersChatManagersReqBody.newBuilder()
                                        .managerIds(new String[] {t.openId("bob")})
                                        .build())
                                .build(),
                        t.as("ann"));
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();

        assertThat(link(t, chat, t.as("bob"), "week").getCode()).isZero();
    }
}
