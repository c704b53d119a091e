package dev.larkspur.web.chats;

import dev.larkspur.chat.P2pChats;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
    /** The groups a person's live updates watch: as many as the list shows. */
    static final int GROUPS = ChatListing.PAGE;

    private final PersonCallers callers;
    private final ChatListing listing;
    private final P2pChats p2p;
    private final ChatActions actions;

    ChatListController(PersonCallers callers, ChatListing listing, P2pChats p2p, ChatActions actions) {
        this.callers = callers;
        this.listing = listing;
        this.p2p = p2p;
        this.actions = actions;
    }

    @GetMapping("/chats")
    String list(SignedIn me, @RequestParam(name = "q", required = false) String q, Model model) {
        var bots = callers.bots(me);
        String query = q == null ? "" : q.strip();
        model.addAttribute("chats", listing.rows(me, bots, query));
        model.addAttribute("bots", bots);
        model.addAttribute("people", bots.isEmpty() ? List.of() : callers.people(me));
        model.addAttribute("q", query);
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
}
