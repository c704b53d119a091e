package dev.larkspur.web.console.deliveries;

import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.event.EventRenderer;
import dev.larkspur.event.Outbox;
import dev.larkspur.platform.PageTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat's recorded events, oldest first, each as the chosen app receives it (its open_ids and
 * tenant key), as {@code GET /admin/v1/events?chat_id=&app_id=} shows them.
 */
@Controller
class ChatEventsController {
    static final int PAGE_SIZE = 50;
    private final ChatQueries chats;
    private final AppService apps;
    private final Outbox outbox;
    private final EventRenderer renderer;
    private final JsonMapper json;

    ChatEventsController(ChatQueries chats, AppService apps, Outbox outbox, EventRenderer renderer, JsonMapper json) {
        this.chats = chats;
        this.apps = apps;
        this.outbox = outbox;
        this.renderer = renderer;
        this.json = json;
    }

    record EventRow(String eventId, String eventType, String json) {}

    @GetMapping("/console/chat-events")
    String list(
            @RequestParam(name = "chat_id", defaultValue = "") String chatId,
            @RequestParam(name = "app", defaultValue = "") String appId,
            @RequestParam(name = "after", required = false) String after,
            Model model) {
        model.addAttribute("chatId", chatId.strip());
        model.addAttribute("appId", appId.strip());
        if (chatId.isBlank() || appId.isBlank()) {
            return "web/console/chat-events";
        }
        var chat = chats.find(chatId.strip()).orElseThrow(() -> DirectoryErrors.notFound("chat " + chatId));
        var receiver = apps.get(appId.strip());
        var rows = outbox.ofChat(chat.pk(), PageTokens.decodeLong(after, "event", 0), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        var shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute(
                "events",
                shown.stream()
                        .map(e -> new EventRow(
                                e.eventId(),
                                e.eventType(),
                                json.writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(renderer.render(e, receiver, null))))
                        .toList());
        model.addAttribute(
                "next",
                more
                        ? UriComponentsBuilder.fromPath("/console/chat-events")
                                .queryParam("chat_id", chat.chatId())
                                .queryParam("app", receiver.appId())
                                .queryParam(
                                        "after",
                                        PageTokens.encode(
                                                "event",
                                                shown.get(PAGE_SIZE - 1).pk()))
                                .encode()
                                .toUriString()
                        : null);
        return "web/console/chat-events";
    }
}
