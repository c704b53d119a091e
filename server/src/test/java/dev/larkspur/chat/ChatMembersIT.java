package dev.larkspur.chat;

import static dev.larkspur.chat.ChatCalls.add;
import static dev.larkspur.chat.ChatCalls.addManagers;
import static dev.larkspur.chat.ChatCalls.get;
import static dev.larkspur.chat.ChatCalls.isInChat;
import static dev.larkspur.chat.ChatCalls.meJoin;
import static dev.larkspur.chat.ChatCalls.memberIds;
import static dev.larkspur.chat.ChatCalls.remove;
import static dev.larkspur.chat.ChatCalls.update;
import static dev.larkspur.support.Person.openIds;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.UpdateChatReqBody;
import dev.larkspur.support.TestServer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changing who is in a chat (spec/group.md §2.11–2.13): adding users and bots, removing them,
 * leaving, and joining a public chat oneself; and who may do each.
 */
class ChatMembersIT {
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

    private static String publicChat(ChatFixtures.Org org, String name, String approval) throws Exception {
        return ok(org.create(CreateChatReqBody.newBuilder()
                        .name(name)
                        .chatType("public")
                        .membershipApproval(approval)
                        .build()))
                .getData()
                .getChatId();
    }

    private static String userCount(ChatFixtures.Org org, String chatId) throws Exception {
        return ok(get(org.client, chatId)).getData().getUserCount();
    }

    @Test
    void addedUsersBecomeMembers() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var carl = org.person("Carl");
        String chatId = org.chat("Team", ann);

        var resp = ok(add(org.client, chatId, null, null, openIds(bob, carl), null));

