package dev.larkspur.chat;

import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.I18nNames;
import com.lark.oapi.service.im.v1.model.ListChat;
import com.lark.oapi.service.im.v1.model.ListChatReq;
import com.lark.oapi.service.im.v1.model.ListChatRespBody;
import com.lark.oapi.service.im.v1.model.SearchChatReq;
import com.lark.oapi.service.im.v1.model.SearchChatRespBody;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The caller's chats and chat search (spec/group.md §2.3, §2.4), with their paging. */
class ChatListingIT {
    private static final String BY_CREATION = "ByCreateTimeAsc";
    private static final String BY_ACTIVITY = "ByActiveTimeDesc";
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

    private static ListChatRespBody list(Client client, String sortType, Integer pageSize, String pageToken)
            throws Exception {
        return ok(client.im()
                        .chat()
                        .list(ListChatReq.newBuilder()
                                .sortType(sortType)
                                .pageSize(pageSize)
                                .pageToken(pageToken)
                                .build()))
                .getData();
    }

    private static SearchChatRespBody search(Client client, String query, Integer pageSize, String pageToken)
            throws Exception {
        return ok(client.im()
                        .chat()
                        .search(SearchChatReq.newBuilder()
                                .query(query)
                                .pageSize(pageSize)
                                .pageToken(pageToken)
                                .build()))
                .getData();
    }

    private static List<String> ids(ListChat[] items) {
        return items == null
                ? List.of()
                : Arrays.stream(items).map(ListChat::getChatId).toList();
    }

    private static List<String> searchIds(Client client, String query) throws Exception {
        return ids(search(client, query, null, null).getItems());
    }

