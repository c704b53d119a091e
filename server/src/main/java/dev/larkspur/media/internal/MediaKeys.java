package dev.larkspur.media.internal;

import dev.larkspur.platform.Ids;

/**
 * Keys in the shape Feishu's current keys have, e.g. {@code img_v3_02ab_8d5181ca-0aed-40f0-b0d1-b1452132afbg}:
 * a versioned prefix, a short shard, a UUID-like body ending in {@code g}.
 */
public final class MediaKeys {
    public static final String IMAGE_PREFIX = "img_";
    public static final String FILE_PREFIX = "file_";

    private MediaKeys() {}

    public static String image() {
        return IMAGE_PREFIX + "v3_" + body();
    }

    public static String file() {
        return FILE_PREFIX + "v3_" + body();
    }

    private static String body() {
        return Ids.hex(4) + "_" + Ids.hex(8) + "-" + Ids.hex(4) + "-" + Ids.hex(4) + "-" + Ids.hex(4) + "-"
                + Ids.hex(11) + "g";
    }
}
