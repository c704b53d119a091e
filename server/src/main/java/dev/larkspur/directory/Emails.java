package dev.larkspur.directory;

import java.util.Locale;

/**
 * Email addresses are matched without regard to case, as mail systems treat them; they are stored
 * in lower case so that lookups stay on the (tenant_id, email) index.
 */
public final class Emails {
    private Emails() {}

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
