package dev.larkspur.event;

import dev.larkspur.directory.App;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Who may receive an event (DESIGN.md "Events"; spec/group.md §3.1, spec/message.md §5): the app
 * must hold one of the event's scopes, and for {@code im.message.receive_v1} Feishu's receive rules
 * apply — p2p messages from people; in groups, people's messages with the group-message scope, or
 * messages that mention the bot; a bot's own messages are never echoed back to it.
 */
final class Audience {
    private static final Set<String> P2P = Set.of("im:message.p2p_msg:readonly", "im:message.p2p_msg");
    private static final Set<String> GROUP_ALL = Set.of("im:message.group_msg", "im:message.group_msg:readonly");
    private static final Set<String> GROUP_AT = Set.of(
            "im:message.group_at_msg:readonly",
            "im:message.group_at_msg",
            "im:message.group_at_msg.include_bot:readonly");
    private static final Map<String, List<String>> SCOPES = Map.ofEntries(
            Map.entry("im.chat.updated_v1", List.of("im:chat", "im:chat:read", "im:chat:readonly")),
            Map.entry("im.chat.disbanded_v1", List.of("im:chat", "im:chat:read", "im:chat:readonly")),
            Map.entry("im.chat.member.user.added_v1", List.of("im:chat", "im:chat.members:read", "im:chat:readonly")),
            Map.entry("im.chat.member.user.deleted_v1", List.of("im:chat", "im:chat.members:read", "im:chat:readonly")),
            Map.entry(
                    "im.chat.member.user.withdrawn_v1", List.of("im:chat", "im:chat.members:read", "im:chat:readonly")),
            Map.entry(
                    "im.chat.member.bot.added_v1",
                    List.of("im:chat", "im:chat.members:bot_access", "im:chat:readonly")),
            Map.entry(
                    "im.chat.member.bot.deleted_v1",
                    List.of("im:chat", "im:chat.members:bot_access", "im:chat:readonly")),
            Map.entry("im.message.message_read_v1", List.of("im:message", "im:message:readonly")),
            Map.entry("im.message.recalled_v1", List.of("im:message", "im:message:readonly")),
            Map.entry("im.message.reaction.created_v1", List.of("im:message.reactions:read", "im:message:readonly")),
            Map.entry("im.message.reaction.deleted_v1", List.of("im:message.reactions:read", "im:message:readonly")));

    private Audience() {}

    static boolean mayReceive(App app, StoredEvent event, JsonNode body) {
        if (event.eventType().equals("im.message.receive_v1")) {
            return receives(app, body);
        }
        var scopes = SCOPES.get(event.eventType());
        return scopes == null || scopes.stream().anyMatch(app.scopes()::contains);
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
