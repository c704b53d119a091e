package dev.larkspur.web.chats;

import dev.larkspur.chat.Chat;
import dev.larkspur.event.EventType;
import dev.larkspur.event.StoredEvent;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.chats.LiveWatcher.Watched;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells streams what a batch of outbox events means for their person. The stream's events:
 * <ul>
 *   <li>{@code message} {chat_id, message_id, html}: a new message, rendered as the person sees it
 *       (with {@code thread_id} for a reply in a thread, which only its thread's page shows);
 *   <li>{@code changed} {chat_id, message_id, html}: a message to show anew (edited, recalled, a
 *       reaction, read by someone, a card updated, pinned, a reply in its thread); the browser
 *       replaces it by id;
 *   <li>{@code chat} {chat_id, kind}: {@code joined}, {@code left} (removed; the chat is no longer
 *       watched), {@code disbanded}, {@code members} (others joined or left) or {@code updated}.
 * </ul>
 * Each event's id is the feed position, which the browser sends back when it reconnects.
 */
@Component
class LiveDispatch {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveDispatch.class);
    private final LiveChats chats;
    private final LiveMessages messages;
    private final JsonMapper json;

    LiveDispatch(LiveChats chats, LiveMessages messages, JsonMapper json) {
        this.chats = chats;
        this.messages = messages;
        this.json = json;
    }

    /**
     * What one event says, read once for all streams. {@code people}: who joined or left, or for a
     * change only one person sees (who read their messages), that person; empty for everyone.
     */
    private record Change(
            StoredEvent event,
            String kind,
            String chatId,
            boolean p2p,
            List<String> messageIds,
            Set<Long> people,
            String threadId) {
        Change(StoredEvent event, String kind, String chatId, boolean p2p, List<String> messageIds, Set<Long> people) {
            this(event, kind, chatId, p2p, messageIds, people, null);
        }
    }

    void tell(List<LiveWatcher> watchers, List<StoredEvent> events, long position) {
        var rendered = new HashMap<LiveWatcher, Set<String>>();
        var found = new HashMap<String, Optional<Chat>>();
        for (var event : events) {
            var change = read(event);
            if (change == null) {
                continue;
            }
            for (var watcher : watchers) {
                if (!watcher.closed() && watcher.me().tenantPk() == event.tenantPk()) {
                    var done = rendered.computeIfAbsent(watcher, w -> new HashSet<>());
                    tell(watcher, change, done, found, position);
                }
            }
        }
    }

    private void tell(
            LiveWatcher watcher, Change change, Set<String> done, Map<String, Optional<Chat>> found, long position) {
        long chatPk = change.event().chatPk();
        var watched = watcher.chats().get(chatPk);
        boolean mine = change.people().contains(watcher.me().userPk());
        switch (change.kind()) {
            case "message" -> {
                if (watched == null && change.p2p()) {
                    // A chat with a person (or a bot) that the list did not have yet: its first message.
                    var chat = found.computeIfAbsent(change.chatId(), chats::find);
                    if (chat.isPresent() && LiveChats.inPair(watcher.me(), chat.get())) {
                        watched = join(watcher, change, position);
                    }
                }
                if (watched != null) {
                    push(watcher, watched, "message", change.messageIds(), done, position);
                }
            }
            case "changed" -> {
                if (watched != null && (change.people().isEmpty() || mine)) {
                    push(watcher, watched, "changed", change.messageIds(), done, position);
                }
            }
            case "reply" -> {
                // The reply for its thread's page, and its root (one reply more) for the chat's.
                if (watched != null) {
                    push(watcher, watched, "changed", change.messageIds().subList(1, 2), done, position);
                    push(
                            watcher,
                            watched,
                            "message",
                            change.messageIds().subList(0, 1),
                            done,
                            position,
                            change.threadId());
                }
            }
            case "joined" -> {
                if (mine) {
                    join(watcher, change, position);
                } else if (watched != null) {
                    watcher.send("chat", chatEvent(change.chatId(), "members"), position);
                }
            }
            case "left" -> {
                if (mine && watched != null) {
                    leave(watcher, watched, "left", position);
                } else if (watched != null) {
                    watcher.send("chat", chatEvent(change.chatId(), "members"), position);
                }
            }
            case "disbanded" -> {
                if (watched != null) {
                    leave(watcher, watched, "disbanded", position);
                }
            }
            default -> {
                if (watched != null) {
                    watcher.send("chat", chatEvent(change.chatId(), change.kind()), position);
                }
            }
        }
    }

    private Watched join(LiveWatcher watcher, Change change, long position) {
        var joined = chats.joined(watcher.me(), change.chatId()).orElse(null);
        if (joined != null) {
            watcher.chats().put(joined.chatPk(), joined);
            watcher.send("chat", chatEvent(change.chatId(), "joined"), position);
        }
        return joined;
    }

    private static void leave(LiveWatcher watcher, Watched watched, String kind, long position) {
        watcher.chats().remove(watched.chatPk());
        watcher.send("chat", chatEvent(watched.chatId(), kind), position);
    }

    /** Each message once per batch: a render shows its state as of now, later changes included. */
    private void push(
            LiveWatcher watcher, Watched watched, String name, List<String> ids, Set<String> done, long position) {
        push(watcher, watched, name, ids, done, position, null);
    }

    private void push(
            LiveWatcher watcher,
            Watched watched,
            String name,
            List<String> ids,
            Set<String> done,
            long position,
            String threadId) {
        var todo = ids.stream().filter(done::add).toList();
        if (todo.isEmpty()) {
            return;
        }
        List<LiveMessages.Rendered> shown;
        try {
            shown = messages.render(watcher, watched, todo);
        } catch (FeishuException refused) {
            // No longer a member (or the chat is gone): stop watching it for this browser.
            leave(watcher, watched, "left", position);
            return;
        } catch (RuntimeException e) {
            // One message that cannot be drawn must not cost every stream the rest of the batch.
            log.warn("could not render messages {} for a live stream", todo, e);
            return;
        }
        for (var r : shown) {
            var data = new HashMap<String, String>(
                    Map.of("chat_id", watched.chatId(), "message_id", r.messageId(), "html", r.html()));
            if (threadId != null) {
                data.put("thread_id", threadId);
            }
            watcher.send(name, data, position);
        }
    }

    private static Map<String, String> chatEvent(String chatId, String kind) {
        return Map.of("chat_id", chatId, "kind", kind);
    }

    /** The change an event stands for, or null for events that change nothing a page shows. */
    private Change read(StoredEvent event) {
        if (event.chatPk() == null) {
            return null;
        }
        var type = EventType.of(event.eventType()).orElse(null);
        if (type == null) {
            return null;
        }
        JsonNode body = json.readTree(event.payload());
        return switch (type) {
            case MESSAGE_RECEIVED -> {
                var m = body.path("message");
                if (m.hasNonNull("thread_id") && m.hasNonNull("root_id")) {
                    // A reply in a thread stays in its thread; the timeline shows its root, one reply more.
                    yield new Change(
                            event,
                            "reply",
                            m.path("chat_id").asString(""),
                            false,
                            List.of(
                                    m.path("message_id").asString(""),
                                    m.path("root_id").asString("")),
                            Set.of(),
                            m.path("thread_id").asString(""));
                }
                yield new Change(
                        event,
                        "message",
                        m.path("chat_id").asString(""),
                        m.path("chat_type").asString("").equals("p2p"),
                        List.of(m.path("message_id").asString("")),
                        Set.of());
            }
            case MESSAGE_RECALLED, REACTION_CREATED, REACTION_DELETED -> changed(
                    event, List.of(body.path("message_id").asString("")));
            case MESSAGE_CHANGED -> {
                var change = changed(event, strings(body.path("message_ids")));
                var user = body.path("user");
                // Who read a person's messages shows on that person's pages only.
                yield user.isNumber()
                        ? new Change(event, "changed", "", false, change.messageIds(), Set.of(user.asLong()))
                        : change;
            }
            case USER_ADDED -> chat(event, body, "joined");
            case USER_DELETED -> chat(event, body, "left");
            case CHAT_DISBANDED -> chat(event, body, "disbanded");
            case CHAT_UPDATED -> chat(event, body, "updated");
            default -> null;
        };
    }

    private static Change changed(StoredEvent event, List<String> ids) {
        return new Change(event, "changed", "", false, ids, Set.of());
    }

    private static Change chat(StoredEvent event, JsonNode body, String kind) {
        var people = new HashSet<Long>();
        for (var user : body.path("users")) {
            var pk = user.path("user_id").path("$user");
            if (pk.isNumber()) {
                people.add(pk.asLong());
            }
        }
        return new Change(event, kind, body.path("chat_id").asString(""), false, List.of(), people);
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        for (var item : array) {
            out.add(item.asString(""));
        }
        return out;
    }
}
