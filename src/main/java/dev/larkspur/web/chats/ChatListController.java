package dev.larkspur.web.chats;

import dev.larkspur.web.session.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in person's chats. */
@Controller
class ChatListController {

    @GetMapping("/chats")
    String chats(SignedIn me, Model model) {
        return "web/chats";
    }
}
