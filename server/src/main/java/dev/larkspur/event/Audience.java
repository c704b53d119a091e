package dev.larkspur.event;

import dev.larkspur.directory.App;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Who may receive an event (DESIGN.md "Events"; spec/group.md §3.1, spec/message.md §5): the app
 * must hold one of the scopes its {@link EventType} declares, and for {@code im.message.receive_v1}
 * Feishu's receive rules apply — p2p messages from people; in groups, people's messages with the
 * group-message scope, or messages that mention the bot; a bot's own messages are never echoed
 * back to it.
 */
final class Audience {
    private static final Set<String> P2P = Set.of("im:message.p2p_msg:readonly", "im:message.p2p_msg");
    private static final Set<String> GROUP_ALL = Set.of("im:message.group_msg", "im:message.group_msg:readonly");
    private static final Set<String> GROUP_AT = Set.of(
            "im:message.group_at_msg:readonly",
            "im:message.group_at_msg",
            "im:message.group_at_msg.include_bot:readonly");

    private Audience() {}

    /**
     * Fails closed: a type this server does not know, an internal one, or one that declares no
     * scopes without being scope-free reaches no app.
     */
    static boolean mayReceive(App app, StoredEvent event, JsonNode body) {
        var type = EventType.of(event.eventType()).orElse(null);
        if (type == null || type.internal()) {
            return false;
        }
        if (type.scopeFree()) {
            return true;
        }
        if (type.scopes().stream().noneMatch(app.scopes()::contains)) {
            return false;
        }
        return type != EventType.MESSAGE_RECEIVED || receives(app, body);
    }

    private static boolean receives(App app, JsonNode body) {
        var sender = body.path("sender").path("sender_id");
        boolean fromBot = sender.has(EventRefs.BOT);
        if (fromBot && sender.get(EventRefs.BOT).asLong() == app.pk()) {
            return false;
        }
        var message = body.path("message");
        if (message.path("chat_type").asString("").equals("p2p")) {
            return !fromBot && P2P.stream().anyMatch(app.scopes()::contains);
        }
        boolean mentioned = false;
        for (JsonNode mention : message.path("mentions").values()) {
            var id = mention.path("id");
            if (id.has(EventRefs.BOT) && id.get(EventRefs.BOT).asLong() == app.pk()) {
                mentioned = true;
            }
        }
        if (fromBot) {
            return mentioned && app.scopes().contains("im:message.group_at_msg.include_bot:readonly");
        }
        return GROUP_ALL.stream().anyMatch(app.scopes()::contains)
                || (mentioned && GROUP_AT.stream().anyMatch(app.scopes()::contains));
    }
}
