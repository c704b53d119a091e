package dev.larkspur.chat;

import static dev.larkspur.chat.ChatCalls.add;
import static dev.larkspur.chat.ChatCalls.disband;
import static dev.larkspur.chat.ChatCalls.get;
import static dev.larkspur.chat.ChatCalls.update;
import static dev.larkspur.support.Person.openIds;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.GetChatReq;
import com.lark.oapi.service.im.v1.model.I18nNames;
import com.lark.oapi.service.im.v1.model.UpdateChatReqBody;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading, changing and disbanding one chat (spec/group.md §2.2, §2.5, §2.6) and the shared checks. */
class ChatLifecycleIT {
    private static TestServer server;
    private static ChatFixtures fx;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new ChatFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) { // null when the PostgreSQL pass is skipped
            server.close();
        }
    }

    @Test
    void memberSeesTheWholeChat() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var helper = org.bot("Helper");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Ops")
                        .description("Pager duty")
                        .i18nNames(I18nNames.newBuilder().zhCn("运维").enUs("Ops").build())
                        .ownerId(ann.openId())
                        .userIdList(openIds(ann, bob))
                        .botIdList(new String[] {helper.appId()})
                        .editPermission("only_owner")
                        .build()))
                .getData()
                .getChatId();

        var chat = ok(get(org.client, chatId)).getData();

        assertThat(chat.getName()).isEqualTo("Ops");
        assertThat(chat.getDescription()).isEqualTo("Pager duty");
        assertThat(chat.getI18nNames().getZhCn()).isEqualTo("运维");
        assertThat(chat.getI18nNames().getEnUs()).isEqualTo("Ops");
        assertThat(chat.getOwnerId()).isEqualTo(ann.openId());
        assertThat(chat.getOwnerIdType()).isEqualTo("open_id");
        assertThat(chat.getEditPermission()).isEqualTo("only_owner");
        assertThat(chat.getAddMemberPermission()).isEqualTo("all_members");
        assertThat(chat.getShareCardPermission()).isEqualTo("allowed");
        assertThat(chat.getChatMode()).isEqualTo("group");
        assertThat(chat.getChatType()).isEqualTo("private");
        assertThat(chat.getChatTag()).isEqualTo("inner");
        assertThat(chat.getGroupMessageType()).isEqualTo("chat");
        assertThat(chat.getExternal()).isFalse();
        assertThat(chat.getTenantKey()).isEqualTo(org.tenantKey);
        assertThat(chat.getUserManagerIdList()).isEmpty();
        assertThat(chat.getBotManagerIdList()).isEmpty();
        assertThat(chat.getUserCount()).isEqualTo("2");
        assertThat(chat.getBotCount()).isEqualTo("2");
        assertThat(chat.getChatStatus()).isEqualTo("normal");
    }

    @Test
    void getAnswersWithoutChatIdAndWithCountsAsStrings() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chat("Counted", ann);

        var reply = org.rawGet("/open-apis/im/v1/chats/" + chatId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("msg").asText()).isEqualTo("success");
        var data = reply.body().path("data");
        assertThat(data.has("chat_id")).isFalse();
        assertThat(data.path("user_count").isString()).isTrue();
        assertThat(data.path("user_count").asText()).isEqualTo("1");
        assertThat(data.path("bot_count").isString()).isTrue();
        assertThat(data.path("bot_count").asText()).isEqualTo("1");
        assertThat(data.path("external").isBoolean()).isTrue();
    }

    @Test
    void ownerIsShownInTheRequestedUserIdType() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chatOwnedBy(ann, "Typed");

        var byUnion = ok(org.client
                        .im()
                        .chat()
                        .get(GetChatReq.newBuilder()
                                .chatId(chatId)
                                .userIdType("union_id")
                                .build()))
                .getData();

        assertThat(byUnion.getOwnerId()).isEqualTo(ann.unionId());
        assertThat(byUnion.getOwnerIdType()).isEqualTo("union_id");
    }

    @Test
    void nonMemberSeesOnlyNameAvatarCountsAndStatus() throws Exception {
        var org = fx.org();
        var outsider = org.bot("Outsider");
        String chatId = org.chat("Members only", org.person("Ann"));

        var reply = server.http()
                .get(
                        "/open-apis/im/v1/chats/" + chatId,
                        server.http().tenantToken(outsider.appId(), outsider.appSecret()));

        assertThat(reply.code()).isZero();
        var fields = new ArrayList<String>();
        reply.body().path("data").propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("avatar", "name", "user_count", "bot_count", "chat_status");
        assertThat(reply.body().path("data").path("name").asText()).isEqualTo("Members only");
    }

    @Test
    void getRejectsUnknownChat() throws Exception {
        var org = fx.org();

        assertFails(get(org.client, "oc_" + "0".repeat(32)), 232006);
        assertFails(get(org.client, "not-a-chat-id"), 232006);
    }

    @Test
    void getRejectsChatOfAnotherTenant() throws Exception {
        var org = fx.org();
        var other = fx.org();
        String chatId = other.chat("Theirs");

        assertFails(get(org.client, chatId), 232010);
    }

    @Test
    void appWithoutBotAbilityCannotReadChats() throws Exception {
        var org = fx.org();
        var mute = org.botWithoutBotAbility("Mute");
        String chatId = org.chat("Loud");

        assertFails(get(org.client(mute), chatId), 232025);
    }

    @Test
    void dissolvedChatRefusesEveryOperation() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chat("Short lived");
        ok(disband(org.client, chatId, null));

        assertFails(get(org.client, chatId), 232009);
        assertFails(
                update(
                        org.client,
                        chatId,
                        UpdateChatReqBody.newBuilder().name("Back").build(),
                        null),
                232009);
        assertFails(add(org.client, chatId, null, null, openIds(ann), null), 232009);
        assertFails(disband(org.client, chatId, null), 232009);
    }

    @Test
    void updateChangesOnlyTheFieldsGiven() throws Exception {
        var org = fx.org();
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Before")
                        .description("Kept")
                        .editPermission("only_owner")
                        .build()))
                .getData()
                .getChatId();

        var resp = ok(update(
                org.client, chatId, UpdateChatReqBody.newBuilder().name("After").build(), null));

        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(200);
        var chat = ok(get(org.client, chatId)).getData();
        assertThat(chat.getName()).isEqualTo("After");
        assertThat(chat.getDescription()).isEqualTo("Kept");
        assertThat(chat.getEditPermission()).isEqualTo("only_owner");
    }

    @Test
    void updateAnswersWithEmptyData() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Plain");

        var reply = server.http()
                .send("PUT", "/open-apis/im/v1/chats/" + chatId, org.tenantToken(), "{\"description\":\"New\"}");

        assertThat(reply.code()).isZero();
        assertThat(reply.body().path("data").isObject()).isTrue();
        assertThat(reply.body().path("data").isEmpty()).isTrue();
    }

    @Test
    void nonMemberCannotUpdateChat() throws Exception {
        var org = fx.org();
        var outsider = org.bot("Outsider");
        String chatId = org.chat("Closed");

        assertFails(
                update(
                        org.client(outsider),
                        chatId,
                        UpdateChatReqBody.newBuilder().name("Mine").build(),
                        null),
                232011);
        assertThat(ok(get(org.client, chatId)).getData().getName()).isEqualTo("Closed");
    }

    @Test
    void memberMayRenameChatWhenAllMembersMayEdit() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chatOwnedBy(ann, "Open", bob);

        ok(update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder()
                        .name("Bob's idea")
                        .description("By Bob")
                        .build(),
                org.as(bob)));

        var chat = ok(get(org.client, chatId)).getData();
        assertThat(chat.getName()).isEqualTo("Bob's idea");
        assertThat(chat.getDescription()).isEqualTo("By Bob");
    }

    @Test
    void memberCannotEditChatWhenOnlyOwnerMayEdit() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Strict")
                        .ownerId(ann.openId())
                        .userIdList(openIds(bob))
                        .editPermission("only_owner")
                        .build()))
                .getData()
                .getChatId();

        assertFails(
                update(
                        org.client,
                        chatId,
                        UpdateChatReqBody.newBuilder().name("Loose").build(),
                        org.as(bob)),
                232002);
        ok(update(
                org.client, chatId, UpdateChatReqBody.newBuilder().name("Ann's").build(), org.as(ann)));
        assertThat(ok(get(org.client, chatId)).getData().getName()).isEqualTo("Ann's");
    }

    @Test
    void memberCannotChangePermissionsEvenWhenAllMembersMayEdit() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chatOwnedBy(ann, "Open", bob);

        assertFails(
                update(
                        org.client,
                        chatId,
                        UpdateChatReqBody.newBuilder()
                                .atAllPermission("only_owner")
                                .build(),
                        org.as(bob)),
                232016);
        assertThat(ok(get(org.client, chatId)).getData().getAtAllPermission()).isEqualTo("all_members");
    }

    @Test
    void updateRejectsAddMemberAndShareCardPermissionsThatDisagree() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Coupled");

        var resp = update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder()
                        .addMemberPermission("only_owner")
                        .shareCardPermission("allowed")
                        .build(),
                null);

        assertFails(resp, 232001);
        ok(update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder()
                        .addMemberPermission("only_owner")
                        .shareCardPermission("not_allowed")
                        .build(),
                null));
        assertThat(ok(get(org.client, chatId)).getData().getAddMemberPermission())
                .isEqualTo("only_owner");
    }

    @Test
    void updateRejectsPublicChatWithShortName() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Private");

        var resp = update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder().chatType("public").name("P").build(),
                null);

        assertFails(resp, 232020);
    }

    @Test
    void ownerTransfersChatToAMember() throws Exception {
        var org = fx.org();
        var bob = org.person("Bob");
        String chatId = org.chat("Handover", bob);

        ok(update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder().ownerId(bob.openId()).build(),
                null));

        assertThat(ok(get(org.client, chatId)).getData().getOwnerId()).isEqualTo(bob.openId());
    }

    @Test
    void newOwnerMustBeInTheChat() throws Exception {
        var org = fx.org();
        var carl = org.person("Carl");
        String chatId = org.chat("Handover", org.person("Bob"));

        var resp = update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder().ownerId(carl.openId()).build(),
                null);

        assertFails(resp, 232012);
        assertThat(ok(get(org.client, chatId)).getData().getOwnerId()).isNull();
    }

    @Test
    void owningBotDisbandsItsChat() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Temporary", org.person("Ann"));

        var resp = ok(disband(org.client, chatId, null));

        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(200);
        assertFails(get(org.client, chatId), 232009);
    }

    @Test
    void owningUserDisbandsChatWithUserToken() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chatOwnedBy(ann, "Ann's");

        ok(disband(org.client, chatId, org.as(ann)));

        assertFails(get(org.client, chatId), 232009);
    }

    @Test
    void memberCannotDisbandChat() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chatOwnedBy(ann, "Ann's", bob);

        assertFails(disband(org.client, chatId, org.as(bob)), 232017);
        assertThat(ok(get(org.client, chatId)).getData().getChatStatus()).isEqualTo("normal");
    }

    @Test
    void invitedBotCannotDisbandChat() throws Exception {
        var org = fx.org();
        var guest = org.bot("Guest");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Hosted")
                        .botIdList(new String[] {guest.appId()})
                        .build()))
                .getData()
                .getChatId();

        assertFails(disband(org.client(guest), chatId, null), 232017);
    }

    @Test
    void creatorBotWithOperateAsOwnerScopeDisbandsUserOwnedChat() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chatOwnedBy(ann, "Ann's");

        ok(disband(org.client, chatId, null));

        assertFails(get(org.client, chatId), 232009);
    }

    @Test
    void creatorBotWithoutOperateAsOwnerScopeCannotDisbandUserOwnedChat() throws Exception {
        var org = fx.org();
        var plain = org.bot("Plain", List.of("im:chat"));
        var ann = org.person("Ann");
        var client = org.client(plain);
        String chatId = ok(client.im()
                        .chat()
                        .create(CreateChatReq.newBuilder()
                                .createChatReqBody(CreateChatReqBody.newBuilder()
                                        .name("Ann's")
                                        .ownerId(org.openIdIn(plain, ann))
                                        .build())
                                .build()))
                .getData()
                .getChatId();

        assertFails(disband(client, chatId, null), 232017);
    }
}
