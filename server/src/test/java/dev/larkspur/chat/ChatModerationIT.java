package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.GetChatModerationReq;
import com.lark.oapi.service.im.v1.model.GetChatModerationResp;
import com.lark.oapi.service.im.v1.model.ListModerator;
import com.lark.oapi.service.im.v1.model.UpdateChatModerationReq;
import com.lark.oapi.service.im.v1.model.UpdateChatModerationReqBody;
import com.lark.oapi.service.im.v1.model.UpdateChatModerationResp;
import dev.larkspur.directory.Scopes;
import dev.larkspur.support.TestServer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET/PUT /open-apis/im/v1/chats/:chat_id/moderation} through the official Java SDK. */
class ChatModerationIT {
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
        t.users("ann", "bob", "cat", "dan", "eve");
        return t;
    }

    private static GetChatModerationResp get(
            ChatExtrasFixture t, String chatId, String idType, Integer size, String token) throws Exception {
        var req = GetChatModerationReq.newBuilder()
                .chatId(chatId)
                .userIdType(idType)
                .pageSize(size);
        if (token != null) {
            req.pageToken(token);
        }
        return t.client.im().chatModeration().get(req.build());
    }

    private static GetChatModerationResp get(ChatExtrasFixture t, String chatId) throws Exception {
        return get(t, chatId, "open_id", null, null);
    }

    static UpdateChatModerationResp update(
            ChatExtrasFixture t,
            String chatId,
            RequestOptions as,
            String setting,
            List<String> added,
            List<String> removed)
            throws Exception {
        var body = UpdateChatModerationReqBody.newBuilder().moderationSetting(setting);
        if (added != null) {
            body.moderatorAddedList(added.toArray(String[]::new));
        }
        if (removed != null) {
            body.moderatorRemovedList(removed.toArray(String[]::new));
        }
        var req = UpdateChatModerationReq.newBuilder()
                .chatId(chatId)
                .userIdType("open_id")
                .updateChatModerationReqBody(body.build())
                .build();
        return as == null
                ? t.client.im().chatModeration().update(req)
                : t.client.im().chatModeration().update(req, as);
    }

    private static List<String> moderatorIds(GetChatModerationResp resp) {
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return Arrays.stream(resp.getData().getItems())
                .map(ListModerator::getUserId)
                .toList();
    }

    @Test
    void newChatLetsAllMembersSpeakAndListsNoModerators() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = get(t, chat);

        assertThat(resp.getCode()).isZero();
        assertThat(resp.getData().getModerationSetting()).isEqualTo("all_members");
        assertThat(resp.getData().getItems()).isNull();
        assertThat(resp.getData().getHasMore()).isFalse();
    }

    @Test
    void ownerSetsModeratorListAndTheOwnerIsOnItFirst() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob", "cat");

        var resp = update(t, chat, t.as("ann"), "moderator_list", List.of(t.openId("bob")), null);

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        var got = get(t, chat);
        assertThat(got.getData().getModerationSetting()).isEqualTo("moderator_list");
        assertThat(moderatorIds(got)).containsExactly(t.openId("ann"), t.openId("bob"));
        var first = got.getData().getItems()[0];
        assertThat(first.getUserIdType()).isEqualTo("open_id");
        assertThat(first.getTenantKey()).isEqualTo(t.tenantKey);
    }

    @Test
    void creatorBotWithOperateAsOwnerMayUpdate() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = update(t, chat, null, "only_owner", null, null);

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(get(t, chat).getData().getModerationSetting()).isEqualTo("only_owner");
    }

    @Test
    void creatorBotWithoutOperateAsOwnerIsRefused() throws Exception {
        var scopes = Scopes.DEFAULT.stream()
                .filter(s -> !s.equals("im:chat:operate_as_owner"))
                .toList();
        var t = ChatExtrasFixture.tenant(server, scopes);
        t.users("ann", "bob");
        String chat = t.group("ann", "bob");

        var resp = update(t, chat, null, "only_owner", null, null);

        assertThat(resp.getCode()).isEqualTo(232017);
    }

    @Test
    void memberWhoIsNotOwnerIsRefused() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = update(t, chat, t.as("bob"), "only_owner", null, null);

        assertThat(resp.getCode()).isEqualTo(232017);
        assertThat(get(t, chat).getData().getModerationSetting()).isEqualTo("all_members");
    }

    @Test
    void nonMemberCannotReadModeration() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = t.client
                .im()
                .chatModeration()
                .get(GetChatModerationReq.newBuilder().chatId(chat).build(), t.as("cat"));

        assertThat(resp.getCode()).isEqualTo(232011);
    }

    @Test
    void idsOfNonMembersAndUnknownIdsAreSilentlyDropped() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = update(
                t,
                chat,
                null,
                "moderator_list",
                List.of(t.openId("bob"), t.openId("cat"), "ou_00000000000000000000000000000000"),
                null);

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(moderatorIds(get(t, chat))).containsExactly(t.openId("ann"), t.openId("bob"));
    }

    @Test
    void overlappingAddedAndRemovedListsAreRejected() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = update(t, chat, null, "moderator_list", List.of(t.openId("bob")), List.of(t.openId("bob")));

        assertThat(resp.getCode()).isEqualTo(232001);
        assertThat(get(t, chat).getData().getModerationSetting()).isEqualTo("all_members");
    }

    @Test
    void unknownModerationSettingIsRejected() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(update(t, chat, null, "everyone", null, null).getCode()).isEqualTo(232001);
    }

    @Test
    void unknownUserIdTypeIsRejected() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        assertThat(get(t, chat, "email", null, null).getCode()).isEqualTo(232015);
    }

    @Test
    void removedModeratorsLeaveTheList() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob", "cat");
        update(t, chat, null, "moderator_list", List.of(t.openId("bob"), t.openId("cat")), null);

        var resp = update(t, chat, null, null, null, List.of(t.openId("cat")));

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(moderatorIds(get(t, chat))).containsExactly(t.openId("ann"), t.openId("bob"));
    }

    @Test
    void moderatorListPagesWithPageToken() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob", "cat", "dan", "eve");
        update(t, chat, null, "moderator_list", List.of(t.openId("bob"), t.openId("cat"), t.openId("dan")), null);

        var first = get(t, chat, "open_id", 3, null);
        var second = get(t, chat, "open_id", 3, first.getData().getPageToken());

        assertThat(moderatorIds(first)).containsExactly(t.openId("ann"), t.openId("bob"), t.openId("cat"));
        assertThat(first.getData().getHasMore()).isTrue();
        assertThat(moderatorIds(second)).containsExactly(t.openId("dan"));
        assertThat(second.getData().getHasMore()).isFalse();
        assertThat(second.getData().getPageToken()).isNull();
    }

    @Test
    void moderatorsAreShownInTheRequestedIdType() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        update(t, chat, null, "moderator_list", List.of(t.openId("bob")), null);

        var byUnion = get(t, chat, "union_id", null, null);
        var byUserId = get(t, chat, "user_id", null, null);

        assertThat(moderatorIds(byUnion)).containsExactly(t.unionId("ann"), t.unionId("bob"));
        assertThat(byUnion.getData().getItems()[0].getUserIdType()).isEqualTo("union_id");
        assertThat(moderatorIds(byUserId)).containsExactly("ann", "bob");
    }

    @Test
    void leavingModeratorListModeEmptiesTheList() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        update(t, chat, null, "moderator_list", List.of(t.openId("bob")), null);
        update(t, chat, null, "all_members", null, null);

        update(t, chat, null, "moderator_list", null, null);

        assertThat(moderatorIds(get(t, chat))).containsExactly(t.openId("ann"));
    }
}
