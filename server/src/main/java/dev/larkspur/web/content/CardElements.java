package dev.larkspur.web.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** One card element's JSON to a {@link CardElement}, nesting bounded; unknown tags become placeholders. */
final class CardElements {
    private static final int MAX_DEPTH = 6;
    private static final Set<String> ALIGNS = Set.of("left", "center", "right");
    private static final Set<String> LAYOUTS = Set.of("bisected", "trisected", "flow", "default");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DATE_TIME = Pattern.compile("^(\\d{4}-\\d{1,2}-\\d{1,2})[ T](\\d{1,2}):(\\d{2})");

    private final ContentContext ctx;

    CardElements(ContentContext ctx) {
        this.ctx = ctx;
    }

    List<CardElement> list(JsonNode array) {
        return list(array, 0);
    }

    private List<CardElement> list(JsonNode array, int depth) {
        var out = new ArrayList<CardElement>();
        for (JsonNode e : array.values()) {
            String tag = e.path("tag").asString("");
            if (depth < MAX_DEPTH && (tag.equals("form") || tag.equals("interactive_container"))) {
                // A 2.0 form groups inputs with their submit button, an interactive container makes
                // its content one click target; their children stand on their own here.
                out.addAll(list(e.path("elements"), depth + 1));
            } else {
                out.add(element(e, depth));
            }
        }
        return out;
    }

    private CardElement element(JsonNode e, int depth) {
        if (depth >= MAX_DEPTH) {
            return new CardElement.Unsupported("nested too deep");
        }
        String tag = e.path("tag").asString("");
        return switch (tag) {
            case "div" -> div(e, depth);
            case "markdown", "lark_md" -> markdown(
                    e.has("content") ? e.path("content").asString("") : CardContent.textOf(e.path("text")),
                    e.path("text_align").asString(""));
            case "plain_text" -> plain(
                    CardContent.textOf(e), e.path("text_align").asString(""));
            case "hr" -> new CardElement.Hr();
            case "img", "image" -> img(e);
            case "note" -> new CardElement.Note(list(e.path("elements"), depth + 1));
            case "column_set" -> columns(e.path("columns"), depth);
            case "column" -> columns(List.of(e), depth);
            case "action" -> new CardElement.Action(list(e.path("actions"), depth + 1), layout(e));
            case "button" -> button(e);
            case "select_static" -> select(e);
            case "overflow" -> new CardElement.Overflow(
                    options(e.path("options")), value(e), e.path("name").asString(""));
            case "date_picker" -> picker(
                    e, "date", isoDate(e.path("initial_date").asString("")));
            case "picker_time" -> picker(e, "time", e.path("initial_time").asString(""));
            case "picker_datetime" -> picker(
                    e, "datetime-local", isoDateTime(e.path("initial_datetime").asString("")));
            case "person" -> people(List.of(e.path("user_id").asString("")));
            case "person_list" -> {
                var ids = new ArrayList<String>();
                e.path("persons").values().forEach(p -> ids.add(p.path("id").asString("")));
                yield people(ids);
            }
            case "collapsible_panel" -> new CardElement.Panel(
                    CardContent.textOf(e.path("header").path("title")),
                    e.path("expanded").asBoolean(false),
                    list(e.path("elements"), depth + 1));
            default -> new CardElement.Unsupported(tag.isEmpty() ? "unknown" : tag);
        };
    }

    /** An element of the simplified receive format (spec/message.md §4.2). */
    CardElement simplified(JsonNode e) {
        return switch (e.path("tag").asString("")) {
            case "text" -> plain(e.path("text").asString(""), "");
            case "a" -> {
                String text = e.path("text").asString("");
                String href = Links.safe(e.path("href").asString(""));
                yield new CardElement.Text(
                        text,
                        new SafeHtml(
                                href == null
                                        ? Html.escape(text)
                                        : "<a class=\"lk-link\" href=\"" + Html.escape(href)
                                                + "\" target=\"_blank\" rel=\"noopener noreferrer\">"
                                                + Html.escape(text) + "</a>"),
                        "");
            }
            case "at" -> plain(
                    "@" + e.path("user_name").asString(e.path("user_id").asString("")), "");
            case "button" -> new CardElement.Button(
                    CardContent.textOf(e.path("text")), buttonType(e), null, "{}", "", false);
            default -> element(e, MAX_DEPTH - 1);
        };
    }

    private CardElement.Div div(JsonNode e, int depth) {
        CardElement.Text text = e.has("text") ? text(e.path("text")) : null;
        var fields = new ArrayList<CardElement.Field>();
        for (JsonNode f : e.path("fields").values()) {
            fields.add(new CardElement.Field(f.path("is_short").asBoolean(false), text(f.path("text"))));
        }
        CardElement extra = e.has("extra") ? element(e.path("extra"), depth + 1) : null;
        return new CardElement.Div(text, fields, extra);
    }

    private CardElement.Text text(JsonNode t) {
        String content = CardContent.textOf(t);
        String align = t.path("text_align").asString("");
        return t.path("tag").asString("").equals("lark_md") ? markdown(content, align) : plain(content, align);
    }

