package dev.larkspur.web.groups;

import dev.larkspur.chat.ChatMembers;
import dev.larkspur.chat.ChatRoster;
import dev.larkspur.chat.MemberIdType;
import dev.larkspur.directory.User;
import dev.larkspur.web.chats.PersonCallers;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The panel's member controls: adding people and bots, removing them, making and unmaking managers,
 * and leaving. People are named by user_id and bots by app_id, as the Open API's member_id_type has
 * them; an empty choice changes nothing.
 */
@Controller
class GroupMembersController {
    private static final MemberIdType USERS = MemberIdType.parse("user_id", false);
    private static final MemberIdType BOTS = MemberIdType.parse("app_id", true);

    private final PanelPages pages;
    private final ChatMembers members;
    private final ChatRoster roster;
    private final PersonCallers callers;

    GroupMembersController(PanelPages pages, ChatMembers members, ChatRoster roster, PersonCallers callers) {
        this.pages = pages;
        this.callers = callers;
        this.members = members;
        this.roster = roster;
    }

    @PostMapping("/chats/{chat_id}/info/members")
    String add(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id", required = false) List<String> userIds,
            @RequestParam(name = "app_id", required = false) List<String> appIds,
            HttpServletResponse response,
            Model model) {
        return pages.act(me, chatId, response, model, g -> {
            if (userIds != null && !userIds.isEmpty()) {
                members.add(g.actor(), chatId, USERS, 0, userIds);
            }
            if (appIds != null && !appIds.isEmpty()) {
                members.add(g.actor(), chatId, BOTS, 0, appIds);
            }
            return PanelPages.backToPanel(g);
        });
    }

    @PostMapping("/chats/{chat_id}/info/members/remove")
    String remove(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(name = "app_id", required = false) String appId,
            HttpServletResponse response,
            Model model) {
        return pages.act(me, chatId, response, model, g -> {
            if (appId != null && !appId.isBlank()) {
                members.remove(g.actor(), chatId, BOTS, List.of(appId));
            } else if (userId != null && !userId.isBlank()) {
                members.remove(g.actor(), chatId, USERS, List.of(userId));
            }
            return PanelPages.backToPanel(g);
        });
    }

    /** {@code make=true} adds the member to the managers, anything else removes them (the owner only). */
    @PostMapping("/chats/{chat_id}/info/managers")
    String managers(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(name = "app_id", required = false) String appId,
            @RequestParam(name = "make", defaultValue = "false") boolean make,
            HttpServletResponse response,
            Model model) {
        boolean bot = appId != null && !appId.isBlank();
        var type = bot ? BOTS : USERS;
        var ids = List.of(bot ? appId : userId == null ? "" : userId);
        return pages.act(me, chatId, response, model, g -> {
            if (make) {
                roster.addManagers(g.actor(), chatId, type, ids);
            } else {
                roster.deleteManagers(g.actor(), chatId, type, ids);
            }
            return PanelPages.backToPanel(g);
        });
    }

    /** The person leaves; an owner's group passes to the longest-standing member, as the API does. */
    @PostMapping("/chats/{chat_id}/info/leave")
    String leave(SignedIn me, @PathVariable("chat_id") String chatId, HttpServletResponse response, Model model) {
        return pages.act(me, chatId, response, model, g -> {
            String self = callers.self(me).map(User::userId).orElse("");
            members.remove(g.actor(), chatId, USERS, List.of(self));
            return "redirect:/chats";
        });
    }
}
