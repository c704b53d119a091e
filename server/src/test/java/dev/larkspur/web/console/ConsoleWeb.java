package dev.larkspur.web.console;

import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's forms over {@link WebHttp}: signing in, and posting a form of a page just fetched. */
final class ConsoleWeb {
    private ConsoleWeb() {}

    static HttpResponse<String> signIn(WebHttp web, String token) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", WebHttp.csrfIn(web.get("/console/login").body()));
        fields.put("token", token);
        return web.post("/console/login", fields);
    }

    /** Posts {@code fields} to {@code path} with the CSRF token of the page at {@code from}. */
    static HttpResponse<String> post(WebHttp web, String from, String path, Map<String, String> fields) {
        var all = new LinkedHashMap<String, String>();
        all.put("_csrf", WebHttp.csrfIn(web.get(from).body()));
        all.putAll(fields);
        return web.post(path, all);
    }
}
