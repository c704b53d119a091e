package dev.larkspur.chat;

import static dev.larkspur.chat.ChatModerationIT.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code im.chat.updated_v1} events that moderation updates record (spec/group.md §3.3). */
class ChatModerationEventsIT {
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
        t.users("ann", "bob");
        return t;
    }

    @Test
    void changeEmitsChatUpdatedWithModeratorList() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        update(t, chat, null, "moderator_list", List.of(t.openId("bob")), null);

        var updates = t.events(chat, "im.chat.updated_v1");
        assertThat(updates).hasSize(1);
        var event = updates.get(0).path("payload").path("event");
        assertThat(event.path("before_change").path("moderation_permission").asText())
                .isEqualTo("all_members");
        assertThat(event.path("after_change").path("moderation_permission").asText())
                .isEqualTo("moderator_list");
        var added = event.path("moderator_list").path("added_member_list");
        assertThat(added.size()).isEqualTo(2);
        assertThat(added.get(0).path("user_id").path("open_id").asText()).isEqualTo(t.openId("ann"));
        assertThat(added.get(1).path("user_id").path("open_id").asText()).isEqualTo(t.openId("bob"));
        assertThat(added.get(1).path("tenant_key").asText()).isEqualTo(t.tenantKey);
        assertThat(event.path("moderator_list").path("removed_member_list").size())
                .isZero();
    }

    @Test
    void removingAModeratorEmitsItInRemovedList() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        update(t, chat, null, "moderator_list", List.of(t.openId("bob")), null);

        update(t, chat, null, null, null, List.of(t.openId("bob")));

        var updates = t.events(chat, "im.chat.updated_v1");
        assertThat(updates).hasSize(2);
        var event = updates.get(1).path("payload").path("event");
        assertThat(event.path("after_change").has("moderation_permission")).isFalse();
        var removed = event.path("moderator_list").path("removed_member_list");
        assertThat(removed.size()).isEqualTo(1);
        assertThat(removed.get(0).path("user_id").path("open_id").asText()).isEqualTo(t.openId("bob"));
    }

    @Test
    void updateThatChangesNothingEmitsNoEvent() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");

        var resp = update(t, chat, null, "all_members", null, null);

        assertThat(resp.getCode()).isZero();
        assertThat(t.events(chat, "im.chat.updated_v1")).isEmpty();
    }
}