    /** Chats one second apart, so that creation and activity times differ. */
    private static List<String> chats(ChatFixtures.Org org, String prefix, int count) throws Exception {
        var result = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            server.clock().advance(Duration.ofSeconds(1));
            result.add(org.chat(prefix + " " + i));
        }
        return result;
    }

    private static boolean noToken(String token) {
        return token == null || token.isEmpty();
    }

    @Test
    void listShowsOnlyTheChatsTheBotIsIn() throws Exception {
        var org = fx.org();
        var other = org.bot("Other");
        var mine = chats(org, "Mine", 2);
        ok(org.createAs(other, CreateChatReqBody.newBuilder().name("Not mine").build()));

        var page = list(org.client, null, null, null);

        assertThat(ids(page.getItems())).containsExactlyElementsOf(mine);
        assertThat(page.getHasMore()).isFalse();
        assertThat(noToken(page.getPageToken())).isTrue();
    }

    @Test
    void listItemsDescribeEachChat() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String annsChat = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Ann's")
                        .description("Hers")
                        .ownerId(ann.openId())
                        .build()))
                .getData()
                .getChatId();
        String botsChat = org.chat("Bot's");

        var items = new HashMap<String, JsonNode>();
        org.rawGet("/open-apis/im/v1/chats")
                .body()
                .path("data")
                .path("items")
                .forEach(item -> items.put(item.path("chat_id").asText(), item));

        var hers = items.get(annsChat);
        assertThat(hers.path("name").asText()).isEqualTo("Ann's");
        assertThat(hers.path("description").asText()).isEqualTo("Hers");
        assertThat(hers.path("avatar").asText()).startsWith("http");
        assertThat(hers.path("owner_id").asText()).isEqualTo(ann.openId());
        assertThat(hers.path("owner_id_type").asText()).isEqualTo("open_id");
        assertThat(hers.path("external").isBoolean()).isTrue();
        assertThat(hers.path("external").asBoolean()).isFalse();
        assertThat(hers.path("tenant_key").asText()).isEqualTo(org.tenantKey);
        assertThat(hers.path("chat_status").asText()).isEqualTo("normal");
        var bots = items.get(botsChat);
        assertThat(bots.has("owner_id")).isFalse();
        assertThat(bots.has("owner_id_type")).isFalse();
    }

    @Test
    void listSortsByCreationTimeOldestFirstByDefault() throws Exception {
        var org = fx.org();
        var created = chats(org, "Chat", 3);

        assertThat(ids(list(org.client, null, null, null).getItems())).containsExactlyElementsOf(created);
        assertThat(ids(list(org.client, BY_CREATION, null, null).getItems())).containsExactlyElementsOf(created);
    }

    @Test
    void listSortsByActiveTimeMostRecentFirst() throws Exception {
        var org = fx.org();
        var created = chats(org, "Chat", 3);

        var items = ids(list(org.client, BY_ACTIVITY, null, null).getItems());

        assertThat(items).containsExactly(created.get(2), created.get(1), created.get(0));
    }

    @Test
    void listPagesUntilHasMoreIsFalseVisitingEachChatOnce() throws Exception {
        var org = fx.org();
        var created = chats(org, "Chat", 7);

        for (String sort : List.of(BY_CREATION, BY_ACTIVITY)) {
            var seen = new ArrayList<String>();
            var sizes = new ArrayList<Integer>();
            String token = null;
            boolean more = true;
            while (more) {
                var page = list(org.client, sort, 3, token);
                seen.addAll(ids(page.getItems()));
                sizes.add(page.getItems().length);
                more = page.getHasMore();
                token = page.getPageToken();
                assertThat(noToken(token)).as(sort).isEqualTo(!more);
            }
            assertThat(sizes).as(sort).containsExactly(3, 3, 1);
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        }
    }

    @Test
    void creationOrderPagingStaysStableWhileChatsAreCreated() throws Exception {
        var org = fx.org();
        var before = chats(org, "Old", 5);

        var seen = new ArrayList<String>();
        var during = new ArrayList<String>();
        String token = null;
        boolean more = true;
        while (more) {
            var page = list(org.client, BY_CREATION, 2, token);
            seen.addAll(ids(page.getItems()));
            more = page.getHasMore();
            token = page.getPageToken();
            if (during.size() < 2) {
                during.addAll(chats(org, "New", 1));
            }
        }

        var expected = new ArrayList<>(before);
        expected.addAll(during);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void activityOrderPagingStaysStableWhileChatsAreCreated() throws Exception {
        var org = fx.org();
        var before = chats(org, "Old", 5);

        var seen = new ArrayList<String>();
        String token = null;
        boolean more = true;
        while (more) {
            var page = list(org.client, BY_ACTIVITY, 2, token);
            seen.addAll(ids(page.getItems()));
            more = page.getHasMore();
            token = page.getPageToken();
            chats(org, "New", 1);
        }

        assertThat(seen).containsExactly(before.get(4), before.get(3), before.get(2), before.get(1), before.get(0));
    }

    @Test
    void listWithUserTokenShowsTheUsersChats() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String withAnn = org.chat("With Ann", ann);
        org.chat("Without Ann", org.person("Bob"));

        var page = ok(org.client.im().chat().list(ListChatReq.newBuilder().build(), org.as(ann)))
                .getData();

        assertThat(ids(page.getItems())).containsExactly(withAnn);
    }

    @Test
    void searchFindsChatByName() throws Exception {
        var org = fx.org();
        String rocket = org.chat("Rocket launch");
        org.chat("Garden club");

        assertThat(searchIds(org.client, "Rocket")).containsExactly(rocket);
    }

    @Test
    void searchFindsChatByMemberName() throws Exception {
        var org = fx.org();
        String withZelda = org.chat("Alpha", org.person("Zelda Quinn"));
        org.chat("Beta", org.person("Bob"));

        assertThat(searchIds(org.client, "Zelda")).containsExactly(withZelda);
    }

    @Test
    void searchFindsChatByI18nName() throws Exception {
        var org = fx.org();
        String ops = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Ops")
                        .i18nNames(I18nNames.newBuilder().zhCn("运维").jaJp("運用").build())
                        .build()))
                .getData()
                .getChatId();
        org.chat("Garden club");

        assertThat(searchIds(org.client, "运维")).containsExactly(ops);
        assertThat(searchIds(org.client, "運用")).containsExactly(ops);
    }

    @Test
    void searchDoesNotMatchTheLanguageKeysOfI18nNames() throws Exception {
        var org = fx.org();
        ok(org.create(CreateChatReqBody.newBuilder()
                .name("Ops")
                .i18nNames(I18nNames.newBuilder().zhCn("运维").enUs("Ops").build())
                .build()));

        assertThat(searchIds(org.client, "us")).isEmpty();
        assertThat(searchIds(org.client, "zh_cn")).isEmpty();
    }

    @Test
    void searchFindsPublicChatsTheBotIsNotIn() throws Exception {
        var org = fx.org();
        var other = org.bot("Other");
        String forum = ok(org.createAs(
                        other,
                        CreateChatReqBody.newBuilder()
                                .name("Open forum")
                                .chatType("public")
                                .build()))
                .getData()
                .getChatId();

        assertThat(searchIds(org.client, "forum")).containsExactly(forum);
    }

    @Test
    void searchLeavesOutPrivateChatsTheBotIsNotIn() throws Exception {
        var org = fx.org();
        var other = org.bot("Other");
        ok(org.createAs(
                other, CreateChatReqBody.newBuilder().name("Secret forum").build()));
        String mine = org.chat("My forum");

        assertThat(searchIds(org.client, "forum")).containsExactly(mine);
    }

    @Test
    void searchStaysInTheCallersTenant() throws Exception {
        var org = fx.org();
        var other = fx.org();
        ok(other.create(CreateChatReqBody.newBuilder()
                .name("Shared name")
                .chatType("public")
                .build()));

        assertThat(searchIds(org.client, "Shared name")).isEmpty();
    }

    @Test
    void searchWithEmptyQueryFindsNothing() throws Exception {
        var org = fx.org();
        org.chat("Anything");

        var empty = search(org.client, "", null, null);
        var absent = search(org.client, null, null, null);

        assertThat(ids(empty.getItems())).isEmpty();
        assertThat(empty.getHasMore()).isFalse();
        assertThat(ids(absent.getItems())).isEmpty();
    }

    @Test
    void searchPagesThroughMatchesOnce() throws Exception {
        var org = fx.org();
        var matching = chats(org, "Match", 5);
        org.chat("Other");

        var seen = new ArrayList<String>();
        String token = null;
        boolean more = true;
        while (more) {
            var page = search(org.client, "Match", 2, token);
            seen.addAll(ids(page.getItems()));
            more = page.getHasMore();
            token = page.getPageToken();
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matching);
    }

    @Test
    void searchWithUserTokenFindsTheUsersChats() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String withAnn = org.chat("Project with Ann", ann);
        org.chat("Project without Ann");

        var page = ok(org.client
                        .im()
                        .chat()
                        .search(SearchChatReq.newBuilder().query("Project").build(), org.as(ann)))
                .getData();

        assertThat(ids(page.getItems())).containsExactly(withAnn);
    }
}
