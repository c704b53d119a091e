package dev.larkspur.web.content;

import dev.larkspur.message.Mention;
import dev.larkspur.message.Message;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a message's {@code msg_type} and stored content into the view the timeline draws. Content
 * is the receive format (spec/message.md §4.2); a card is read from the card as sent when the
 * message keeps it, since the simplified card drops colours, values and controls. Content it
 * cannot read shows as a note instead of failing the page.
 */
public final class ContentViews {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentViews() {}

    /** A stored message: recalled ones show as recalled; cards from the card as sent. */
    public static ContentView of(Message message, ContentContext ctx) {
        if (message.deleted()) {
            return new ContentView.Recalled();
        }
        String content = message.msgType().equals("interactive") && message.rawContent() != null
                ? message.rawContent()
                : message.content();
        return of(message.msgType(), content, message.mentions(), ctx);
    }

    public static ContentView of(String msgType, String contentJson, List<Mention> mentions, ContentContext ctx) {
        JsonNode node;
        try {
            node = contentJson == null ? null : JSON.readTree(contentJson);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return new ContentView.Other(msgType, "[Unreadable message]");
        }
        List<Mention> known = mentions == null ? List.of() : mentions;
        return switch (msgType) {
            case "text" -> new ContentView.Text(
                    TextContent.pieces(node.path("text").asString(""), known, ctx));
            case "post" -> PostContent.view(node, known, ctx);
            case "image" -> new ContentView.Image(
                    ctx.resourceUrl(node.path("image_key").asString(""), "image"));
            case "file" -> file(node, ctx);
            case "audio" -> new ContentView.Audio(
                    ctx.resourceUrl(node.path("file_key").asString(""), "file"),
                    Formats.duration(node.path("duration").asLong(0)));
            case "media" -> media(node, ctx);
            case "sticker" -> new ContentView.Sticker(
                    ctx.resourceUrl(node.path("file_key").asString(""), "image"));
            case "share_chat" -> shareChat(node.path("chat_id").asString(""), ctx);
            case "share_user" -> {
                String id = node.path("user_id").asString("");
                yield new ContentView.ShareUser(id, ctx.lookups().personName(id).orElse(id));
            }
            case "system" -> SystemText.view(node);
            case "merge_forward" -> new ContentView.MergeForward(ctx.merged());
            case "interactive" -> CardContent.view(node, ctx);
            default -> OtherContent.view(msgType, node);
        };
    }

    private static ContentView file(JsonNode node, ContentContext ctx) {
        String key = node.path("file_key").asString("");
        var size = ctx.lookups().fileSize(key);
        return new ContentView.File(
                node.path("file_name").asString(key),
                size.isPresent() ? Formats.size(size.getAsLong()) : null,
                ctx.resourceUrl(key, "file"));
    }

    private static ContentView media(JsonNode node, ContentContext ctx) {
        String key = node.path("file_key").asString("");
        var size = ctx.lookups().fileSize(key);
        return new ContentView.Media(
                node.path("file_name").asString("video.mp4"),
                ctx.resourceUrl(key, "file"),
                node.hasNonNull("image_key")
                        ? ctx.resourceUrl(node.get("image_key").asString(), "image")
                        : null,
                Formats.duration(node.path("duration").asLong(0)),
                size.isPresent() ? Formats.size(size.getAsLong()) : null);
    }

    private static ContentView shareChat(String chatId, ContentContext ctx) {
        var chat = ctx.lookups().chat(chatId);
        return new ContentView.ShareChat(
                chatId,
                chat.map(ContentLookups.SharedChat::name).orElse(chatId),
                chat.map(ContentLookups.SharedChat::description).orElse(""));
    }
}
