package dev.larkspur.web.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What rendering one message needs from outside its content: where its images and files download
 * from, who is looking (to highlight their mentions), lookups for names and sizes, where card
 * interactions post (null: cards show their controls disabled), and for a merge_forward the
 * messages inside it, already rendered.
 */
public record ContentContext(
        String chatId,
        String messageId,
        ResourceUrls resources,
        Long viewerUserPk,
        ContentLookups lookups,
        CardTarget cardTarget,
        List<MergedMessage> merged) {

    public ContentContext {
        lookups = lookups == null ? ContentLookups.NONE : lookups;
        merged = merged == null ? List.of() : List.copyOf(merged);
        if (resources == null) {
            resources = messageResources(chatId, messageId);
        }
    }

    /** The browser URL of an image or file key; {@code type} is {@code image} or {@code file}. */
    @FunctionalInterface
    public interface ResourceUrls {
        String url(String key, String type);
    }

    /**
     * Where a card's buttons, selects and pickers post, with the session's CSRF token for a form
     * posted without script; null when the page's script sends it as a header (cards.js), which
     * lets a card rendered outside a request (a live update) stay clickable.
     */
    public record CardTarget(String action, String csrf) {
        public CardTarget {
            Objects.requireNonNull(action);
        }
    }

    /** One message inside a merge_forward: who sent it, when (as the page prints it), and its content. */
    public record MergedMessage(String senderName, String sentAt, ContentView content) {}

    /** A message's context with resources under {@link #messageResources} and nothing else. */
    public static ContentContext of(String chatId, String messageId) {
        return new ContentContext(chatId, messageId, null, null, ContentLookups.NONE, null, List.of());
    }

    /**
     * The pages' download path for a message's resources (the Open API's message resource,
     * spec/message.md §3.12, fetched as the signed-in person):
     * {@code /chats/{chat_id}/messages/{message_id}/resources/{key}?type=image|file}.
     */
    public static ResourceUrls messageResources(String chatId, String messageId) {
        return (key, type) -> "/chats/" + encode(chatId) + "/messages/" + encode(messageId) + "/resources/"
                + encode(key) + "?type=" + encode(type);
    }

    /**
     * The pages' path for a click on a message's card ({@code card.action.trigger}, as the signed-in
     * person): {@code /chats/{chat_id}/messages/{message_id}/card_actions}.
     */
    public static String cardActions(String chatId, String messageId) {
        return "/chats/" + encode(chatId) + "/messages/" + encode(messageId) + "/card_actions";
    }

    /** Cards of this message post to {@link #cardActions}, the token sent by the page's script. */
    public ContentContext clickable() {
        return new ContentContext(
                chatId,
                messageId,
                resources,
                viewerUserPk,
                lookups,
                new CardTarget(cardActions(chatId, messageId), null),
                merged);
    }

    public ContentContext resources(ResourceUrls urls) {
        return new ContentContext(chatId, messageId, urls, viewerUserPk, lookups, cardTarget, merged);
    }

    public ContentContext viewer(Long userPk) {
        return new ContentContext(chatId, messageId, resources, userPk, lookups, cardTarget, merged);
    }

    public ContentContext lookups(ContentLookups lookups) {
        return new ContentContext(chatId, messageId, resources, viewerUserPk, lookups, cardTarget, merged);
    }

    public ContentContext cardTarget(String action, String csrf) {
        return new ContentContext(
                chatId, messageId, resources, viewerUserPk, lookups, new CardTarget(action, csrf), merged);
    }

    public ContentContext merged(List<MergedMessage> children) {
        return new ContentContext(chatId, messageId, resources, viewerUserPk, lookups, cardTarget, children);
    }

    public String resourceUrl(String key, String type) {
        return resources.url(key, type);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment == null ? "" : segment, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
