package dev.larkspur.chat.internal;

import java.security.SecureRandom;

/** Public ids of tabs and menus: 19-digit numeric strings, as Feishu shows them (spec/group.md §1.3). */
public final class NumericIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    // Feishu's own ids of this kind are 19 digits starting with 6 or 7; drawing from the 7… range
    // keeps the shape and stays within a signed long for clients that parse the string.
    private static final long LOW = 7_000_000_000_000_000_000L;
    private static final long SPAN = 1_000_000_000_000_000_000L;

    private NumericIds() {}

    public static String next() {
        return Long.toString(LOW + RANDOM.nextLong(SPAN));
    }
}
