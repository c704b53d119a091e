package dev.larkspur.web.content;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parts of a card body (card JSON 1.0 and the common 2.0 elements). {@link #kind()} names the
 * branch of the {@code card-element} fragment that draws it. Controls carry their {@code value}
 * as JSON text, posted back unchanged with a click.
 */
public sealed interface CardElement {
    String kind();

    /** The element as plain text, for previews. */
    String plain();

    /** Text: {@code html} built by {@link LarkMarkdown} for lark_md and markdown, else null. */
    record Text(String text, SafeHtml html, String align) implements CardElement {
        public String kind() {
            return "text";
        }

        public String plain() {
            return text;
        }
    }

    /** A div: its text, its fields (two to a row when short), and an extra control on the right. */
    record Div(Text text, List<Field> fields, CardElement extra) implements CardElement {
        public String kind() {
            return "div";
        }

        public String plain() {
            if (text != null) {
                return text.plain();
            }
            return fields.stream().map(f -> f.text().plain()).collect(Collectors.joining(" "));
        }
    }

    record Field(boolean isShort, Text text) {}

    record Hr() implements CardElement {
        public String kind() {
            return "hr";
        }

        public String plain() {
            return "";
        }
    }

    record Img(String url, String alt, String title) implements CardElement {
        public String kind() {
            return "img";
        }

        public String plain() {
            return "[Image]";
        }
    }

    /** Small grey text and icons under the body. */
    record Note(List<CardElement> elements) implements CardElement {
        public String kind() {
            return "note";
        }

        public String plain() {
            return elements.stream().map(CardElement::plain).collect(Collectors.joining(" "));
        }
    }

    record ColumnSet(List<Column> columns) implements CardElement {
        public String kind() {
            return "column_set";
        }

        public String plain() {
            return columns.stream()
                    .flatMap(c -> c.elements().stream())
                    .map(CardElement::plain)
                    .collect(Collectors.joining(" "));
        }
    }

    /**
     * {@code weight}: its share of the row (1 to 5, Feishu's range); {@code auto}: as wide as its
     * content. Drawn by class, not inline style, which the Content-Security-Policy forbids.
     */
    record Column(int weight, boolean auto, List<CardElement> elements) {
        public String css() {
            return auto ? "lk-col lk-col-auto" : "lk-col lk-col-w" + Math.max(1, Math.min(5, weight));
        }
    }

    /** A row of controls ({@code action}); {@code layout} bisected/trisected/flow as Feishu has it. */
    record Action(List<CardElement> actions, String layout) implements CardElement {
        public String kind() {
            return "action";
        }

        public String plain() {
            return actions.stream().map(CardElement::plain).collect(Collectors.joining(" "));
        }
    }

    /**
     * {@code url}: a link button (safe schemes only); else a callback with {@code value}.
     * {@code disabled}: the card itself turned the button off (2.0).
     */
    record Button(String text, String type, String url, String value, String name, boolean disabled)
            implements CardElement {
        public String kind() {
            return "button";
        }

        public String plain() {
            return text;
        }
    }

    record Option(String text, String value, String url) {}

    record SelectStatic(String placeholder, List<Option> options, String initial, String value, String name)
            implements CardElement {
        public String kind() {
            return "select_static";
        }

        public String plain() {
            return placeholder;
        }
    }

    record Overflow(List<Option> options, String value, String name) implements CardElement {
        public String kind() {
            return "overflow";
        }

        public String plain() {
            return "";
        }
    }

    /**
     * A date, time or date-time picker ({@code date_picker}, {@code picker_time},
     * {@code picker_datetime}): {@code inputType} is the HTML input's type and {@code initial} its
     * value in that input's format, or empty.
     */
    record Picker(String tag, String inputType, String placeholder, String initial, String value, String name)
            implements CardElement {
        public String kind() {
            return "picker";
        }

        public String plain() {
            return placeholder;
        }
    }

    /** A collapsible panel (2.0): a title and the elements it folds. */
    record Panel(String title, boolean expanded, List<CardElement> elements) implements CardElement {
        public String kind() {
            return "panel";
        }

        public String plain() {
            return title;
        }
    }

    /** An element the client does not draw: a placeholder naming its tag. */
    record Unsupported(String tag) implements CardElement {
        public String kind() {
            return "unsupported";
        }

        public String plain() {
            return "";
        }
    }

    /**
     * A card sent by reference ({@code template_id} of Feishu's card builder, or a card entity's
     * {@code card_id}): Larkspur holds no copy of what it names, so the client says so instead.
     */
    record Referenced(String what, String id) implements CardElement {
        public String kind() {
            return "referenced";
        }

        public String plain() {
            return "";
        }
    }
}
