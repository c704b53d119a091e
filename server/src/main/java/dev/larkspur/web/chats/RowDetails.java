package dev.larkspur.web.chats;

import dev.larkspur.message.Message;
import dev.larkspur.web.content.ContentContext;
import dev.larkspur.web.content.ContentViews;
import dev.larkspur.web.content.Emotions;
import dev.larkspur.web.session.SignedIn;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the timeline shows around one message and which actions its menu offers. The menu only
 * offers; the message services decide, and a refusal shows on the page.
 */
record RowDetails(
        String chatId,
        boolean recalled,
        boolean edited,
        boolean pinned,
        Quote quote,
        Thread thread,
        String threadRootId,
        List<Chip> reactions,
        String readLabel,
        boolean canEdit,
        boolean canRecall,
        boolean canReact,
        String editText) {
    private static final int EXCERPT = 80;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The message replied to: who wrote it and its first words. */
    record Quote(String messageId, String sender, String excerpt) {}

    /**
     * A thread's root: the thread and how many replies it has. A reply in a thread names its root
     * ({@code threadRootId}): the chat's timeline shows the root, not the reply.
     */
    record Thread(String threadId, int replies) {
        public String label() {
            return replies == 1 ? "1 reply" : replies + " replies";
        }
    }

    /** One emoji on the message: its character (or its name), count, and my reaction to take back. */
    record Chip(String emojiType, String glyph, int count, String myReactionId) {
        public boolean mine() {
            return myReactionId != null;
        }
    }

    static RowDetails of(SignedIn me, Message m, Timeline.Page page, Function<Message, String> senderOf) {
        var d = page.details();
        var chat = page.chats().get(m.chatId());
        boolean recalled = m.deleted();
        boolean mine = m.sentByUser(me.userPk());
        boolean textual = "text".equals(m.msgType()) || "post".equals(m.msgType());
        Quote quote = null;
        var parent = m.parentId() == null || m.threadId() != null
                ? null
                : d.parents().get(m.parentId());
        if (parent != null) {
            quote = new Quote(parent.messageId(), senderOf.apply(parent), excerpt(me, parent));
        }
        Thread thread = m.threadId() != null && m.rootId() == null
                ? new Thread(m.threadId(), d.threadReplies().getOrDefault(m.threadId(), 0))
                : null;
        var chips = recalled
                ? List.<Chip>of()
                : d.reactions().getOrDefault(m.messageId(), List.of()).stream()
                        .map(r -> new Chip(r.emojiType(), glyph(r.emojiType()), r.count(), r.myReactionId()))
                        .toList();
        String read = null;
        Integer readers = d.readBy().get(m.messageId());
        if (mine && !recalled && readers != null && chat != null && !chat.botChat()) {
            read = readers == 0 ? "Unread" : chat.peopleChat() ? "Read" : "Read by " + readers;
        }
        boolean canEdit = mine && !recalled && "text".equals(m.msgType());
        boolean others = chat != null && chat.privileged();
        return new RowDetails(
                m.chatId(),
                recalled,
                m.updated() && !recalled && textual,
                d.pinned().contains(m.messageId()) && !recalled,
                quote,
                thread,
                m.threadId() != null ? m.rootId() : null,
                chips,
                read,
                canEdit,
                !recalled && (mine || others),
                !recalled && !"system".equals(m.msgType()),
                canEdit ? editText(m) : null);
    }

    /** The character for a reaction, or its emoji_type when none fits. */
    static String glyph(String emojiType) {
        String glyph = Emotions.glyph(emojiType);
        return glyph == null ? emojiType : glyph;
    }

    private static String excerpt(SignedIn me, Message parent) {
        String text = ContentViews.of(
                        parent,
                        ContentContext.of(parent.chatId(), parent.messageId()).viewer(me.userPk()))
                .preview();
        text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return text.length() > EXCERPT ? text.substring(0, EXCERPT - 1) + "…" : text;
    }

    /** A text message as the person typed it: mention keys back to the names they stand for. */
    private static String editText(Message m) {
        String text;
        try {
            text = JSON.readTree(m.content()).path("text").asString("");
        } catch (JacksonException e) {
            return "";
        }
        for (var mention : m.mentions() == null ? List.<dev.larkspur.message.Mention>of() : m.mentions()) {
            text = text.replace(mention.key(), "@" + mention.name());
        }
        // As the picker writes it (EditMentions gives the pick that makes it @all again).
        return text.replace("@_all", "@all");
    }
}
