package dev.larkspur.web.content;

import dev.larkspur.message.Mention;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Rich text: receive format {@code {title, content:[[element…]…]}} (spec/message.md §4.2), or the
 * send format's locale map when that is what was stored. Unknown tags are skipped, as Feishu's
 * client skips tags it does not know.
 */
final class PostContent {
    private static final List<String> LOCALES = List.of("zh_cn", "en_us", "ja_jp");

    private PostContent() {}

    static ContentView.Post view(JsonNode node, List<Mention> mentions, ContentContext ctx) {
        JsonNode block = node.has("content") ? node : locale(node);
        var paragraphs = new ArrayList<List<Piece>>();
        for (JsonNode paragraph : block.path("content").values()) {
            var pieces = new ArrayList<Piece>();
            for (JsonNode element : paragraph.values()) {
                Piece piece = piece(element, mentions, ctx);
                if (piece != null) {
                    pieces.add(piece);
                }
            }
            paragraphs.add(pieces);
        }
        return new ContentView.Post(block.path("title").asString(""), paragraphs);
    }

    private static JsonNode locale(JsonNode post) {
        for (String l : LOCALES) {
            if (post.path(l).isObject()) {
                return post.get(l);
            }
        }
        for (var e : post.properties()) {
            if (e.getValue().isObject()) {
                return e.getValue();
            }
        }
        return post;
    }

    private static Piece piece(JsonNode e, List<Mention> mentions, ContentContext ctx) {
        Style style = style(e);
        return switch (e.path("tag").asString("")) {
            case "text" -> new Piece.Text(e.path("text").asString(""), style);
            case "a" -> {
                String href = e.path("href").asString("");
                String text = e.path("text").asString("");
                yield new Piece.Link(text.isEmpty() ? href : text, Links.safe(href), style);
            }
            case "at" -> TextContent.at(
                    e.path("user_id").asString(""), e.path("user_name").asString(""), mentions, ctx, style);
            case "img" -> new Piece.Image(ctx.resourceUrl(e.path("image_key").asString(""), "image"), "img");
            case "media" -> new Piece.Media(
                    ctx.resourceUrl(e.path("file_key").asString(""), "file"),
                    e.hasNonNull("image_key")
                            ? ctx.resourceUrl(e.get("image_key").asString(), "image")
                            : null);
            case "emotion" -> {
                String type = e.path("emoji_type").asString("");
                yield new Piece.Emotion(type, Emotions.glyph(type));
            }
            case "code_block" -> new Piece.Code(
                    e.path("language").asString("").toLowerCase(java.util.Locale.ROOT),
                    e.path("text").asString(""));
            case "hr" -> new Piece.Hr();
            case "md" -> {
                String source = e.path("text").asString("");
                yield new Piece.Markdown(LarkMarkdown.render(source, mentions, ctx), source);
            }
            default -> null;
        };
    }

    private static Style style(JsonNode e) {
        var names = new ArrayList<String>();
        e.path("style").values().forEach(s -> names.add(s.asString("")));
        return Style.of(names);
    }
}