    private CardElement.Text markdown(String content, String align) {
        return new CardElement.Text(content, LarkMarkdown.render(content, ctx), align(align));
    }

    private CardElement.Text plain(String content, String align) {
        return new CardElement.Text(content, null, align(align));
    }

    /** Feishu's action layouts; the value becomes a CSS class, so only these pass. */
    private static String layout(JsonNode e) {
        String layout = e.path("layout").asString("flow");
        return LAYOUTS.contains(layout) ? layout : "flow";
    }

    private static String align(String align) {
        return ALIGNS.contains(align) ? align : "left";
    }

    private CardElement.Img img(JsonNode e) {
        String key = e.path("img_key").asString("");
        return new CardElement.Img(
                key.isEmpty() ? null : ctx.resourceUrl(key, "image"),
                CardContent.textOf(e.path("alt")),
                CardContent.textOf(e.path("title")));
    }

    private CardElement.ColumnSet columns(Iterable<JsonNode> columns, int depth) {
        var out = new ArrayList<CardElement.Column>();
        for (JsonNode c : columns) {
            String width = c.path("width").asString("weighted");
            out.add(new CardElement.Column(
                    c.path("weight").asInt(1), width.equals("auto"), list(c.path("elements"), depth + 1)));
        }
        return new CardElement.ColumnSet(out);
    }

    private CardElement.ColumnSet columns(JsonNode columns, int depth) {
        return columns(columns.values(), depth);
    }

    private CardElement.Button button(JsonNode e) {
        String url = e.path("url").asString(e.path("multi_url").path("url").asString(""));
        JsonNode value = e.path("value");
        // 2.0 buttons say what a click does in "behaviors": open a URL and/or call back with a value.
        for (JsonNode b : e.path("behaviors").values()) {
            switch (b.path("type").asString("")) {
                case "open_url" -> url = b.path("default_url").asString(url);
                case "callback" -> value = b.path("value");
                default -> {}
            }
        }
        return new CardElement.Button(
                CardContent.textOf(e.path("text")),
                buttonType(e),
                url.isEmpty() ? null : Links.safe(url),
                json(value),
                e.path("name").asString(""),
                e.path("disabled").asBoolean(false));
    }

    /** Feishu's button types reduced to the three looks: primary, danger, default. */
    private static String buttonType(JsonNode e) {
        String type = e.path("type").asString("default");
        if (type.startsWith("primary")) {
            return "primary";
        }
        return type.startsWith("danger") ? "danger" : "default";
    }

    private CardElement.SelectStatic select(JsonNode e) {
        return new CardElement.SelectStatic(
                placeholder(e, "Select"),
                options(e.path("options")),
                e.path("initial_option").asString(""),
                value(e),
                e.path("name").asString(""));
    }

    private static List<CardElement.Option> options(JsonNode options) {
        var out = new ArrayList<CardElement.Option>();
        for (JsonNode o : options.values()) {
            String url = o.path("url").asString(o.path("multi_url").path("url").asString(""));
            out.add(new CardElement.Option(
                    CardContent.textOf(o.path("text")),
                    o.path("value").asString(""),
                    url.isEmpty() ? null : Links.safe(url)));
        }
        return out;
    }

    private static String placeholder(JsonNode e, String fallback) {
        String text = CardContent.textOf(e.path("placeholder"));
        return text.isBlank() ? fallback : text;
    }

    /** What a control sends back: its 1.0 {@code value}, or in 2.0 its callback behaviour's. */
    private static String value(JsonNode e) {
        for (JsonNode b : e.path("behaviors").values()) {
            if (b.path("type").asString("").equals("callback")) {
                return json(b.path("value"));
            }
        }
        return json(e.path("value"));
    }

    private static String json(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "{}" : ContentViews.JSON.writeValueAsString(value);
    }

    private static CardElement.Picker picker(JsonNode e, String inputType, String initial) {
        return new CardElement.Picker(
                e.path("tag").asString(""),
                inputType,
                placeholder(e, inputType.equals("time") ? "Select a time" : "Select a date"),
                initial,
                value(e),
                e.path("name").asString(""));
    }

    /** Person elements show as mentions, named by the lookups. */
    private CardElement.Text people(List<String> ids) {
        var inline = new MarkdownInline(List.of(), ctx);
        var html = new StringBuilder();
        var names = new ArrayList<String>();
        for (String id : ids) {
            html.append(html.isEmpty() ? "" : " ").append(inline.person(id, null));
            names.add("@" + ctx.lookups().personName(id).orElse(id));
        }
        return new CardElement.Text(String.join(" ", names), new SafeHtml(html.toString()), "left");
    }

    /** Feishu writes dates as 2021-1-1; the date input wants 2021-01-01. */
    private static String isoDate(String date) {
        var m = DATE.matcher(date);
        return m.find()
                ? String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                : "";
    }

    /** "2024-01-01 10:00 +0800" to the datetime-local input's 2024-01-01T10:00. */
    private static String isoDateTime(String dateTime) {
        var m = DATE_TIME.matcher(dateTime);
        return m.find()
                ? isoDate(m.group(1)) + "T" + String.format("%02d:%s", Integer.parseInt(m.group(2)), m.group(3))
                : "";
    }
}
