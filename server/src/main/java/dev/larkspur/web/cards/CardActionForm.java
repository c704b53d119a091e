package dev.larkspur.web.cards;

import dev.larkspur.message.MessageErrors;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a card control posts, as the {@code action} Feishu sends the bot (spec/protocols.md §3.9):
 * {@code tag}, {@code value} as the card gave it, {@code name}, {@code option} for a select or
 * overflow, and for pickers the chosen date or time written as Feishu writes it ({@code 2024-01-05
 * +0800}, {@code 10:00 +0800}, {@code 2024-01-05 10:00 +0800}) in the person's {@code timezone}.
 */
record CardActionForm(String tag, String name, String value, String option, String timezone) {
    static final Set<String> TAGS =
            Set.of("button", "select_static", "overflow", "date_picker", "picker_time", "picker_datetime");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The action object; bad input is a Feishu invalid-parameter error, shown to the person. */
    ObjectNode action() {
        if (tag == null || !TAGS.contains(tag)) {
            throw MessageErrors.invalid("this card control cannot be used here");
        }
        var action = JSON.createObjectNode();
        action.put("tag", tag);
        action.set("value", valueJson());
        if (name != null && !name.isBlank()) {
            action.put("name", name);
        }
        ZoneId zone = zone();
        if (zone != null) {
            action.put("timezone", zone.getId());
        }
        String chosen = option == null ? "" : option.strip();
        switch (tag) {
            case "select_static", "overflow" -> {
                if (chosen.isEmpty()) {
                    throw MessageErrors.invalid("no option was chosen");
                }
                action.put("option", chosen);
            }
            case "date_picker", "picker_time", "picker_datetime" -> action.put("option", when(chosen, zone));
            default -> {}
        }
        return action;
    }

    /** The value JSON the server wrote into the card; an empty one is the empty object. */
    private JsonNode valueJson() {
        if (value == null || value.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(value);
        } catch (JacksonException e) {
            throw MessageErrors.invalid("the card's value is not JSON");
        }
    }

    private ZoneId zone() {
        if (timezone == null || timezone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The HTML input's value (2024-01-05, 10:00, 2024-01-05T10:00) as Feishu's option. */
    private String when(String input, ZoneId zone) {
        ZoneId in = zone == null ? ZoneId.systemDefault() : zone;
        try {
            return switch (tag) {
                case "date_picker" -> {
                    var date = LocalDate.parse(input);
                    yield date + " " + OFFSET.format(date.atStartOfDay(in));
                }
                case "picker_time" -> {
                    var time = LocalTime.parse(input);
                    yield TIME.format(time) + " "
                            + OFFSET.format(LocalDate.now(in).atTime(time).atZone(in));
                }
                default -> {
                    var at = LocalDateTime.parse(input);
                    yield DATE_TIME.format(at) + " " + OFFSET.format(at.atZone(in));
                }
            };
        } catch (DateTimeParseException e) {
            throw MessageErrors.invalid("not a date or time: " + input);
        }
    }
}
