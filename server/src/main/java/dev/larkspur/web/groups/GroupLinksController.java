package dev.larkspur.web.groups;

import dev.larkspur.chat.ChatShareLinks;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Share links: the panel creates one (the Open API's {@code POST /chats/:chat_id/link}, with its
 * rules), and shows it as a link to this server's join page, which carries the same token as the
 * Feishu-shaped applink the API answers with. Following it, a person of the tenant sees the group's
 * name and joins with one button.
 */
@Controller
class GroupLinksController {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final PanelPages pages;
    private final GroupActors groups;
    private final ChatShareLinks links;

    GroupLinksController(PanelPages pages, GroupActors groups, ChatShareLinks links) {
        this.pages = pages;
        this.groups = groups;
        this.links = links;
    }

    @PostMapping("/chats/{chat_id}/info/share-link")
    String create(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "validity_period", defaultValue = "week") String validity,
            HttpServletResponse response,
            Model model) {
        return pages.act(me, chatId, response, model, g -> {
            var link = links.create(g.actor(), chatId, validity);
            String token = link.shareLink().substring(link.shareLink().indexOf("link_token=") + "link_token=".length());
            model.addAttribute(
                    "shareUrl",
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/chats/join/{token}")
                            .buildAndExpand(token)
                            .toUriString());
            model.addAttribute(
                    "shareUntil",
                    link.permanent()
                            ? null
                            : UNTIL.format(
                                    Instant.ofEpochSecond(link.expireTime()).atOffset(ZoneOffset.UTC)));
            return pages.show(me, g, model);
        });
    }

    @GetMapping("/chats/join/{token}")
    String invitation(SignedIn me, @PathVariable("token") String token, HttpServletResponse response, Model model) {
        var actor = groups.person(me).orElse(null);
        try {
            if (actor == null) {
                throw new FeishuException(232001, "the share link is unknown or has expired", 400);
            }
            var chat = links.chatOf(actor, token);
            if (groups.open(me, chat.chatId()).isPresent()) {
                return "redirect:/chats/" + chat.chatId();
            }
            model.addAttribute("groupName", chat.settings().name());
            model.addAttribute("token", token);
            return "web/join-group";
        } catch (FeishuException refused) {
            response.setStatus(404);
            model.addAttribute("error", refused.getMessage());
            return "web/join-group";
        }
    }

    @PostMapping("/chats/join/{token}")
    String join(SignedIn me, @PathVariable("token") String token, HttpServletResponse response, Model model) {
        var actor = groups.person(me).orElse(null);
        try {
            if (actor == null) {
                throw new FeishuException(232001, "the share link is unknown or has expired", 400);
            }
            var chat = links.join(actor, token);
            return "redirect:/chats/" + chat.chatId();
        } catch (FeishuException refused) {
            response.setStatus(refused.httpStatus() >= 400 && refused.httpStatus() < 500 ? refused.httpStatus() : 400);
            model.addAttribute("error", refused.getMessage() + " (" + refused.code() + ")");
            return "web/join-group";
        }
    }
}
