package dev.larkspur.web.groups;

import dev.larkspur.chat.ChatCreation;
import dev.larkspur.chat.ChatSettings;
import dev.larkspur.chat.NewChat;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.chats.PersonCallers;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Creating a group from the chat list: a name, a description, people and bots. The person owns it;
 * the listed bots are told they were added ({@code im.chat.member.bot.added_v1}), as the Open API's
 * create would tell them. The form's uuid makes a second submit return the first group.
 */
@Controller
class GroupCreationController {
    private final PersonCallers callers;
    private final GroupActors groups;
    private final ChatCreation creation;

    GroupCreationController(PersonCallers callers, GroupActors groups, ChatCreation creation) {
        this.callers = callers;
        this.groups = groups;
        this.creation = creation;
    }

    @GetMapping("/chats/new-group")
    String form(SignedIn me, Model model) {
        return form(me, model, null, "", "");
    }

    @PostMapping("/chats/new-group")
    String create(
            SignedIn me,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "description", defaultValue = "") String description,
            @RequestParam(name = "user_id", required = false) List<String> userIds,
            @RequestParam(name = "app_id", required = false) List<String> appIds,
            @RequestParam(name = "uuid", required = false) String uuid,
            HttpServletResponse response,
            Model model) {
        var actor = groups.person(me);
        if (actor.isEmpty()) {
            response.setStatus(409);
            return form(me, model, "This tenant has no app to act through.", name, description);
        }
        var settings = ChatSettings.patch()
                .name(name.strip())
                .description(description.strip())
                .build();
        try {
            var chat = creation.create(
                    actor.get(),
                    UserIdType.USER_ID,
                    new NewChat(
                            settings,
                            "group",
                            null,
                            userIds == null ? List.of() : userIds,
                            appIds == null ? List.of() : appIds,
                            false,
                            uuid == null || uuid.isBlank() ? null : uuid));
            return "redirect:/chats/" + chat.chatId();
        } catch (FeishuException refused) {
            response.setStatus(400);
            return form(me, model, refused.getMessage(), name, description);
        }
    }

    private String form(SignedIn me, Model model, String error, String name, String description) {
        model.addAttribute("people", callers.people(me));
        model.addAttribute("bots", callers.bots(me));
        model.addAttribute("uuid", UUID.randomUUID().toString());
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("error", error);
        return "web/new-group";
    }
}
