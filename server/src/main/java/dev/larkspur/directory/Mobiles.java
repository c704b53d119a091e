package dev.larkspur.directory;

/**
 * Mobile numbers as Feishu matches them: a mainland number may be written bare or with +86
 * (contact-v3/user/create.md), other countries need their +code and match exactly.
 */
public final class Mobiles {
    private Mobiles() {}

    public static String normalize(String mobile) {
        if (mobile == null) {
            return null;
        }
        String compact = mobile.replaceAll("[\\s\\-()]", "");
        if (compact.startsWith("+86") && compact.length() == 14) {
            return compact.substring(3);
        }
        return compact;
    }
}
