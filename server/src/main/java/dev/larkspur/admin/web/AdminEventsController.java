package dev.larkspur.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.event.EventRenderer;
import dev.larkspur.event.Outbox;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.PageTokens;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outbox as operators and tests read it: a chat's recorded events, oldest first, each rendered
 * as the given app would receive it (its open_ids, its tenant key).
 */
@RestController
@RequestMapping("/admin/v1/events")
class AdminEventsController {
    private final Outbox outbox;
    private final EventRenderer renderer;
    private final ChatQueries chats;
    private final AppService apps;

    AdminEventsController(Outbox outbox, EventRenderer renderer, ChatQueries chats, AppService apps) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.chats = chats;
        this.apps = apps;
    }

    /** One recorded event; {@code onlyAppId} is set when a single bot may receive it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventItem(String eventId, String eventType, String onlyAppId, ObjectNode payload) {}

    record Backlog(long unfanned) {}

    /** How many recorded events fan-out has still to handle (0 when it keeps up). */
    @GetMapping("/backlog")
    ApiResponse<Backlog> backlog() {
        return ApiResponse.success(new Backlog(outbox.backlog()));
    }

    @GetMapping
    ApiResponse<AdminViews.Page<EventItem>> list(
            @RequestParam(name = "chat_id") String chatId,
            @RequestParam(name = "app_id", required = false) String appId,
            @RequestParam(name = "page_size", defaultValue = "100") int pageSize,
            @RequestParam(name = "page_token", required = false) String pageToken) {
        var chat = chats.find(chatId).orElseThrow(() -> DirectoryErrors.notFound("chat " + chatId));
        String viewer = appId != null
                ? appId
                : apps.appIds(Set.of(chat.creatorAppPk() == null ? -1L : chat.creatorAppPk())).values().stream()
                        .findFirst()
                        .orElseThrow(() -> DirectoryErrors.invalid("app_id is required for this chat"));
        var receiver = apps.get(viewer);
        int size = Math.max(1, Math.min(pageSize, 500));
        var rows = outbox.ofChat(chat.pk(), PageTokens.decodeLong(pageToken, "event", 0), size + 1);
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        var onlyApps = apps.appIds(shown.stream()
                .map(e -> e.onlyAppPk())
                .filter(java.util.Objects::nonNull)
                .toList());
        List<EventItem> items = shown.stream()
                .map(e -> new EventItem(
                        e.eventId(),
                        e.eventType(),
                        e.onlyAppPk() == null ? null : onlyApps.get(e.onlyAppPk()),
                        renderer.render(e, receiver, null)))
                .toList();
        String next = more ? PageTokens.encode("event", shown.get(size - 1).pk()) : null;
        return ApiResponse.success(new AdminViews.Page<>(items, more, next));
    }
}
