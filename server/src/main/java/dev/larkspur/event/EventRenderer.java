package dev.larkspur.event;

import dev.larkspur.directory.App;
import dev.larkspur.directory.Scopes;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a recorded event into the schema 2.0 envelope one app receives (spec/group.md §3.1): its
 * app_id and tenant_key in the header, people as that app's ids ({@code user_id} only with the
 * employee-id scope), {@code create_time} as a millisecond string. The few v1 event types get the
 * v1 envelope instead (spec/protocols.md §3.4).
 */
@Component
public class EventRenderer {
    private final EventIds ids;
    private final UserService users;
    private final JsonMapper json;

    EventRenderer(EventIds ids, UserService users, JsonMapper json) {
        this.ids = ids;
        this.users = users;
        this.json = json;
    }

    public ObjectNode render(StoredEvent event, App receiver, String verificationToken) {
        JsonNode body = json.readTree(event.payload());
        var userPks = new HashSet<Long>();
        var botPks = new HashSet<Long>();
        collect(body, userPks, botPks);
        Map<Long, EventIds.PersonIds> people = ids.people(userPks);
        Map<Long, String> openIds = ids.openIds(receiver.pk(), people.keySet());
        boolean withUserId = receiver.scopes().contains(Scopes.EMPLOYEE_ID_READ);
        if (EventType.of(event.eventType()).map(EventType::kind).orElse(null) == EventType.Kind.V1) {
            // The few v1 events name people; names change, so these read them each time.
            Map<Long, User> byPk =
                    users.findByPks(userPks).stream().collect(Collectors.toMap(User::pk, Function.identity()));
            return renderV1(event, receiver, verificationToken, body, byPk, openIds, withUserId);
        }
        Map<Long, String> botOpenIds = ids.botOpenIds(botPks);

        var envelope = json.createObjectNode();
        envelope.put("schema", "2.0");
        var header = envelope.putObject("header");
        header.put("event_id", event.eventId());
        header.put("event_type", event.eventType());
        header.put("create_time", String.valueOf(event.createdAt()));
        header.put("token", verificationToken == null ? "" : verificationToken);
        header.put("app_id", receiver.appId());
        header.put("tenant_key", receiver.tenantKey());
        envelope.set("event", replace(body, people, openIds, botOpenIds, withUserId));
        return envelope;
    }

    /**
     * {@code {ts, uuid, token, type: "event_callback", event}}: {@code ts} is seconds with a fraction
     * as a string, {@code uuid} the stable dedup key, the event type inside the event. People are
     * flat {@code {open_id, user_id}} objects, with {@code name} where the body asks for it
     * (spec/group.md §3.7; Java SDK {@code P1P2PChatCreatedV1Data}).
     */
    private ObjectNode renderV1(
            StoredEvent event,
            App receiver,
            String verificationToken,
            JsonNode body,
            Map<Long, User> byPk,
            Map<Long, String> openIds,
            boolean withUserId) {
        var envelope = json.createObjectNode();
        envelope.put("ts", BigDecimal.valueOf(event.createdAt(), 3).toPlainString());
        envelope.put("uuid", event.eventId());
        envelope.put("token", verificationToken == null ? "" : verificationToken);
        envelope.put("type", "event_callback");
        var out = envelope.putObject("event");
        out.put("app_id", receiver.appId());
        body.properties().forEach(e -> {
            var value = e.getValue();
            if (value.isObject() && value.has(EventRefs.USER)) {
                long pk = value.get(EventRefs.USER).asLong();
                var person = out.putObject(e.getKey());
                var user = byPk.get(pk);
                if (value.has(EventRefs.NAMED)) {
                    person.put("name", user == null ? "" : user.name());
                }
                person.put("open_id", openIds.getOrDefault(pk, ""));
                if (withUserId && user != null) {
                    person.put("user_id", user.userId());
                }
            } else {
                out.set(e.getKey(), value);
            }
        });
        out.put("tenant_key", receiver.tenantKey());
        out.put("type", event.eventType());
        return envelope;
    }

    private static void collect(JsonNode node, Set<Long> userPks, Set<Long> botPks) {
        if (node.isObject()) {
            if (node.has(EventRefs.USER)) {
                userPks.add(node.get(EventRefs.USER).asLong());
            } else if (node.has(EventRefs.BOT)) {
                botPks.add(node.get(EventRefs.BOT).asLong());
            } else {
                node.values().forEach(child -> collect(child, userPks, botPks));
            }
        } else if (node.isArray()) {
            node.values().forEach(child -> collect(child, userPks, botPks));
        }
    }

    private JsonNode replace(
            JsonNode node,
            Map<Long, EventIds.PersonIds> people,
            Map<Long, String> openIds,
            Map<Long, String> botOpenIds,
            boolean withUserId) {
        if (node.isObject()) {
            if (node.has(EventRefs.USER)) {
                long pk = node.get(EventRefs.USER).asLong();
                var id = json.createObjectNode();
                var person = people.get(pk);
                id.put("union_id", person == null ? "" : person.unionId());
                if (withUserId && person != null) {
                    id.put("user_id", person.userId());
                }
                id.put("open_id", openIds.getOrDefault(pk, ""));
                return id;
            }
            if (node.has(EventRefs.BOT)) {
                var id = json.createObjectNode();
                id.put(
                        "open_id",
                        botOpenIds.getOrDefault(node.get(EventRefs.BOT).asLong(), ""));
                return id;
            }
            ObjectNode copy = json.createObjectNode();
            node.properties()
                    .forEach(e -> copy.set(e.getKey(), replace(e.getValue(), people, openIds, botOpenIds, withUserId)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.values().forEach(child -> copy.add(replace(child, people, openIds, botOpenIds, withUserId)));
            return copy;
        }
        return node;
    }
}
