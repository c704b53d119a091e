package dev.larkspur.web.content;

import java.util.Locale;

/** Sizes and durations as the timeline prints them. */
final class Formats {
    private Formats() {}

    /** 0 B, 999 B, 1.5 KB, 12.3 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Milliseconds as m:ss (Feishu's audio bubble), h:mm:ss past an hour. */
    static String duration(long millis) {
        long seconds = Math.max(0, Math.round(millis / 1000.0));
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
