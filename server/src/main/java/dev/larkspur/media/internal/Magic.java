package dev.larkspur.media.internal;

import java.nio.charset.StandardCharsets;

/** Matching a file's leading bytes against a format's signature. */
final class Magic {
    private Magic() {}

    static boolean ascii(byte[] head, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        int[] unsigned = new int[expected.length];
        for (int i = 0; i < expected.length; i++) {
            unsigned[i] = expected[i];
        }
        return bytes(head, offset, unsigned);
    }

    static boolean bytes(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
