package dev.larkspur.web.chats;

import dev.larkspur.chat.P2pChats;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.MessageSending;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
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
 * One chat: the latest page of its timeline (older pages by key), the composer, and sending as the
 * person. Someone not in the chat gets 404, as if it did not exist.
 */
@Controller
class ChatPageController {
    static final int PAGE = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenChats openChats;
    private final P2pChats p2p;
    private final MessageQueries history;
    private final ChatActions actions;
    private final Timeline timeline;

    ChatPageController(
            OpenChats openChats, P2pChats p2p, MessageQueries history, ChatActions actions, Timeline timeline) {
        this.openChats = openChats;
        this.p2p = p2p;
        this.history = history;
        this.actions = actions;
        this.timeline = timeline;
    }

    @GetMapping("/chats/{chat_id}")
    String chat(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "before", required = false) String before,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        var opened = open(me, chatId);
        if (opened == null) {
            response.setStatus(404);
            return "web/not-found";
        }
        var caller = opened.caller();
        var chat = opened.chat();
        if (chat.isP2p() && !chat.isPeopleChat() && before == null) {
            // A person opening a bot's chat: the bot hears bot_p2p_chat_entered_v1.
            p2p.enter(caller.appPk(), me.tenantPk(), me.userPk());
        }
        var page = history.list(caller, "chat", chatId, null, null, "ByCreateTimeDesc", before, PAGE);
        var newestFirst = new ArrayList<>(page.items());
        actions.markRead(caller, newestFirst);
        Collections.reverse(newestFirst);
        model.addAttribute("chatId", chatId);
        model.addAttribute("chatName", opened.name());
        model.addAttribute("groupChat", !chat.isP2p());
        model.addAttribute("messages", timeline.rows(me, newestFirst));
        model.addAttribute("older", page.hasMore() ? page.pageToken() : null);
        return before != null && htmx != null ? "web/fragments/timeline :: page" : "web/chat";
    }

    @PostMapping("/chats/{chat_id}/messages")
    String send(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(name = "parent_id", defaultValue = "") String parentId,
            @RequestParam(name = "reply_in_thread", defaultValue = "false") boolean inThread,
            @RequestParam(name = "mention", required = false) java.util.List<String> mentions,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        var opened = open(me, chatId);
        if (opened == null) {
            response.setStatus(404);
            return "web/not-found";
        }
        if (text.isBlank()) {
            response.setStatus(htmx != null ? 204 : 303);
            return htmx != null ? null : "redirect:/chats/" + chatId;
        }
        String content = JSON.writeValueAsString(Map.of("text", ComposerMentions.tagged(text, mentions)));
        var draft = new MessageSending.Draft("text", content, null);
        var sent = parentId.isBlank()
                ? actions.send(opened.caller(), opened.chat(), draft)
                : actions.reply(opened.caller(), opened.chat(), parentId, draft, inThread);
        if (htmx == null) {
            return "redirect:/chats/" + chatId;
        }
        if (sent.threadId() != null) {
            // A reply in a thread stays in its thread: the page shows its root, with one more reply.
            var root = history.get(opened.caller(), sent.rootId());
            response.setHeader("HX-Retarget", "#lk-m-" + root.messageId());
            response.setHeader("HX-Reswap", "outerHTML");
            sent = root;
        }
        model.addAttribute("m", timeline.rows(me, java.util.List.of(sent)).get(0));
        return "web/fragments/timeline :: message";
    }

    /**
     * Messages that arrived on the open page by the live stream, now seen: read as if the page had
     * been opened with them (message_read_v1 for bots, "Read by" for their senders, unread counts).
     */
    @PostMapping("/chats/{chat_id}/read")
    void read(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "message_id", required = false) java.util.List<String> messageIds,
            HttpServletResponse response) {
        var opened = open(me, chatId);
        if (opened == null) {
            response.setStatus(404);
            return;
        }
        var ids = messageIds == null
                ? java.util.List.<String>of()
                : messageIds.stream().limit(PAGE).toList();
        if (!ids.isEmpty()) {
            actions.markReadIds(opened.caller(), ids);
        }
        response.setStatus(204);
    }

    /** A refusal by the message rules (muted, too fast, ...) shown where the composer is. */
    @ExceptionHandler(FeishuException.class)
    String refused(FeishuException e, HttpServletResponse response, Model model) {
        response.setStatus(e.httpStatus() >= 400 && e.httpStatus() < 500 ? e.httpStatus() : 400);
        model.addAttribute("error", e.getMessage());
        return "web/fragments/timeline :: refused";
    }

    private OpenChats.OpenChat open(SignedIn me, String chatId) {
        return openChats.open(me, chatId).orElse(null);
    }
}
