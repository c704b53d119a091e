package dev.larkspur.web.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What rendering one message needs from outside its content: where its resources download from
 * (the message's chat and id), who is looking (to highlight their mentions), lookups for names
 * and sizes, where card interactions post (null: cards show their controls disabled), and for a
 * merge_forward the messages inside it, already rendered.
 */
public record ContentContext(
        String chatId,
        String messageId,
        Long viewerUserPk,
        ContentLookups lookups,
        CardTarget cardTarget,
        List<MergedMessage> merged) {

    public ContentContext {
        lookups = lookups == null ? ContentLookups.NONE : lookups;
        merged = merged == null ? List.of() : List.copyOf(merged);
    }

    /** Where a card's buttons, selects and pickers post, with the session's CSRF token. */
    public record CardTarget(String action, String csrf) {
        public CardTarget {
            Objects.requireNonNull(action);
            Objects.requireNonNull(csrf);
        }
    }

    /** One message inside a merge_forward: who sent it and its content. */
    public record MergedMessage(String senderName, String sentAt, ContentView content) {}

    public static ContentContext of(String chatId, String messageId) {
        return new ContentContext(chatId, messageId, null, ContentLookups.NONE, null, List.of());
    }

    public ContentContext viewer(Long userPk) {
        return new ContentContext(chatId, messageId, userPk, lookups, cardTarget, merged);
    }

    public ContentContext lookups(ContentLookups lookups) {
        return new ContentContext(chatId, messageId, viewerUserPk, lookups, cardTarget, merged);
    }

    public ContentContext cardTarget(String action, String csrf) {
        return new ContentContext(chatId, messageId, viewerUserPk, lookups, new CardTarget(action, csrf), merged);
    }

    public ContentContext merged(List<MergedMessage> children) {
        return new ContentContext(chatId, messageId, viewerUserPk, lookups, cardTarget, children);
    }

    /**
     * The browser URL of one of this message's images or files, served by the pages under the
     * chat (the Open API's message resource, spec/message.md §3.12, as the signed-in person).
     */
    public String resourceUrl(String key, String type) {
        return "/chats/" + encode(chatId) + "/messages/" + encode(messageId) + "/resources/" + encode(key) + "?type="
                + type;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment == null ? "" : segment, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
