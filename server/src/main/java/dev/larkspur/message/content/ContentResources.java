package dev.larkspur.message.content;

import dev.larkspur.media.MediaResource;
import dev.larkspur.media.MediaResources;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.platform.Caller;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The image and file keys in a message's content, checked against the media module after
 * {@link ContentCodec} has built the receive format: a key must have been uploaded by the sending
 * app (230017; 230001 for keys never issued), with the file type the msg_type takes (230055), and
 * the receive format gains what receivers see of the file (spec/message.md §4.2): {@code file}
 * its name, {@code audio} its duration, {@code media} both.
 */
final class ContentResources {
    /** Stickers carry file keys too, but of stickers the bot received, not of uploads (§4.1). */
    private static final Set<String> WITH_KEYS = Set.of("image", "file", "audio", "media", "post");

    private final JsonMapper json;
    private final MediaResources media;

    ContentResources(JsonMapper json, MediaResources media) {
        this.json = json;
        this.media = media;
    }

    EncodedContent apply(Caller caller, String msgType, EncodedContent encoded) {
        if (!WITH_KEYS.contains(msgType)) {
            return encoded;
        }
        var content = (ObjectNode) json.readTree(encoded.content());
        ObjectNode out =
                switch (msgType) {
                    case "image" -> {
                        image(caller, content.path("image_key").asString());
                        yield content;
                    }
                    case "file" -> {
                        var file = file(caller, content.path("file_key").asString(), "file");
                        yield content.put("file_name", file.fileName());
                    }
                    case "audio" -> {
                        var file = file(caller, content.path("file_key").asString(), "audio");
                        yield content.put("duration", duration(file));
                    }
                    case "media" -> media(caller, content);
                    default -> post(caller, content);
                };
        return new EncodedContent(
                json.writeValueAsString(out), encoded.rawContent(), encoded.mentions(), encoded.mentionsAll());
    }

    /** Receive format order: file_key, image_key (the cover, when given), file_name, duration. */
    private ObjectNode media(Caller caller, ObjectNode content) {
        var file = file(caller, content.path("file_key").asString(), "media");
        ObjectNode out = json.createObjectNode().put("file_key", file.key());
        if (content.hasNonNull("image_key")) {
            out.put(
                    "image_key",
                    image(caller, content.get("image_key").asString()).key());
        }
        return out.put("file_name", file.fileName()).put("duration", duration(file));
    }

    private ObjectNode post(Caller caller, ObjectNode content) {
        for (JsonNode paragraph : content.path("content").values()) {
            for (JsonNode element : paragraph.values()) {
                String tag = element.path("tag").asString("");
                if (tag.equals("img")) {
                    image(caller, element.path("image_key").asString());
                } else if (tag.equals("media")) {
                    file(caller, element.path("file_key").asString(), "media");
                    if (element.hasNonNull("image_key")) {
                        image(caller, element.get("image_key").asString());
                    }
                }
            }
        }
        return content;
    }

    /** Feishu sends only images uploaded for messages (spec/message.md §4.1), not avatars. */
    private MediaResource image(Caller caller, String key) {
        var image = media.describe(key)
                .filter(r -> r.isImage() && "message".equals(r.imageType()))
                .orElseThrow(() -> MessageErrors.invalid("invalid image_key"));
        return owned(caller, image);
    }

    private MediaResource file(Caller caller, String key, String msgType) {
        var file = media.describe(key)
                .filter(MediaResource::isFile)
                .orElseThrow(() -> MessageErrors.invalid("invalid file_key"));
        owned(caller, file);
        if (!msgType.equals(sentAs(file.fileType()))) {
            throw MessageErrors.resourceTypeMismatch();
        }
        return file;
    }

    /**
     * An app may send only what it uploaded. A custom bot (a caller with no app id) has no uploads
     * of its own; it may send what any app of its tenant uploaded.
     */
    private static MediaResource owned(Caller caller, MediaResource resource) {
        boolean customBot = caller.appId() == null;
        if (customBot ? resource.tenantPk() != caller.tenantPk() : !resource.ownedBy(caller.appPk())) {
            throw MessageErrors.botNotResourceOwner();
        }
        return resource;
    }

    /** The msg_type a file travels as (spec/message.md §3.17): opus as audio, mp4 as media. */
    private static String sentAs(String fileType) {
        return switch (fileType) {
            case "opus" -> "audio";
            case "mp4" -> "media";
            default -> "file";
        };
    }

    /** Feishu shows 0 when the uploader gave no duration ("不传值时无法显示文件的具体时长"). */
    private static int duration(MediaResource file) {
        return file.durationMs() == null ? 0 : file.durationMs();
    }
}
