package dev.larkspur.web.content;

import java.util.ArrayList;
import java.util.List;

/** A run's text style, from a post element's {@code style} list (spec/message.md §4.1). */
public record Style(boolean bold, boolean italic, boolean underline, boolean strike) {
    public static final Style PLAIN = new Style(false, false, false, false);

    static Style of(List<String> names) {
        return new Style(
                names.contains("bold"),
                names.contains("italic"),
                names.contains("underline"),
                names.contains("lineThrough"));
    }

    /** The CSS classes, e.g. {@code "lk-b lk-i"}; empty when plain. */
    public String css() {
        var classes = new ArrayList<String>();
        if (bold) {
            classes.add("lk-b");
        }
        if (italic) {
            classes.add("lk-i");
        }
        if (underline) {
            classes.add("lk-u");
        }
        if (strike) {
            classes.add("lk-s");
        }
        return String.join(" ", classes);
    }
}
