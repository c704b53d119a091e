package dev.larkspur.web.chats;

import dev.larkspur.message.Message;
import dev.larkspur.message.MessageChanges;
import dev.larkspur.message.MessagePins;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.MessageReactions;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
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
 * The actions of a message's menu, through the message services as the person: edit, recall,
 * react, pin. htmx gets the message re-rendered (to replace it in place); a plain form post goes
 * back to the chat. A refusal by the message rules comes back as a short text with a 4xx status.
 */
@Controller
class MessageActionsController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenChats openChats;
    private final MessageQueries messages;
    private final MessageChanges changes;
    private final MessageReactions reactions;
    private final MessagePins pins;
    private final Timeline timeline;
    private final EditMentions editMentions;

    MessageActionsController(
            OpenChats openChats,
            MessageQueries messages,
            MessageChanges changes,
            MessageReactions reactions,
            MessagePins pins,
            Timeline timeline,
            EditMentions editMentions) {
        this.openChats = openChats;
        this.messages = messages;
        this.changes = changes;
        this.reactions = reactions;
        this.pins = pins;
        this.timeline = timeline;
        this.editMentions = editMentions;
    }

    /** The message as the timeline shows it (what "Cancel" of an edit goes back to). */
    @GetMapping("/chats/{chat_id}/messages/{message_id}")
    String show(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        return act(me, chatId, messageId, htmx, response, model, (chat, m) -> m);
    }

    /** The message with its text in a form, to be edited in place. */
    @GetMapping("/chats/{chat_id}/messages/{message_id}/edit")
    String editForm(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("editing", true);
        return act(me, chatId, messageId, htmx, response, model, (chat, m) -> {
            model.addAttribute("editMentions", editMentions.picks(chat.caller(), m));
            return m;
        });
    }

    @PostMapping("/chats/{chat_id}/messages/{message_id}/edit")
    String edit(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(name = "mention", required = false) List<String> mentions,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        // The mentions it had travel with the text, as the composer's picks do.
        String tagged = ComposerMentions.tagged(text, mentions);
        return act(
                me,
                chatId,
                messageId,
                htmx,
                response,
                model,
                (chat, m) -> text.isBlank()
                        ? m
                        : changes.edit(
                                chat.caller(), m.messageId(), "text", JSON.writeValueAsString(Map.of("text", tagged))));
    }

    @PostMapping("/chats/{chat_id}/messages/{message_id}/recall")
    String recall(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        return act(me, chatId, messageId, htmx, response, model, (chat, m) -> {
            changes.recall(chat.caller(), m.messageId());
            return null;
        });
    }

    /** Adds my reaction with this emoji, or takes back the one named by {@code reaction_id}. */
    @PostMapping("/chats/{chat_id}/messages/{message_id}/reactions")
    String react(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "emoji_type", defaultValue = "") String emojiType,
            @RequestParam(name = "reaction_id", required = false) String reactionId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        return act(me, chatId, messageId, htmx, response, model, (chat, m) -> {
            if (reactionId != null && !reactionId.isBlank()) {
                reactions.remove(chat.caller(), m.messageId(), reactionId);
            } else {
                reactions.add(chat.caller(), m.messageId(), emojiType);
            }
            return null;
        });
    }

    @PostMapping("/chats/{chat_id}/messages/{message_id}/pin")
    String pin(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "pinned", defaultValue = "true") boolean pinned,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        return act(me, chatId, messageId, htmx, response, model, (chat, m) -> {
            if (pinned) {
                pins.pin(chat.caller(), m.messageId());
            } else {
                pins.unpin(chat.caller(), m.messageId());
            }
            return null;
        });
    }

    @ExceptionHandler(FeishuException.class)
    String refused(FeishuException e, HttpServletResponse response, Model model) {
        response.setStatus(Refusals.status(e));
        model.addAttribute("error", Refusals.text(e));
        return "web/fragments/timeline :: refused";
    }

    /**
     * Opens the chat and its message, does the action, and answers with the message as it is now
     * (the action's result, or read again when it answers null).
     */
    private String act(
            SignedIn me,
            String chatId,
            String messageId,
            String htmx,
            HttpServletResponse response,
            Model model,
            BiFunction<OpenChats.OpenChat, Message, Message> action) {
        var chat = openChats.open(me, chatId).orElse(null);
        var message = chat == null ? null : message(chat, messageId).orElse(null);
        if (message == null) {
            response.setStatus(404);
            return "web/not-found";
        }
        var after = action.apply(chat, message);
        if (htmx == null) {
            return "redirect:/chats/" + chatId;
        }
        var now = after != null ? after : message(chat, messageId).orElse(message);
        model.addAttribute("m", timeline.rows(me, List.of(now)).get(0));
        return "web/fragments/timeline :: message";
    }

    /** A message of that chat, read as the person; one of another chat is not found here. */
    private Optional<Message> message(OpenChats.OpenChat chat, String messageId) {
        try {
            return Optional.of(messages.get(chat.caller(), messageId))
                    .filter(m -> m.chatId().equals(chat.chat().chatId()));
        } catch (FeishuException e) {
            return Optional.empty();
        }
    }
}
