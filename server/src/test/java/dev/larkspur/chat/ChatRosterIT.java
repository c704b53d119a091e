package dev.larkspur.chat;

import static dev.larkspur.chat.ChatCalls.addManagers;
import static dev.larkspur.chat.ChatCalls.deleteManagers;
import static dev.larkspur.chat.ChatCalls.get;
import static dev.larkspur.chat.ChatCalls.isInChat;
import static dev.larkspur.chat.ChatCalls.members;
import static dev.larkspur.support.Person.openIds;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.ListMember;
import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who is in a chat and who manages it (spec/group.md §2.10, §2.14, §2.15): the members list and its
 * paging, is_in_chat, and chat managers.
 */
class ChatRosterIT {
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
    void membersListPagesThroughEveryUserOnce() throws Exception {
        var org = fx.org();
        var people = org.people("Member", 45);
        String chatId = org.chat("Crowd", people.toArray(Person[]::new));

        var seen = new ArrayList<String>();
        var pageSizes = new ArrayList<Integer>();
        String token = null;
        boolean more = true;
        while (more) {
            var page = ok(members(org.client, chatId, null, token)).getData();
            assertThat(page.getMemberTotal()).isEqualTo(45);
            Arrays.stream(page.getItems()).map(ListMember::getMemberId).forEach(seen::add);
            pageSizes.add(page.getItems().length);
            more = page.getHasMore();
            token = page.getPageToken();
            assertThat(token == null || token.isEmpty()).isEqualTo(!more);
        }

        assertThat(pageSizes).containsExactly(20, 20, 5);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrder(openIds(people));
    }

    @Test
    void membersListGivesMemberTotalAsANumber() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Team", org.person("Ann"), org.person("Bob"));

        var data = org.rawGet("/open-apis/im/v1/chats/" + chatId + "/members?page_size=1")
                .body()
                .path("data");

        assertThat(data.path("member_total").isInt()).isTrue();
        assertThat(data.path("member_total").asInt()).isEqualTo(2);
        assertThat(data.path("has_more").asBoolean()).isTrue();
        assertThat(data.path("page_token").asText()).isNotEmpty();
    }

    @Test
    void membersListNeverShowsBots() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var helper = org.bot("Helper");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Mixed")
                        .userIdList(openIds(ann))
                        .botIdList(new String[] {helper.appId()})
                        .build()))
                .getData()
                .getChatId();

        var page = ok(members(org.client, chatId, null, null)).getData();

        assertThat(page.getItems()).extracting(ListMember::getMemberId).containsExactly(ann.openId());
        assertThat(page.getMemberTotal()).isEqualTo(1);
        assertThat(page.getHasMore()).isFalse();
    }

    @Test
    void membersListShowsEachUserInTheRequestedIdType() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chat("Team", ann);

        var item = ok(members(org.client, chatId, "union_id", null)).getData().getItems()[0];

        assertThat(item.getMemberIdType()).isEqualTo("union_id");
        assertThat(item.getMemberId()).isEqualTo(ann.unionId());
        assertThat(item.getName()).isEqualTo("Ann");
        assertThat(item.getTenantKey()).isEqualTo(org.tenantKey);
    }

    @Test
    void membersListRejectsAppIdAsMemberIdType() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Team", org.person("Ann"));

        assertFails(members(org.client, chatId, "app_id", null), 232015);
    }

    @Test
    void nonMemberCannotListMembers() throws Exception {
        var org = fx.org();
        var outsider = org.bot("Outsider");
        String chatId = org.chat("Team", org.person("Ann"));

        assertFails(members(org.client(outsider), chatId, null, null), 232011);
    }

    @Test
    void isInChatAnswersTrueForAMember() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = org.chat("Team", ann);

        assertThat(isInChat(org.client, chatId, null)).isTrue();
        assertThat(isInChat(org.client, chatId, org.as(ann))).isTrue();
    }

    @Test
    void isInChatAnswersFalseForANonMemberWithoutError() throws Exception {
        var org = fx.org();
        var bob = org.person("Bob");
        var outsider = org.bot("Outsider");
        String chatId = org.chat("Team", org.person("Ann"));

        assertThat(isInChat(org.client(outsider), chatId, null)).isFalse();
        assertThat(isInChat(org.client, chatId, org.as(bob))).isFalse();
    }

    @Test
    void ownerAddsAndRemovesManagers() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chatOwnedBy(ann, "Ann's", bob);

        var added = ok(addManagers(org.client, chatId, null, openIds(bob), org.as(ann)));

        assertThat(added.getData().getChatManagers()).containsExactly(bob.openId());
        assertThat(added.getData().getChatBotManagers()).isEmpty();
        var chat = ok(get(org.client, chatId)).getData();
        assertThat(chat.getUserManagerIdList()).containsExactly(bob.openId());
        var removed = ok(deleteManagers(org.client, chatId, null, openIds(bob), org.as(ann)));
        assertThat(removed.getData().getChatManagers()).isEmpty();
    }

    @Test
    void owningBotNamesBotManagersByAppId() throws Exception {
        var org = fx.org();
        var helper = org.bot("Helper");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Bots")
                        .botIdList(new String[] {helper.appId()})
                        .build()))
                .getData()
                .getChatId();

        var added = ok(addManagers(org.client, chatId, "app_id", new String[] {helper.appId()}, null));

        assertThat(added.getData().getChatBotManagers()).containsExactly(helper.appId());
        assertThat(added.getData().getChatManagers()).isEmpty();
    }

    @Test
    void onlyTheOwnerMayChangeManagers() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var carl = org.person("Carl");
        String chatId = org.chatOwnedBy(ann, "Ann's", bob, carl);

        assertFails(addManagers(org.client, chatId, null, openIds(carl), null), 232038);
        assertFails(addManagers(org.client, chatId, null, openIds(carl), org.as(bob)), 232038);
    }

    @Test
    void chatHasAtMostTenManagers() throws Exception {
        var org = fx.org();
        var people = org.people("Member", 11);
        String chatId = org.chat("Big", people.toArray(Person[]::new));

        ok(addManagers(org.client, chatId, null, openIds(people.subList(0, 10)), null));

        assertFails(addManagers(org.client, chatId, null, openIds(people.get(10)), null), 232040);
    }
}
