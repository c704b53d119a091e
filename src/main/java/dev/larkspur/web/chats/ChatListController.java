package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.P2pChats;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in person's chats (groups, bots, other people), by latest activity, and starting a
 * chat with a bot or a person.
 */
@Controller
class ChatListController {
    /** The groups shown: the chat API's largest page. */
    static final int GROUPS = 100;

    private final PersonCallers callers;
    private final ChatQueries chats;
    private final P2pChats p2p;
    private final ChatActions actions;

    ChatListController(PersonCallers callers, ChatQueries chats, P2pChats p2p, ChatActions actions) {
        this.callers = callers;
        this.chats = chats;
        this.p2p = p2p;
        this.actions = actions;
    }

    /** One line of the list. */
    record ChatRow(String chatId, String name, String kind, long lastActiveAt) {}

    @GetMapping("/chats")
    String list(SignedIn me, @RequestParam(name = "q", required = false) String q, Model model) {
        var bots = callers.bots(me);
        var rows = new ArrayList<ChatRow>();
        if (!bots.isEmpty()) {
            var actor = new Actor(callers.through(me, bots.get(0)));
            for (var info : chats.list(actor, UserIdType.OPEN_ID, "ByActiveTimeDesc", null, GROUPS)
                    .items()) {
                var chat = info.chat();
                if (chat.isPeopleChat()) {
                    // The Open API lists a person's chats with other people too; named after the other.
                    String name = callers.otherPerson(me, chat).map(User::name).orElse("");
                    rows.add(new ChatRow(chat.chatId(), name, "person", chat.lastActiveAt()));
                } else {
                    rows.add(new ChatRow(chat.chatId(), chat.settings().name(), "group", chat.lastActiveAt()));
                }
            }
        }
        for (var bot : bots) {
            p2p.find(bot.pk(), me.userPk())
                    .ifPresent(chat -> rows.add(new ChatRow(chat.chatId(), bot.name(), "bot", chat.lastActiveAt())));
        }
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        var shown = rows.stream()
                .filter(r ->
                        query.isEmpty() || nameOf(r).toLowerCase(Locale.ROOT).contains(query))
                .sorted(Comparator.comparingLong(ChatRow::lastActiveAt).reversed())
                .toList();
        model.addAttribute("chats", shown);
        model.addAttribute("bots", bots);
        model.addAttribute("people", bots.isEmpty() ? List.of() : callers.people(me));
        model.addAttribute("q", q == null ? "" : q.strip());
        return "web/chats";
    }

    /** Opens (or reopens) the person's p2p chat with a bot of their tenant. */
    @PostMapping("/chats/bots/{app_id}")
    String startWithBot(SignedIn me, @PathVariable("app_id") String appId, HttpServletResponse response) {
        var bot = callers.bot(me, appId);
        if (bot.isEmpty()) {
            response.setStatus(404);
            return "web/not-found";
        }
        var chat = p2p.openByPerson(bot.get().pk(), me.tenantPk(), me.userPk());
        return "redirect:/chats/" + chat.chatId();
    }

    /**
     * Opens (or reuses) the person's chat with another person of the tenant, by user_id, as a user
     * token sending to that person would; someone who cannot be written to is not found.
     */
    @PostMapping("/chats/people/{user_id}")
    String startWithPerson(SignedIn me, @PathVariable("user_id") String userId, HttpServletResponse response) {
        var bots = callers.bots(me);
        if (bots.isEmpty()) {
            response.setStatus(404);
            return "web/not-found";
        }
        try {
            var chat = actions.openWith(callers.through(me, bots.get(0)), userId);
            return "redirect:/chats/" + chat.chatId();
        } catch (FeishuException refused) {
            response.setStatus(404);
            return "web/not-found";
        }
    }

    private static String nameOf(ChatRow row) {
        return row.name() == null ? "" : row.name();
    }
}
