package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.directory.App;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which app receives which event (spec/group.md §3.1, spec/message.md §5), and that it fails closed. */
class AudienceTest {
    private static final long BOT = 7;
    private static final long OTHER_BOT = 8;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anUnknownTypeReachesNoAppWhateverItsScopes() {
        var app = app("im:chat", "im:chat:readonly", "im:message", "im:message:readonly");
        assertThat(mayReceive(app, "im.chat.something_new_v1", "{}")).isFalse();
    }

    @Test
    void theServersOwnSignalsReachNoApp() {
        assertThat(mayReceive(app("im:message"), EventType.MESSAGE_CHANGED.wireName(), "{\"message_ids\":[]}"))
                .isFalse();
    }

    @Test
    void anEventNeedsOneOfItsTypesScopes() {
        String type = EventType.USER_ADDED.wireName();
        assertThat(mayReceive(app("im:message"), type, "{}")).isFalse();
        assertThat(mayReceive(app("im:chat.members:read"), type, "{}")).isTrue();
    }

    @Test
    void aScopeFreeTypeReachesItsAddresseeWithoutScopes() {
        assertThat(mayReceive(app(), EventType.P2P_CHAT_CREATE.wireName(), "{}"))
                .isTrue();
    }

    @Test
    void aPersonsP2pMessageNeedsAP2pScope() {
        String body = message("{\"$user\":1}", "p2p", "[]");
        assertThat(receives(app("im:message.group_msg"), body)).isFalse();
        assertThat(receives(app("im:message.p2p_msg:readonly"), body)).isTrue();
    }

    @Test
    void aBotsP2pMessageReachesNoOtherBot() {
        assertThat(receives(app("im:message.p2p_msg"), message("{\"$bot\":" + OTHER_BOT + "}", "p2p", "[]")))
                .isFalse();
    }

    @Test
    void aBotsOwnMessageIsNeverEchoedBack() {
        var app = app("im:message.group_msg", "im:message.group_at_msg.include_bot:readonly");
        assertThat(receives(app, message("{\"$bot\":" + BOT + "}", "group", mentioning(BOT))))
                .isFalse();
    }

    @Test
    void aPersonsGroupMessageNeedsTheGroupScopeOrAMention() {
        var atOnly = app("im:message.group_at_msg");
        assertThat(receives(atOnly, message("{\"$user\":1}", "group", "[]"))).isFalse();
        assertThat(receives(atOnly, message("{\"$user\":1}", "group", mentioning(OTHER_BOT))))
                .isFalse();
        assertThat(receives(atOnly, message("{\"$user\":1}", "group", mentioning(BOT))))
                .isTrue();
        assertThat(receives(app("im:message.group_msg:readonly"), message("{\"$user\":1}", "group", "[]")))
                .isTrue();
    }

    @Test
    void anotherBotsGroupMessageNeedsAMentionAndTheIncludeBotScope() {
        String from = "{\"$bot\":" + OTHER_BOT + "}";
        assertThat(receives(app("im:message.group_msg"), message(from, "group", mentioning(BOT))))
                .isFalse();
        var includeBot = app("im:message.group_at_msg.include_bot:readonly");
        assertThat(receives(includeBot, message(from, "group", "[]"))).isFalse();
        assertThat(receives(includeBot, message(from, "group", mentioning(BOT))))
                .isTrue();
    }

    @Test
    void noMessageAtAllWithoutAReceiveScope() {
        assertThat(receives(app("im:message", "im:chat"), message("{\"$user\":1}", "p2p", "[]")))
                .isFalse();
    }

    private boolean receives(App app, String body) {
        return mayReceive(app, EventType.MESSAGE_RECEIVED.wireName(), body);
    }

    private boolean mayReceive(App app, String type, String body) {
        JsonNode tree = json.readTree(body);
        return Audience.mayReceive(app, new StoredEvent(1, "e1", type, 1, 1L, null, body, 0), tree);
    }

    private static String message(String senderId, String chatType, String mentions) {
        return "{\"sender\":{\"sender_id\":" + senderId + "},\"message\":{\"chat_type\":\"" + chatType
                + "\",\"mentions\":" + mentions + "}}";
    }

    private static String mentioning(long appPk) {
        return "[{\"key\":\"@_user_1\",\"id\":{\"$bot\":" + appPk + "}}]";
    }

    private static App app(String... scopes) {
        return new App(BOT, "cli_test", 1, "tenant", "bot", true, "ou_bot", Set.of(scopes), 0);
    }
}
