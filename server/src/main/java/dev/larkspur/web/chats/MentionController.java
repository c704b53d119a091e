package dev.larkspur.web.chats;

import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The composer's @ picker: fetched once, when the person first types {@code @} (mentions.js). */
@Controller
class MentionController {
    private final OpenChats openChats;
    private final MentionCandidates candidates;

    MentionController(OpenChats openChats, MentionCandidates candidates) {
        this.openChats = openChats;
        this.candidates = candidates;
    }

    @GetMapping("/chats/{chat_id}/mentions")
    String mentions(SignedIn me, @PathVariable("chat_id") String chatId, HttpServletResponse response, Model model) {
        var opened = openChats.open(me, chatId).orElse(null);
        if (opened == null) {
            response.setStatus(404);
            return "web/not-found";
        }
        List<MentionCandidates.Candidate> found;
        try {
            found = candidates.of(me, opened);
        } catch (FeishuException e) {
            // A chat dissolved meanwhile: nobody to mention, and sending will say why.
            found = List.of();
        }
        model.addAttribute("candidates", found);
        return "web/fragments/mentions :: options";
    }
}
