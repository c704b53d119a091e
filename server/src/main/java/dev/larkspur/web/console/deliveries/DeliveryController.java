package dev.larkspur.web.console.deliveries;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.event.DeliveredEvents;
import dev.larkspur.event.DeliveryInspector;
import dev.larkspur.web.console.ConsoleForms;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * One delivery: its event as the app receives it, every attempt, and replay (the same services as
 * {@code GET /admin/v1/deliveries/{id}} and {@code POST .../replay}).
 */
@Controller
class DeliveryController {
    private final DeliveryInspector inspector;
    private final DeliveredEvents events;
    private final AppService apps;
    private final JsonMapper json;

    DeliveryController(DeliveryInspector inspector, DeliveredEvents events, AppService apps, JsonMapper json) {
        this.inspector = inspector;
        this.events = events;
        this.apps = apps;
        this.json = json;
    }

    record AttemptRow(int attempt, String at, Integer statusCode, long latencyMs, String error) {}

    @GetMapping("/console/deliveries/{id}")
    String show(@PathVariable("id") long id, Model model) {
        var found = inspector.find(id).orElseThrow(() -> DirectoryErrors.notFound("delivery " + id));
        model.addAttribute("delivery", DeliveryRow.of(found));
        model.addAttribute("app", apps.findByPk(found.delivery().appPk()).orElse(null));
        model.addAttribute(
                "attempts",
                found.attempts().stream()
                        .map(a -> new AttemptRow(
                                a.attempt(),
                                DeliveryRow.UTC.format(Instant.ofEpochMilli(a.at())),
                                a.statusCode(),
                                a.latencyMs(),
                                a.error()))
                        .toList());
        model.addAttribute(
                "eventJson",
                events.of(id)
                        .map(e -> json.writerWithDefaultPrettyPrinter().writeValueAsString(e))
                        .orElse(""));
        return "web/console/delivery";
    }

    @PostMapping("/console/deliveries/{id}/replay")
    String replay(@PathVariable("id") long id, RedirectAttributes flash) {
        return ConsoleForms.act(flash, "/console/deliveries/" + id, () -> {
            if (!inspector.replay(id)) {
                throw DirectoryErrors.notFound("delivery " + id);
            }
            return "Queued again: the app gets the same event (same event_id) on the next attempt.";
        });
    }
}
