package dev.larkspur.media;

/**
 * What Larkspur knows of an uploaded image or file. {@code imageType} is set for images
 * ({@code message} or {@code avatar}), {@code fileType} for files ({@code opus}, {@code mp4}, …);
 * {@code durationMs} only when the uploader gave one.
 */
public record MediaResource(
        String key,
        Kind kind,
        long ownerAppPk,
        long tenantPk,
        String imageType,
        String fileType,
        String fileName,
        long size,
        String contentType,
        Integer durationMs,
        long createdAt) {

    public enum Kind {
        IMAGE,
        FILE
    }

    public boolean ownedBy(long appPk) {
        return ownerAppPk == appPk;
    }

    public boolean isImage() {
        return kind == Kind.IMAGE;
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }
}
