package dev.larkspur.chat;

/**
 * What one chat menu shows and does (spec/group.md §2.18): a name, optional translations and icon,
 * and for {@code REDIRECT_LINK} menus the link to open, per platform.
 */
public record ChatMenuItem(
        String actionType, RedirectLink redirectLink, String imageKey, String name, I18nNames i18nNames) {
    public static final String NONE = "NONE";
    public static final String REDIRECT_LINK = "REDIRECT_LINK";

    /** The link a menu opens; a platform without its own URL uses {@code commonUrl}. */
    public record RedirectLink(String commonUrl, String iosUrl, String androidUrl, String pcUrl, String webUrl) {}

    public record I18nNames(String zhCn, String enUs, String jaJp) {}
}
