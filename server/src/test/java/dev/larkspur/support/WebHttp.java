package dev.larkspur.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's HTTP without the browser: one cookie jar, redirects not followed (tests look at
 * them), forms posted url-encoded. For the web client's protocol-level checks (CSRF, cookies,
 * headers); what a person sees is checked in real Chromium.
 */
public final class WebHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebHttp(TestServer server) {
        this.baseUrl = server.baseUrl();
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    /** A GET with {@code headers} (HX-Request, as htmx sends it). */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Posts a form; {@code fields} in order, values url-encoded. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    /** Posts a form whose names may repeat (checkbox groups), in order. */
    public HttpResponse<String> post(String path, java.util.List<Map.Entry<String, String>> fields) {
        return post(path, fields, Map.of());
    }

    /** Posts a form whose names may repeat, in order, with {@code headers} (HX-Request, the CSRF header). */
    public HttpResponse<String> post(
            String path, java.util.List<Map.Entry<String, String>> fields, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"))));
        headers.forEach(builder::header);
        return send(builder);
    }

    /**
     * A GET answered as it comes, line by line (an event stream): returns once the answer's head is
     * in, its lines read on as the server writes them, to the end it gives.
     */
    public HttpResponse<java.util.stream.Stream<String>> openStream(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /**
     * Posts one file as a browser's multipart form does (part {@code file}, with its name and type),
     * with {@code headers} (the CSRF header, HX-Request).
     */
    public HttpResponse<String> postFile(
            String path, String fileName, String contentType, byte[] bytes, Map<String, String> headers) {
        String boundary = "----larkspur" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** A GET whose body is bytes (an image or a download). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sign-in form's token, from a fresh GET of the form. */
    public String loginCsrf() {
        return csrfIn(get("/login").body());
    }

    /** Signs in through the form; the answer is the form's response (a redirect on success). */
    public HttpResponse<String> signIn(String email, String password) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", loginCsrf());
        fields.put("email", email);
        fields.put("password", password);
        return post("/login", fields);
    }

    public Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("LARKSPUR_SESSION"))
                .findFirst();
    }

    public static String csrfIn(String html) {
        var m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in page: " + html);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
