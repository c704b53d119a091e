package dev.larkspur.web.chats;

import dev.larkspur.message.Message;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.web.chats.LiveWatcher.Watched;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Messages as one person's page shows them, for a stream: read through the message service as the
 * person (so the same rules apply as on the page) and rendered by the timeline's own fragment.
 */
@Component
class LiveMessages {
    private final MessageQueries messages;
    private final Timeline timeline;
    private final ITemplateEngine templates;

    LiveMessages(MessageQueries messages, Timeline timeline, ITemplateEngine templates) {
        this.messages = messages;
        this.timeline = timeline;
        this.templates = templates;
    }

    /** One message's id and its HTML. */
    record Rendered(String messageId, String html) {}

    /**
     * The messages, in the order given. A refusal (the person left the chat) is thrown as the
     * service's FeishuException, so the stream stops watching the chat.
     */
    List<Rendered> render(LiveWatcher watcher, Watched chat, List<String> messageIds) {
        var read = new ArrayList<Message>();
        for (String id : messageIds) {
            read.add(messages.get(chat.caller(), id));
        }
        var out = new ArrayList<Rendered>();
        for (var row : timeline.rows(watcher.me(), read)) {
            var context = new Context(Locale.ROOT, Map.of("m", row, "chatId", chat.chatId(), "csrf", watcher.csrf()));
            out.add(new Rendered(
                    row.messageId(), templates.process("web/fragments/timeline", Set.of("message"), context)));
        }
        return out;
    }
}
