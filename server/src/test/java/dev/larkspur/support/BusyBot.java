package dev.larkspur.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A bot that many people write to, for delivery volume tests: a tenant, an app whose request URL is
 * given and which subscribes to received messages only (so one message is one delivery), and
 * people {@code p0, p1, …}. Every call names the server to go through, since a test may run several.
 */
public record BusyBot(String tenant, String appId, List<String> people) {

    public static BusyBot create(Admin admin, String requestUrl, int people) {
        String tenant = admin.tenant("Busy Co");
        var app = admin.app(tenant, "Busy Bot");
        var names = IntStream.range(0, people).mapToObj(i -> "p" + i).toList();
        names.forEach(name -> admin.user(tenant, Map.of("name", name, "user_id", name)));
        Admin.ok(admin.call(
                "PUT",
                "/admin/v1/apps/" + app.appId() + "/event_settings",
                Map.of(
                        "request_url",
                        requestUrl,
                        "verification_token",
                        "vt-" + app.appId(),
                        "event_types",
                        List.of("im.message.receive_v1"))));
        return new BusyBot(tenant, app.appId(), names);
    }

    /** A person writes {@code text} to the bot; returns the message_id. */
    public String write(Admin via, String person, String text) {
        return written(via, person, text, null).orElseThrow(() -> new AssertionError("message not accepted"));
    }

    /**
     * A person writes {@code text} with an idempotency key, so that it can be sent again when the
     * server went away mid-request; empty when the server answered with an error.
     */
    public Optional<String> written(Admin via, String person, String text, String uuid) {
        var body = new HashMap<String, Object>();
        body.put("receive_id_type", "app_id");
        body.put("receive_id", appId);
        body.put("msg_type", "text");
        body.put("content", "{\"text\":\"" + text + "\"}");
        if (uuid != null) {
            body.put("uuid", uuid);
        }
        var reply = via.call("POST", "/admin/v1/tenants/" + tenant + "/users/" + person + "/messages", body);
        return reply.code() == 0
                ? Optional.of(reply.body().path("data").path("message_id").asString())
                : Optional.empty();
    }

    /** Writes one message as a person, through whichever server the test chooses; returns the message_id. */
    @FunctionalInterface
    public interface Writer {
        String write(String person, String text);
    }

    /**
     * Every person writes {@code each} messages ({@code "<person>-<n>"}), all people at once, one
     * thread each; returns message_id → text.
     */
    public Map<String, String> everyoneWrites(int each, Writer writer) {
        var pool = Executors.newFixedThreadPool(people.size());
        try {
            var tasks = people.stream()
                    .<Callable<Map<String, String>>>map(person -> () -> {
                        var mine = new HashMap<String, String>();
                        for (int n = 0; n < each; n++) {
                            String text = person + "-" + n;
                            mine.put(writer.write(person, text), text);
                        }
                        return mine;
                    })
                    .toList();
            var all = new HashMap<String, String>();
            for (var written : pool.invokeAll(tasks)) {
                all.putAll(written.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a person could not write", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the inspector shows deliveries still pending (new, retrying or in flight). */
    public boolean hasPendingDeliveries(Admin via) {
        return !Admin.ok(via.call("GET", "/admin/v1/apps/" + appId + "/deliveries?status=pending&page_size=1", null))
                .path("items")
                .isEmpty();
    }

    /** Every delivery the inspector shows for the bot, each with its attempt log, by event id. */
    public Map<String, JsonNode> deliveries(Admin via) {
        var all = new HashMap<String, JsonNode>();
        String token = "";
        do {
            var page = Admin.ok(via.call(
                    "GET",
                    "/admin/v1/apps/" + appId + "/deliveries?page_size=500"
                            + (token.isEmpty() ? "" : "&page_token=" + token),
                    null));
            page.path("items").forEach(d -> all.put(d.path("event_id").asString(), d));
            token = page.path("has_more").asBoolean() ? page.path("page_token").asString() : "";
        } while (!token.isEmpty());
        return all;
    }

    /** Status codes of a delivery's attempts, in order; null where no HTTP answer came. */
    public static List<Integer> attemptStatuses(JsonNode delivery) {
        var statuses = new ArrayList<Integer>();
        delivery.path("attempt_log")
                .forEach(a -> statuses.add(
                        a.has("status_code") ? a.path("status_code").asInt() : null));
        return statuses;
    }
}