        assertThat(resp.getData().getInvalidIdList()).isEmpty();
        assertThat(resp.getData().getNotExistedIdList()).isEmpty();
        assertThat(resp.getData().getPendingApprovalIdList()).isEmpty();
        assertThat(memberIds(org.client, chatId)).containsExactly(ann.openId(), bob.openId(), carl.openId());
        assertThat(userCount(org, chatId)).isEqualTo("3");
    }

    @Test
    void addingAMemberAgainCountsThemOnce() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chat("Team", ann);

        ok(add(org.client, chatId, null, null, openIds(ann, ann), null));

        assertThat(memberIds(org.client, chatId)).containsExactly(ann.openId());
        assertThat(userCount(org, chatId)).isEqualTo("1");
    }

    @Test
    void addRejectsUnknownOpenIdWhenSucceedTypeIsZero() throws Exception {
        var org = fx.org();
        var bob = org.person("Bob");
        String chatId = org.chat("Team");
        String ghost = "ou_" + "f".repeat(32);

        var resp = add(org.client, chatId, null, 0, new String[] {bob.openId(), ghost}, null);

        assertFails(resp, 99992351);
        assertThat(resp.getMsg()).contains(ghost);
        assertThat(memberIds(org.client, chatId)).isEmpty();
    }

    @Test
    void addReportsUnknownIdsAndAddsTheRestWhenSucceedTypeIsOne() throws Exception {
        var org = fx.org();
        var bob = org.person("Bob");
        String chatId = org.chat("Team");
        String ghost = "ou_" + "f".repeat(32);

        var resp = ok(add(org.client, chatId, null, 1, new String[] {bob.openId(), ghost}, null));

        assertThat(resp.getData().getNotExistedIdList()).containsExactly(ghost);
        assertThat(resp.getData().getInvalidIdList()).isEmpty();
        assertThat(memberIds(org.client, chatId)).containsExactly(bob.openId());
    }

    @Test
    void addRejectsUnsupportedMemberIdType() throws Exception {
        var org = fx.org();
        var bob = org.person("Bob");
        String chatId = org.chat("Team");

        assertFails(add(org.client, chatId, "email", null, openIds(bob), null), 232015);
    }

    @Test
    void addTakesAtMostFiftyUsersPerCall() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Team");
        var ids = IntStream.range(0, 51)
                .mapToObj(i -> String.format("ou_%032x", i + 1))
                .toArray(String[]::new);

        assertFails(add(org.client, chatId, null, 1, ids, null), 232001);
    }

    @Test
    void addTakesAtMostFiveBotsPerCall() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Team");
        var ids = IntStream.range(0, 6)
                .mapToObj(i -> org.bot("Helper " + i).appId())
                .toArray(String[]::new);

        assertFails(add(org.client, chatId, "app_id", null, ids, null), 232001);
        ok(add(org.client, chatId, "app_id", null, Arrays.copyOf(ids, 5), null));
    }

    @Test
    void memberCannotAddUsersWhenOnlyOwnerMayAdd() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var carl = org.person("Carl");
        String chatId = org.chatOwnedBy(ann, "Closed", bob);
        ok(update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder()
                        .addMemberPermission("only_owner")
                        .shareCardPermission("not_allowed")
                        .build(),
                null));

        assertFails(add(org.client, chatId, null, null, openIds(carl), org.as(bob)), 232017);
        ok(add(org.client, chatId, null, null, openIds(carl), org.as(ann)));
        assertThat(memberIds(org.client, chatId)).contains(carl.openId());
    }

    @Test
    void invitedBotBecomesAMember() throws Exception {
        var org = fx.org();
        var helper = org.bot("Helper");
        String chatId = org.chat("Team");

        ok(add(org.client, chatId, "app_id", null, new String[] {helper.appId()}, null));

        assertThat(isInChat(org.client(helper), chatId, null)).isTrue();
        assertThat(ok(get(org.client, chatId)).getData().getBotCount()).isEqualTo("2");
    }

    @Test
    void ownerRemovesMembersAndIdsNotInTheChatComeBackInvalid() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var carl = org.person("Carl");
        String chatId = org.chat("Team", ann, bob);

        var resp = ok(remove(org.client, chatId, null, openIds(bob, carl), null));

        assertThat(resp.getData().getInvalidIdList()).containsExactly(carl.openId());
        assertThat(memberIds(org.client, chatId)).containsExactly(ann.openId());
        assertThat(userCount(org, chatId)).isEqualTo("1");
    }

    @Test
    void memberCannotRemoveOthers() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chat("Team", ann, bob);

        assertFails(remove(org.client, chatId, null, openIds(ann), org.as(bob)), 232014);
        assertThat(memberIds(org.client, chatId)).contains(ann.openId());
    }

    @Test
    void userLeavesChatByRemovingItself() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chat("Team", ann, bob);

        ok(remove(org.client, chatId, null, openIds(bob), org.as(bob)));

        assertThat(memberIds(org.client, chatId)).containsExactly(ann.openId());
        assertThat(isInChat(org.client, chatId, org.as(bob))).isFalse();
    }

    @Test
    void ownerCannotBeKicked() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chatOwnedBy(ann, "Ann's", org.person("Bob"));

        assertFails(remove(org.client, chatId, null, openIds(ann), null), 232076);
        assertThat(memberIds(org.client, chatId)).contains(ann.openId());
    }

    @Test
    void managerMayRemoveMembers() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var carl = org.person("Carl");
        String chatId = org.chatOwnedBy(ann, "Ann's", bob, carl);
        ok(addManagers(org.client, chatId, null, openIds(bob), org.as(ann)));

        ok(remove(org.client, chatId, null, openIds(carl), org.as(bob)));

        assertThat(memberIds(org.client, chatId)).containsExactly(ann.openId(), bob.openId());
    }

    @Test
    void botJoinsPublicChatItself() throws Exception {
        var org = fx.org();
        var joiner = org.bot("Joiner");
        String chatId = publicChat(org, "Town square", "no_approval_required");

        var resp = ok(meJoin(org.client(joiner), chatId, null));

        assertThat(resp.getMsg()).isEqualTo("ok");
        assertThat(isInChat(org.client(joiner), chatId, null)).isTrue();
    }

    @Test
    void userJoinsPublicChatWithUserToken() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = publicChat(org, "Town square", "no_approval_required");

        ok(meJoin(org.client, chatId, org.as(ann)));

        assertThat(memberIds(org.client, chatId)).containsExactly(ann.openId());
    }

    @Test
    void meJoinRejectsPrivateChat() throws Exception {
        var org = fx.org();
        var joiner = org.bot("Joiner");
        String chatId = org.chat("Back room");

        assertFails(meJoin(org.client(joiner), chatId, null), 232008);
        assertThat(isInChat(org.client(joiner), chatId, null)).isFalse();
    }

    @Test
    void meJoinRejectsPublicChatThatNeedsApproval() throws Exception {
        var org = fx.org();
        var joiner = org.bot("Joiner");
        String chatId = publicChat(org, "Club", "approval_required");

        assertFails(meJoin(org.client(joiner), chatId, null), 232075);
        assertThat(isInChat(org.client(joiner), chatId, null)).isFalse();
    }

    @Test
    void meJoinRejectsChatOfAnotherTenant() throws Exception {
        var org = fx.org();
        var other = fx.org();
        String chatId = publicChat(other, "Their square", "no_approval_required");

        assertFails(meJoin(org.client, chatId, null), 232010);
    }
}
