package dev.larkspur.web.chats;

import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.MessageSending;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thread of a chat: its root and replies (the thread history of the Open API, as the person),
 * with a composer that replies in the thread. A thread of another chat, or of a chat the person is
 * not in, is 404.
 */
@Controller
class ThreadPageController {
    /** Enough for the threads of a demo; paging would come before longer ones. */
    static final int PAGE = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenedChats opened;
    private final MessageQueries history;
    private final ChatActions actions;
    private final Timeline timeline;

    ThreadPageController(OpenedChats opened, MessageQueries history, ChatActions actions, Timeline timeline) {
        this.opened = opened;
        this.history = history;
        this.actions = actions;
        this.timeline = timeline;
    }

    @GetMapping("/chats/{chat_id}/threads/{thread_id}")
    String thread(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("thread_id") String threadId,
            HttpServletResponse response,
            Model model) {
        var chat = opened.open(me, chatId).orElse(null);
        var messages = chat == null ? List.<dev.larkspur.message.Message>of() : messagesOf(chat, threadId);
        if (messages.isEmpty() || !messages.get(0).chatId().equals(chatId)) {
            response.setStatus(404);
            return "web/not-found";
        }
        actions.markRead(chat.caller(), messages);
        model.addAttribute("chatId", chatId);
        model.addAttribute("threadId", threadId);
        model.addAttribute(
                "chatName",
                chat.chat().isP2p() ? "Chat" : chat.chat().settings().name());
        model.addAttribute("messages", timeline.rows(me, messages));
        model.addAttribute("inThread", true);
        return "web/thread";
    }

    /** A reply in the thread (to its root, where every reply of a thread goes). */
    @PostMapping("/chats/{chat_id}/threads/{thread_id}/messages")
    String reply(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("thread_id") String threadId,
            @RequestParam(name = "text", defaultValue = "") String text,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        var chat = opened.open(me, chatId).orElse(null);
        var messages = chat == null ? List.<dev.larkspur.message.Message>of() : messagesOf(chat, threadId);
        if (messages.isEmpty() || !messages.get(0).chatId().equals(chatId)) {
            response.setStatus(404);
            return "web/not-found";
        }
        String back = "redirect:/chats/" + chatId + "/threads/" + threadId;
        if (text.isBlank()) {
            response.setStatus(htmx != null ? 204 : 303);
            return htmx != null ? null : back;
        }
        var root = messages.get(0);
        var draft = new MessageSending.Draft("text", JSON.writeValueAsString(Map.of("text", text)), null);
        var sent = actions.reply(chat.caller(), chat.chat(), root.messageId(), draft, true);
        if (htmx == null) {
            return back;
        }
        model.addAttribute("m", timeline.rows(me, List.of(sent)).get(0));
        model.addAttribute("inThread", true);
        return "web/fragments/timeline :: message";
    }

    @ExceptionHandler(FeishuException.class)
    String refused(FeishuException e, HttpServletResponse response, Model model) {
        response.setStatus(Refusals.status(e));
        model.addAttribute("error", Refusals.text(e));
        return "web/fragments/timeline :: refused";
    }

    /** Oldest first, the root first; empty when there is no such thread for the person. */
    private List<dev.larkspur.message.Message> messagesOf(OpenedChats.Opened chat, String threadId) {
        try {
            return history.list(chat.caller(), "thread", threadId, null, null, "ByCreateTimeAsc", null, PAGE)
                    .items();
        } catch (FeishuException e) {
            return List.of();
        }
    }
}
