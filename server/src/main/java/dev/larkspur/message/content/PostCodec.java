package dev.larkspur.message.content;

import dev.larkspur.message.MessageErrors;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rich text ({@code post}): a locale map of {@code {title, content:[[element…]…]}} on the way in;
 * one locale without the wrapper on the way out, {@code md} flattened to text and {@code at} as
 * placeholders (spec/message.md §4.1, §4.2). Validation messages are Feishu's own.
 */
final class PostCodec {
    private static final List<String> LOCALES = List.of("zh_cn", "en_us", "ja_jp");
    private final JsonMapper json;

    PostCodec(JsonMapper json) {
        this.json = json;
    }

    /** The locale block a reader sees: Chinese first, then English, Japanese, then any other. */
    private JsonNode locale(JsonNode post) {
        for (String l : LOCALES) {
            if (post.get(l) != null && post.get(l).isObject()) {
                return post.get(l);
            }
        }
        for (var e : post.properties()) {
            if (e.getValue().isObject()) {
                return e.getValue();
            }
        }
        throw MessageErrors.invalidContent("content format of the post type is incorrect");
    }

    List<String> atIds(JsonNode post) {
        var ids = new ArrayList<String>();
        var content = locale(post).path("content");
        for (JsonNode paragraph : content.values()) {
            for (JsonNode element : paragraph.values()) {
                String tag = element.path("tag").asString("");
                if (tag.equals("at") && element.path("user_id").isString()) {
                    ids.add(element.get("user_id").asString());
                } else if (tag.equals("md") && element.path("text").isString()) {
                    ids.addAll(Mentions.idsIn(element.get("text").asString()));
                }
            }
        }
        return ids;
    }

    ObjectNode toReceive(JsonNode post, Mentions mentions) {
        var block = locale(post);
        var content = block.get("content");
        if (content == null || !content.isArray()) {
            throw MessageErrors.invalidContent("content format of the post type is incorrect");
        }
        ObjectNode out = json.createObjectNode();
        out.put("title", block.path("title").asString(""));
        ArrayNode paragraphs = out.putArray("content");
        for (JsonNode paragraph : content.values()) {
            if (!paragraph.isArray()) {
                throw MessageErrors.invalidContent("content format of the post type is incorrect");
            }
            ArrayNode line = paragraphs.addArray();
            for (JsonNode element : paragraph.values()) {
                line.add(element(element, mentions));
            }
        }
        return out;
    }

    private ObjectNode element(JsonNode e, Mentions mentions) {
        String tag = e.path("tag").asString("");
        ObjectNode out = json.createObjectNode().put("tag", tag);
        switch (tag) {
            case "text" -> {
                out.put("text", required(e, "text", "message_content_text_tag's text field can't be nil"));
                out.set("style", style(e));
            }
            case "a" -> {
                out.put("href", required(e, "href", "message_content_a_tag's href field can't be nil"));
                out.put("text", required(e, "text", "message_content_a_tag's text field can't be nil"));
                out.set("style", style(e));
            }
            case "at" -> {
                String id = required(e, "user_id", "message_content_at_tag's user_id field can't be nil");
                String key = mentions.placeholder(id, e.path("user_name").asString(""));
                out.put("user_id", key == null ? id : key);
                out.put("user_name", e.path("user_name").asString(""));
                out.set("style", style(e));
            }
            case "img" -> out.put(
                    "image_key", required(e, "image_key", "message_content_img_tag's image_key field can't be nil"));
            case "media" -> {
                out.put("file_key", required(e, "file_key", "message_content_media_tag's file_key field can't be nil"));
                if (e.hasNonNull("image_key")) {
                    out.put("image_key", e.get("image_key").asString());
                }
            }
            case "emotion" -> out.put(
                    "emoji_type",
                    required(e, "emoji_type", "message_content_emotion_tag's emoji_type field can't be nil"));
            case "code_block" -> {
                out.put("language", e.path("language").asString(""));
                out.put("text", required(e, "text", "message_content_text_tag's text field can't be nil"));
            }
            case "hr" -> {}
            case "md" -> {
                String text = required(e, "text", "message_content_md_tag's text field can't be nil");
                out.put("tag", "text");
                out.put("text", mentions.replaceTags(text));
                out.putArray("style");
            }
            default -> throw MessageErrors.invalidContent("message_content has wrong tag");
        }
        return out;
    }

    private static String required(JsonNode e, String field, String message) {
        var value = e.get(field);
        if (value == null || !value.isString()) {
            throw MessageErrors.invalidContent(message);
        }
        return value.asString();
    }

    private ArrayNode style(JsonNode e) {
        ArrayNode out = json.createArrayNode();
        e.path("style").values().forEach(s -> out.add(s.asString("")));
        return out;
    }
}
