package dev.larkspur.message.content;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.media.MediaResources;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.platform.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates {@code content} per {@code msg_type} (spec/message.md §4.1) with Feishu's 230001 details
 * and size limits, and converts it to the receive format (§4.2).
 */
@Component
public class ContentCodec {
    public static final Set<String> SENDABLE = Set.of(
            "text",
            "post",
            "image",
            "file",
            "audio",
            "media",
            "sticker",
            "interactive",
            "share_chat",
            "share_user",
            "system");
    static final int TEXT_LIMIT = 150 * 1024;
    static final int CARD_AND_POST_LIMIT = 30 * 1024;
    static final int DIVIDER_WIDTH = 20;
    /** The i18n_text keys a divider accepts; case matters (spec/message.md §4.1). */
    static final Set<String> DIVIDER_LANGUAGES = Set.of(
            "en_US", "zh_CN", "zh_HK", "zh_TW", "ja_JP", "id_ID", "vi_VN", "th_TH", "pt_BR", "es_ES", "ko_KR", "de_DE",
            "fr_FR", "it_IT", "ru_RU", "ms_MY");

    private final JsonMapper json;
    private final UserService users;
    private final AppService apps;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final PostCodec post;
    private final CardCodec card;
    private final ContentResources resources;

    ContentCodec(
            JsonMapper json,
            UserService users,
            AppService apps,
            ChatQueries chats,
            ChatAccess access,
            MediaResources media) {
        this.json = json;
        this.users = users;
        this.apps = apps;
        this.chats = chats;
        this.access = access;
        this.post = new PostCodec(json);
        this.card = new CardCodec(json);
        this.resources = new ContentResources(json, media);
    }

    /** Validates and converts; {@code inP2p} tells where it will be posted (system messages). */
    public EncodedContent encode(Caller caller, String msgType, String content, boolean inP2p) {
        // Image and file keys: ownership, and what receivers see of them (ContentResources).
        return resources.apply(caller, msgType, encodeBody(caller, msgType, content, inP2p));
    }

    private EncodedContent encodeBody(Caller caller, String msgType, String content, boolean inP2p) {
        if (msgType == null || !SENDABLE.contains(msgType)) {
            throw MessageErrors.invalid("invalid msg_type");
        }
        if (content == null || content.isEmpty()) {
            throw MessageErrors.invalid("content cannot be empty");
        }
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        int limit = msgType.equals("post") || msgType.equals("interactive") ? CARD_AND_POST_LIMIT : TEXT_LIMIT;
        if (bytes > limit) {
            throw MessageErrors.tooLong();
        }
        JsonNode node;
        try {
            node = json.readTree(content);
        } catch (JacksonException e) {
            throw MessageErrors.invalidContent("content is not a string in json format");
        }
        if (node == null || !node.isObject()) {
            throw MessageErrors.invalidContent("content is not a string in json format");
        }
        return switch (msgType) {
            case "text" -> text(caller, node);
            case "post" -> {
                var ids = post.atIds(node);
                var mentions = Mentions.resolving(users, apps, caller, ids);
                yield new EncodedContent(
                        json.writeValueAsString(post.toReceive(node, mentions)), null, mentions.list(), mentions.all());
            }
            case "image" -> keyed(node, "image", "image_key");
            case "file", "audio", "sticker" -> keyed(node, msgType, "file_key");
            case "media" -> media(node);
            case "interactive" -> {
                var simplified = card.toReceive(node);
                yield new EncodedContent(json.writeValueAsString(simplified), content, List.of(), false);
            }
            case "share_chat" -> shareChat(caller, node);
            case "share_user" -> shareUser(caller, node);
            case "system" -> system(caller, node, inP2p);
            default -> throw MessageErrors.invalid("invalid msg_type");
        };
    }

    private EncodedContent text(Caller caller, JsonNode node) {
        var text = node.get("text");
        if (text == null || !text.isString()) {
            throw MessageErrors.invalidContent("content format of the text type is incorrect");
        }
        var mentions = Mentions.resolving(users, apps, caller, Mentions.idsIn(text.asString()));
        String converted = mentions.replaceTags(text.asString()).replaceAll("</?(b|i|u|s)>", "");
        ObjectNode out = json.createObjectNode().put("text", converted);
        return new EncodedContent(json.writeValueAsString(out), null, mentions.list(), mentions.all());
    }

