package dev.larkspur.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The delivery inspector as an operator pages through it, timed from the bench: signed in to the
 * console with the admin token, each filter's pages one after another by following the Older link
 * from the newest (back to the newest after the last), the whole page rendered by the server. One
 * client, one request after another; measured, not asserted.
 */
final class ConsolePages {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern OLDER = Pattern.compile("id=\"lk-deliveries-next\" href=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("lk-delivery-row");

    private final String baseUrl;
    private final HttpClient client;

    private ConsolePages(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static ConsolePages signIn(String baseUrl, String adminToken) {
        var console = new ConsolePages(baseUrl);
        var form = console.get("/console/login");
        var csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no _csrf on /console/login");
        }
        var signedIn = console.send(HttpRequest.newBuilder(URI.create(baseUrl + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + enc(csrf.group(1)) + "&token=" + enc(adminToken))));
        if (signedIn.statusCode() != 302
                || signedIn.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("console sign-in failed: " + signedIn.statusCode());
        }
        return console;
    }

    /** Each filter's walk, keyed by its name; a page with no rows counts as failed. */
    Map<String, Latency> measure(InspectorFixture fixture, Duration each) {
        String app = "/console/deliveries?app=" + Fixture.RECEIVER;
        var walks = new LinkedHashMap<String, String>();
        walks.put("all", app);
        walks.put("all_from_the_oldest_tenth", app + "&before=" + fixture.tokenBefore(fixture.deliveries / 10));
        walks.put("status_failed", app + "&status=failed");
        walks.put("type_reaction", app + "&type=" + InspectorFixture.REACTION);
        walks.put("failed_reactions", app + "&status=failed&type=" + InspectorFixture.REACTION);
        walks.put(
                "one_hour", app + "&from=" + fixture.at(0.5) + "&to=" + fixture.at(0.5 + 3_600_000.0 / span(fixture)));
        walks.put(
                "failed_in_one_hour",
                app + "&status=failed&from=" + fixture.at(0.5) + "&to="
                        + fixture.at(0.5 + 3_600_000.0 / span(fixture)));
        for (int i = 0; i < 10; i++) {
            walks.values().forEach(this::get);
        }
        var results = new LinkedHashMap<String, Latency>();
        walks.forEach((name, first) -> results.put(name, walk(first, each)));
        return results;
    }

    private static double span(InspectorFixture fixture) {
        return (double) fixture.deliveries * InspectorFixture.SPACING_MS;
    }

    private Latency walk(String first, Duration each) {
        var micros = new Histogram(3_600_000_000L, 3);
        long errors = 0;
        String next = first;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            var page = get(next);
            micros.recordValue(Math.max(1, (System.nanoTime() - t) / 1_000));
            if (page.statusCode() != 200 || !ROW.matcher(page.body()).find()) {
                errors++;
            }
            var older = OLDER.matcher(page.body());
            next = older.find() ? older.group(1).replace("&amp;", "&") : first;
        }
        return Latency.of(micros, errors, (System.nanoTime() - start) / 1e9);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
