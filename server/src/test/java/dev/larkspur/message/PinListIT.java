package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.PinCalls.in;
import static dev.larkspur.message.PinCalls.list;
import static dev.larkspur.message.PinCalls.pin;
import static dev.larkspur.message.PinCalls.pinned;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.Pin;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing a chat's pins (spec/message.md §3.21 "List"): newest first, by key, in a time range. */
class PinListIT {
    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listShowsPinsNewestFirst() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var ids = new ArrayList<String>();
        for (String text : List.of("one", "two", "three")) {
            ids.add(org.post(chatId, text).getMessageId());
        }
        for (String id : List.of(ids.get(1), ids.get(0), ids.get(2))) {
            pin(org.client, id);
            server.clock().advance(Duration.ofSeconds(1));
        }

        assertThat(pinned(org.client, chatId)).containsExactly(ids.get(2), ids.get(0), ids.get(1));
    }

    @Test
    void listPagesByKeyToTheEnd() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var expected = new ArrayList<String>();
        for (String text : List.of("one", "two", "three")) {
            String id = org.post(chatId, text).getMessageId();
            pin(org.client, id);
            expected.add(0, id);
            server.clock().advance(Duration.ofSeconds(1));
        }

        var seen = new ArrayList<String>();
        var sizes = new ArrayList<Integer>();
        String token = null;
        do {
            var page = ok(list(org.client, in(chatId).pageSize(2).pageToken(token)))
                    .getData();
            Arrays.stream(page.getItems()).map(Pin::getMessageId).forEach(seen::add);
            sizes.add(page.getItems().length);
            assertThat(page.getPageToken() != null).isEqualTo(page.getHasMore());
            token = page.getHasMore() ? page.getPageToken() : null;
        } while (token != null);

        assertThat(sizes).containsExactly(2, 1);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void listKeepsToTheTimeRangeInMilliseconds() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var times = new ArrayList<String>();
        var ids = new ArrayList<String>();
        for (String text : List.of("one", "two", "three")) {
            String id = org.post(chatId, text).getMessageId();
            ids.add(id);
            times.add(pin(org.client, id).getCreateTime());
            server.clock().advance(Duration.ofSeconds(1));
        }

        var resp = list(org.client, in(chatId).startTime(times.get(1)).endTime(times.get(2)));

        assertThat(Arrays.stream(ok(resp).getData().getItems()).map(Pin::getMessageId))
                .containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void startTimeMustBeBeforeEndTime() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));

        var resp = list(org.client, in(chatId).startTime("1700000000000").endTime("1600000000000"));

        assertInvalid(resp, "The end_time is earlier than the start_time");
    }

    @Test
    void changingTheTimeRangeBetweenPagesIsRejected() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        for (String text : List.of("one", "two")) {
            pin(org.client, org.post(chatId, text).getMessageId());
        }
        String token = ok(list(org.client, in(chatId).pageSize(1))).getData().getPageToken();

        var resp = list(org.client, in(chatId).pageSize(1).startTime("1").pageToken(token));

        assertInvalid(resp, "the request parameters have changed, page_token is invalid");
    }

    @Test
    void garbledPageTokenIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(list(org.client, in(org.group()).pageToken("bm90LWEtdG9rZW4")), "invalid page_token");
    }

    @Test
    void pageSizeAboveFiftyIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(list(org.client, in(org.group()).pageSize(51)), "The page_size exceeds the limit");
    }

    @Test
    void listOfAnUnknownChatIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(list(org.client, in("oc_00000000000000000000000000000000")), "invalid chat_id");
    }

    @Test
    void botOutsideTheChatMayNotListItsPins() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));

        assertFails(list(org.client(org.bot("Outsider")), in(chatId)), 230002);
    }

    @Test
    void appWithoutAPinReadScopeIsRefused() throws Exception {
        var org = fixtures.org();
        var reactor = server.admin().app(org.tenantKey, "Reactor", List.of("im:message.reactions:read"));
        String chatId = org.groupOwnedBy(org.person("Ann"), List.of(reactor));

        assertFails(list(org.client(reactor), in(chatId)), 99991672);
    }

    @Test
    void listAnswersWithExactlyTheDocumentedFields() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        pin(org.client, org.post(chatId, "remember this").getMessageId());

        var data = org.rawGet("/open-apis/im/v1/pins?chat_id=" + chatId).path("data");

        assertThat(data.propertyNames()).containsExactly("items", "has_more");
        assertThat(data.path("items").get(0).propertyNames())
                .containsExactly("message_id", "chat_id", "operator_id", "operator_id_type", "create_time");
    }
}
