package dev.larkspur.web.chats;

import dev.larkspur.message.Message;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.MessageSending;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
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
 * A thread of a chat: its root, then its latest replies, with a link that loads earlier replies by
 * key (the thread history of the Open API, as the person), a composer that replies in the thread,
 * and the live stream (new replies, edits, reactions as on the chat page). A thread of another
 * chat, or of a chat the person is not in, is 404.
 */
@Controller
class ThreadPageController {
    /** Replies a page shows; earlier ones come a page at a time. */
    static final int PAGE = 30;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenChats opened;
    private final MessageQueries history;
    private final ChatActions actions;
    private final Timeline timeline;

    ThreadPageController(OpenChats opened, MessageQueries history, ChatActions actions, Timeline timeline) {
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
            @RequestParam(name = "before", required = false) String before,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        var chat = opened.open(me, chatId).orElse(null);
        var root = chat == null ? null : rootOf(chat, threadId);
        if (root == null || !root.chatId().equals(chatId)) {
            response.setStatus(404);
            return "web/not-found";
        }
        var page = repliesOf(chat, threadId, before);
        if (page == null) {
            response.setStatus(404);
            return "web/not-found";
        }
        // Newest first from the history; the root is the thread's oldest message, shown on its own.
        var replies = new ArrayList<>(page.items().stream()
                .filter(m -> !m.messageId().equals(root.messageId()))
                .toList());
        Collections.reverse(replies);
        var shown = new ArrayList<Message>(replies);
        if (before == null) {
            shown.add(root);
        }
        actions.markRead(chat.caller(), shown);
        model.addAttribute("chatId", chatId);
        model.addAttribute("threadId", threadId);
        model.addAttribute("messages", timeline.rows(me, replies));
        model.addAttribute("earlier", page.hasMore() ? page.pageToken() : null);
        model.addAttribute("inThread", true);
        if (before != null && htmx != null) {
            return "web/thread :: replies";
        }
        model.addAttribute("root", timeline.rows(me, List.of(root)).get(0));
        model.addAttribute(
                "chatName",
                chat.chat().isP2p() ? "Chat" : chat.chat().settings().name());
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
        var root = chat == null ? null : rootOf(chat, threadId);
        if (root == null || !root.chatId().equals(chatId)) {
            response.setStatus(404);
            return "web/not-found";
        }
        String back = "redirect:/chats/" + chatId + "/threads/" + threadId;
        if (text.isBlank()) {
            response.setStatus(htmx != null ? 204 : 303);
            return htmx != null ? null : back;
        }
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

    /** The thread's first message, its root; null when there is no such thread for the person. */
    private Message rootOf(OpenChats.OpenChat chat, String threadId) {
        try {
            var first = history.list(chat.caller(), "thread", threadId, null, null, "ByCreateTimeAsc", null, 1)
                    .items();
            return first.isEmpty() ? null : first.get(0);
        } catch (FeishuException e) {
            return null;
        }
    }

    /** A page of the thread, newest first, from {@code before} (a page token) or from its end. */
    private MessageQueries.HistoryPage repliesOf(OpenChats.OpenChat chat, String threadId, String before) {
        try {
            return history.list(chat.caller(), "thread", threadId, null, null, "ByCreateTimeDesc", before, PAGE);
        } catch (FeishuException e) {
            return null;
        }
    }
}
