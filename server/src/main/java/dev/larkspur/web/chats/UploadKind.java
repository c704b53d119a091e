package dev.larkspur.web.chats;

import java.util.Locale;
import java.util.Map;

/**
 * What a file dropped into the composer is sent as. Images go up as {@code POST /im/v1/images}
 * does and travel as {@code image}; anything else goes up as {@code POST /im/v1/files} with the
 * {@code file_type} a Feishu client picks by extension, and travels as the message type that file
 * type must be sent as (spec/message.md §3.17): opus as {@code audio}, mp4 as {@code media}, the
 * rest as {@code file}. SVG is an image to the browser but not to Feishu: it goes as a file.
 *
 * @param fileType null for an image
 */
record UploadKind(String msgType, String fileType) {
    private static final Map<String, String> FILE_TYPES = Map.ofEntries(
            Map.entry("opus", "opus"),
            Map.entry("mp4", "mp4"),
            Map.entry("pdf", "pdf"),
            Map.entry("doc", "doc"),
            Map.entry("docx", "doc"),
            Map.entry("xls", "xls"),
            Map.entry("xlsx", "xls"),
            Map.entry("ppt", "ppt"),
            Map.entry("pptx", "ppt"));

    static UploadKind of(String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/") && !type.startsWith("image/svg")) {
            return new UploadKind("image", null);
        }
        String fileType = FILE_TYPES.getOrDefault(extension(fileName), "stream");
        return new UploadKind(
                switch (fileType) {
                    case "opus" -> "audio";
                    case "mp4" -> "media";
                    default -> "file";
                },
                fileType);
    }

    boolean image() {
        return fileType == null;
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