    private EncodedContent keyed(JsonNode node, String type, String field) {
        var key = node.get(field);
        if (key == null || !key.isString() || key.asString().isBlank()) {
            throw MessageErrors.invalidContent("content format of the " + type + " type is incorrect");
        }
        ObjectNode out = json.createObjectNode().put(field, key.asString());
        return new EncodedContent(json.writeValueAsString(out), null, List.of(), false);
    }

    private EncodedContent media(JsonNode node) {
        var file = node.get("file_key");
        if (file == null || !file.isString() || file.asString().isBlank()) {
            throw MessageErrors.invalidContent("content format of the media type is incorrect");
        }
        ObjectNode out = json.createObjectNode().put("file_key", file.asString());
        if (node.hasNonNull("image_key")) {
            out.put("image_key", node.get("image_key").asString());
        }
        return new EncodedContent(json.writeValueAsString(out), null, List.of(), false);
    }

    private EncodedContent shareChat(Caller caller, JsonNode node) {
        var id = node.get("chat_id");
        if (id == null || !id.isString()) {
            throw MessageErrors.invalidContent("content format of the share_chat type is incorrect");
        }
        var chat = chats.find(id.asString()).orElseThrow(() -> MessageErrors.invalid("invalid chat_id"));
        if (chat.isP2p()) {
            throw MessageErrors.p2pNotShareable();
        }
        if (chat.tenantPk() != caller.tenantPk() || !access.isMember(chat, new Actor(caller))) {
            throw MessageErrors.botNotInChat();
        }
        return new EncodedContent(
                json.writeValueAsString(json.createObjectNode().put("chat_id", chat.chatId())), null, List.of(), false);
    }

    private EncodedContent shareUser(Caller caller, JsonNode node) {
        var id = node.get("user_id");
        if (id == null || !id.isString()) {
            throw MessageErrors.invalidContent("content format of the share_user type is incorrect");
        }
        var found = users.resolveAll(caller.appPk(), caller.tenantPk(), UserIdType.OPEN_ID, List.of(id.asString()));
        if (found.isEmpty()) {
            throw MessageErrors.invalid("invalid user_id");
        }
        return new EncodedContent(
                json.writeValueAsString(json.createObjectNode().put("user_id", id.asString())), null, List.of(), false);
    }

    private EncodedContent system(Caller caller, JsonNode node, boolean inP2p) {
        if (caller.userPk() != null) {
            throw MessageErrors.invalid("sending system messages as a user is not supported");
        }
        if (!inP2p) {
            throw MessageErrors.invalid("sending system messages in group chats is not supported");
        }
        if (!"divider".equals(node.path("type").asString(""))) {
            throw MessageErrors.invalid("invalid system message type");
        }
        var divider = node.path("params").path("divider_text");
        if (divider.isMissingNode() || divider.isNull()) {
            throw MessageErrors.invalid("divider_text must be set");
        }
        String text = divider.path("text").asString("");
        if (text.isEmpty()) {
            throw MessageErrors.invalid("divider message text cannot be empty");
        }
        if (dividerWidth(text) > DIVIDER_WIDTH) {
            throw MessageErrors.invalid("divider message text exceeds the specified length");
        }
        ObjectNode out = json.createObjectNode().put("template", "{divider_text}");
        out.putArray("from_user");
        out.putArray("to_chatters");
        var dividerOut = out.putObject("divider_text").put("text", text);
        var i18n = divider.path("i18n_text");
        if (i18n.isObject()) {
            var i18nOut = dividerOut.putObject("i18n_text");
            for (var e : new ArrayList<>(i18n.properties())) {
                if (!DIVIDER_LANGUAGES.contains(e.getKey())) {
                    throw MessageErrors.invalid("divider message i18n_text contains illegal language types");
                }
                String translated = e.getValue().asString("");
                if (translated.isEmpty()) {
                    throw MessageErrors.invalid("divider message i18n_text contains empty text");
                }
                if (dividerWidth(translated) > DIVIDER_WIDTH) {
                    throw MessageErrors.invalid("divider message text in i18n_text exceeds the specified length");
                }
                i18nOut.put(e.getKey().toLowerCase(), translated);
            }
        }
        return new EncodedContent(json.writeValueAsString(out), null, List.of(), false);
    }

    /** Divider text is at most 20 characters, where a CJK character counts as two (10 CJK). */
    private static int dividerWidth(String text) {
        return text.codePoints().map(cp -> isCjk(cp) ? 2 : 1).sum();
    }

    private static boolean isCjk(int codePoint) {
        var script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}
