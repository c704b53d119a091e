package dev.larkspur.examples.alert;

/** What a monitoring system reports: {@code {"title": "…", "detail": "…"}}. */
public record Alert(String title, String detail) {
    public Alert {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an alert needs a title");
        }
        detail = detail == null ? "" : detail;
    }
}
