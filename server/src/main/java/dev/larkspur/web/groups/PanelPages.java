package dev.larkspur.web.groups;

import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * How the panel's forms answer: a group the person is not in is not found; an action the chat rules
 * refuse shows the panel again with the service's reason, with the HTTP status the Open API gives.
 */
@Component
class PanelPages {
    static final String NOT_FOUND = "web/not-found";
    private final GroupActors groups;
    private final GroupPanels panels;

    PanelPages(GroupActors groups, GroupPanels panels) {
        this.groups = groups;
        this.panels = panels;
    }

    String show(SignedIn me, GroupActors.Group group, Model model) {
        model.addAttribute("panel", panels.panel(me, group));
        return "web/group-panel";
    }

    /** Runs {@code action} on the person's group; its answer is the view or redirect to show. */
    String act(
            SignedIn me,
            String chatId,
            HttpServletResponse response,
            Model model,
            Function<GroupActors.Group, String> action) {
        var group = groups.open(me, chatId).orElse(null);
        if (group == null) {
            response.setStatus(404);
            return NOT_FOUND;
        }
        try {
            return action.apply(group);
        } catch (FeishuException refused) {
            int status = refused.httpStatus() >= 400 && refused.httpStatus() < 500 ? refused.httpStatus() : 400;
            response.setStatus(status);
            model.addAttribute("error", refused.getMessage() + " (" + refused.code() + ")");
            var still = groups.open(me, chatId);
            if (still.isEmpty()) {
                return NOT_FOUND;
            }
            return show(me, still.get(), model);
        }
    }

    static String backToPanel(GroupActors.Group group) {
        return "redirect:/chats/" + group.chatId() + "/info";
    }
}
