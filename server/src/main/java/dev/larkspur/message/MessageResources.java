package dev.larkspur.message;

import dev.larkspur.media.MediaDownload;
import dev.larkspur.media.MediaErrors;
import dev.larkspur.media.MediaResources;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloading an image or file through a message (spec/message.md §3.12): an app whose bot can see
 * the message gets the resources in its content, whoever uploaded them; that is how bots read what
 * people send. It lives here rather than in media because it reads message content, and media must
 * not depend on messages (the message module already depends on media for its content checks).
 */
@Service
public class MessageResources {
    /** Feishu serves no stickers, card images or merge-forward children here (234043). */
    private static final Set<String> UNSUPPORTED = Set.of("sticker", "interactive", "merge_forward");

    private final MessageQueries queries;
    private final MediaResources media;
    private final JsonMapper json;

    MessageResources(MessageQueries queries, MediaResources media, JsonMapper json) {
        this.queries = queries;
        this.media = media;
        this.json = json;
    }

    /** {@code type} is {@code image} (image messages, post images, video covers) or {@code file}. */
    public MediaDownload download(Caller caller, String messageId, String key, String type) {
        if (!caller.botEnabled()) {
            throw MediaErrors.botAbilityOff();
        }
        if ((!"image".equals(type) && !"file".equals(type)) || key == null || key.isBlank()) {
            throw MediaErrors.invalidParam();
        }
        var message = visible(caller, messageId);
        if (message.deleted()) {
            throw MessageErrors.messageDeleted();
        }
        if (message.upperMessageId() != null || UNSUPPORTED.contains(message.msgType())) {
            throw MediaErrors.unsupportedMessageType();
        }
        var keys = new Keys();
        keys.collect(message.msgType(), json.readTree(message.content()));
        var wanted = type.equals("image") ? keys.images : keys.files;
        if (!wanted.contains(key)) {
            var other = type.equals("image") ? keys.files : keys.images;
            throw other.contains(key) ? MediaErrors.invalidParam() : MediaErrors.fileNotInMessage();
        }
        return media.download(key).orElseThrow(MediaErrors::notFound);
    }

    private Message visible(Caller caller, String messageId) {
        try {
            return queries.get(caller, messageId);
        } catch (FeishuException e) {
            // MessageQueries answers in message codes; this endpoint documents resource codes.
            throw switch (e.code()) {
                case 230002, 230050 -> MediaErrors.appNotInChat();
                case 230001 -> MediaErrors.invalidParam();
                default -> e;
            };
        }
    }

    /** The image and file keys in receive-format content (spec/message.md §4.2). */
    private static final class Keys {
        final Set<String> images = new HashSet<>();
        final Set<String> files = new HashSet<>();

        void collect(String msgType, JsonNode content) {
            switch (msgType) {
                case "image" -> add(images, content.get("image_key"));
                case "file", "audio" -> add(files, content.get("file_key"));
                case "media" -> element(content);
                case "post" -> content.path("content").values().forEach(p -> p.values()
                        .forEach(this::element));
                default -> {}
            }
        }

        private void element(JsonNode e) {
            add(files, e.get("file_key"));
            add(images, e.get("image_key"));
        }

        private static void add(Set<String> keys, JsonNode key) {
            if (key != null && key.isString()) {
                keys.add(key.asString());
            }
        }
    }
}
