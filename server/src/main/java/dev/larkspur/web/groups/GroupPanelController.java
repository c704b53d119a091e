package dev.larkspur.web.groups;

import dev.larkspur.chat.ChatAnnouncements;
import dev.larkspur.chat.ChatSettings;
import dev.larkspur.chat.ChatTopNotices;
import dev.larkspur.chat.ChatTopNotices.TopNotice;
import dev.larkspur.chat.ChatUpdates;
import dev.larkspur.directory.UserIdType;
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
 * The group panel ({@code /chats/{chat_id}/info}) and what it changes about the group itself:
 * settings, the announcement, the top notice, disbanding.
 */
@Controller
class GroupPanelController {
    private final PanelPages pages;
    private final ChatUpdates updates;
    private final ChatAnnouncements announcements;
    private final ChatTopNotices notices;

    GroupPanelController(
            PanelPages pages, ChatUpdates updates, ChatAnnouncements announcements, ChatTopNotices notices) {
        this.pages = pages;
        this.updates = updates;
        this.announcements = announcements;
        this.notices = notices;
    }

    @GetMapping("/chats/{chat_id}/info")
    String panel(SignedIn me, @PathVariable("chat_id") String chatId, HttpServletResponse response, Model model) {
        return pages.act(me, chatId, response, model, g -> pages.show(me, g, model));
    }

    /**
     * Name and description (members too, when the group lets them edit), and for owner and managers
     * the permissions; a blank permission field leaves that permission as it is.
     */
    @PostMapping("/chats/{chat_id}/info/settings")
    String settings(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "add_member_permission", required = false) String addMember,
            @RequestParam(name = "at_all_permission", required = false) String atAll,
            @RequestParam(name = "edit_permission", required = false) String edit,
            @RequestParam(name = "owner_id", required = false) String ownerId,
            HttpServletResponse response,
            Model model) {
        String add = blankToNull(addMember);
        // Feishu couples who may add members with whether the group card may be shared.
        String shareCard = add == null ? null : add.equals("only_owner") ? "not_allowed" : "allowed";
        var patch = ChatSettings.patch()
                .name(name == null ? null : name.strip())
                .description(description == null ? null : description.strip())
                .memberPermissions(add, shareCard)
                .atAllPermission(blankToNull(atAll))
                .editPermission(blankToNull(edit))
                .build();
        return pages.act(me, chatId, response, model, g -> {
            updates.update(g.actor(), chatId, UserIdType.USER_ID, patch, blankToNull(ownerId));
            return PanelPages.backToPanel(g);
        });
    }

    /** Adds a paragraph to the announcement, on top of the revision the person saw. */
    @PostMapping("/chats/{chat_id}/info/announcement")
    String announcement(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(name = "revision", defaultValue = "") String revision,
            HttpServletResponse response,
            Model model) {
        return pages.act(me, chatId, response, model, g -> {
            if (!text.isBlank()) {
                announcements.patch(g.actor(), chatId, revision, List.of(AnnouncementText.insertRequest(text.strip())));
            }
            return PanelPages.backToPanel(g);
        });
    }

    /** Puts the announcement ({@code action_type} 2) or a message (1, with its id) on top. */
    @PostMapping("/chats/{chat_id}/info/top-notice")
    String topNotice(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "message_id", defaultValue = "") String messageId,
            HttpServletResponse response,
            Model model) {
        var notice = messageId.isBlank() ? new TopNotice("2", null) : new TopNotice("1", messageId.strip());
        return pages.act(me, chatId, response, model, g -> {
            notices.put(g.actor(), chatId, List.of(notice));
            return PanelPages.backToPanel(g);
        });
    }

    @PostMapping("/chats/{chat_id}/info/top-notice/remove")
    String removeTopNotice(
            SignedIn me, @PathVariable("chat_id") String chatId, HttpServletResponse response, Model model) {
        return pages.act(me, chatId, response, model, g -> {
            notices.delete(g.actor(), chatId);
            return PanelPages.backToPanel(g);
        });
    }

    /** Disbands the group (the owner): only with the confirming box ticked. */
    @PostMapping("/chats/{chat_id}/info/disband")
    String disband(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "confirm", required = false) String confirm,
            HttpServletResponse response,
            Model model) {
        return pages.act(me, chatId, response, model, g -> {
            if (!"yes".equals(confirm)) {
                throw new FeishuException(232001, "tick the box to confirm that the group goes for everyone", 400);
            }
            updates.disband(g.actor(), chatId);
            return "redirect:/chats";
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
