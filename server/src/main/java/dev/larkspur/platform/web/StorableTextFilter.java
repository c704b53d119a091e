package dev.larkspur.platform.web;

import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.LogIds;
import dev.larkspur.platform.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one check that no string a client sends reaches the database with a NUL character or a lone
 * UTF-16 surrogate ({@link StorableText}): query parameters, form fields, and every string and key of
 * a JSON body, whatever endpoint it is for (tokens, Open API, admin, hooks, long connections). Such a
 * request gets 99992402 (10003 on the auth endpoints, as their other parameter errors) before any
 * handler runs. A JSON body is checked in the bytes {@link BodyReadAheadFilter} read ahead, which the
 * handler then reads unchanged, so signatures over them still verify; a body that is not JSON is left
 * to the endpoint's own parsing, and a multipart body (an upload's bytes) is not text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StorableTextFilter extends OncePerRequestFilter {
    /** JSON bodies up to this size are checked; the largest Open API JSON body is far below it. */
    static final int MAX_INSPECTED = 1 << 20;

    private final JsonMapper json;

    StorableTextFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refusal = inQuery(request.getQueryString());
        if (refusal == null && isForm(request)) {
            refusal = inParameters(request.getParameterMap());
        } else if (refusal == null) {
            var body = WebUtils.getNativeRequest(request, ReadAheadRequest.class);
            if (body != null && body.bytes().length <= MAX_INSPECTED) {
                refusal = inJson(body.bytes());
            }
        }
        if (refusal != null) {
            refuse(request, response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private record Refusal(String field, String problem) {}

    private static Refusal inQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                var refusal = check(name, name);
                if (refusal == null) {
                    refusal = check(name, value);
                }
                if (refusal != null) {
                    return refusal;
                }
            } catch (IllegalArgumentException e) {
                // Malformed escapes are the container's and the endpoint's to answer.
            }
        }
        return null;
    }

    private static Refusal inParameters(Map<String, String[]> parameters) {
        for (var entry : parameters.entrySet()) {
            var refusal = check(entry.getKey(), entry.getKey());
            for (int i = 0; refusal == null && i < entry.getValue().length; i++) {
                refusal = check(entry.getKey(), entry.getValue()[i]);
            }
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private Refusal inJson(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            return null; // not JSON: the endpoint answers it as it answers any unreadable body
        }
        return tree == null ? null : inNode("", tree);
    }

    private static Refusal inNode(String path, JsonNode node) {
        if (node.isString()) {
            return check(path.isEmpty() ? "body" : path, node.stringValue());
        }
        if (node.isObject()) {
            for (var entry : node.properties()) {
                String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                var refusal = check(field, entry.getKey());
                if (refusal == null) {
                    refusal = inNode(field, entry.getValue());
                }
                if (refusal != null) {
                    return refusal;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var refusal = inNode(path + "[" + i + "]", node.get(i));
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    private static Refusal check(String field, String value) {
        String problem = StorableText.problem(value);
        return problem == null ? null : new Refusal(printable(field), problem);
    }

    /** The field's name as it can be shown back: the offending characters themselves are not. */
    private static String printable(String field) {
        var out = new StringBuilder();
        field.codePoints()
                .limit(100)
                .forEach(c -> out.appendCodePoint(
                        c == 0 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) ? '?' : c));
        return out.toString();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        FeishuException error = request.getRequestURI().startsWith("/open-apis/auth/")
                ? new FeishuException(
                        FeishuErrors.INVALID_PARAMETER,
                        "invalid param: " + refusal.field() + " " + refusal.problem(),
                        400)
                : FeishuErrors.fieldValidation(refusal.field(), "", refusal.problem());
        response.setStatus(error.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(ApiResponse.failure(error, LogIds.of(request))));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }
}
