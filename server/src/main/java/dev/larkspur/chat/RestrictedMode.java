package dev.larkspur.chat;

/** {@code restricted_mode_setting}: when on, at least one of the three must be {@code not_anyone}. */
public record RestrictedMode(
        boolean status,
        String screenshotHasPermissionSetting,
        String downloadHasPermissionSetting,
        String messageHasPermissionSetting) {
    public static final RestrictedMode OFF = new RestrictedMode(false, "all_members", "all_members", "all_members");
}
