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
 * The web client as one person uses it, timed from the bench: signed in through /login, GET
 * /chats (the list of someone in many chats), GET /chats/{id} (a long chat's first screen,
 * rendered by the server) and its older pages by key (?before=…, as htmx asks when scrolling up).
 * One client, one request after another; measured, not asserted.
 */
final class WebPages {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern OLDER = Pattern.compile("hx-get=\"/chats/[^\"?]+\\?before=([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;

    private WebPages(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client signed in through the sign-in form, as a browser is. */
    static WebPages signIn(String baseUrl, String email, String password) {
        var web = new WebPages(baseUrl);
        var form = web.get("/login", false);
        var token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no _csrf on /login");
        }
        String body = "_csrf=" + enc(token.group(1)) + "&email=" + enc(email) + "&password=" + enc(password);
        var signedIn = web.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (signedIn.statusCode() != 302
                || signedIn.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
        }
        return web;
    }

    /** The three measurements, keyed chat_list, chat_first_screen, chat_older_pages. */
    Map<String, Latency> measure(String chatId, Duration each) {
        var results = new LinkedHashMap<String, Latency>();
        // Warm-up: the first renders compile templates and fill caches.
        for (int i = 0; i < 20; i++) {
            get("/chats", false);
            get("/chats/" + chatId, false);
        }
        results.put("chat_list", repeat(each, () -> get("/chats", false)));
        results.put("chat_first_screen", repeat(each, () -> get("/chats/" + chatId, false)));
        String[] older = {null};
        results.put("chat_older_pages", repeat(each, () -> {
            // Scrolling up from the newest page, page after page; back to the top at the end.
            var page = older[0] == null
                    ? get("/chats/" + chatId, false)
                    : get("/chats/" + chatId + "?before=" + older[0], true);
            var next = OLDER.matcher(page.body());
            older[0] = next.find() ? next.group(1) : null;
            return page;
        }));
        return results;
    }

    private Latency repeat(Duration each, java.util.function.Supplier<HttpResponse<String>> call) {
        var micros = new Histogram(3_600_000_000L, 3);
        long errors = 0;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            var reply = call.get();
            micros.recordValue(Math.max(1, (System.nanoTime() - t) / 1_000));
            if (reply.statusCode() != 200) {
                errors++;
            }
        }
        return Latency.of(micros, errors, (System.nanoTime() - start) / 1e9);
    }

    private HttpResponse<String> get(String path, boolean htmx) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request);
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
