package dev.larkspur.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Feishu reads an Open API body as JSON whatever the request calls it, and some SDKs rely on that:
 * lark-oapi (Python) posts the token requests with no Content-Type at all, and hand-written bots
 * send {@code text/plain} or {@code application/octet-stream}. For those three cases, and only
 * under {@code /open-apis} with a body, the request is presented as {@code application/json}, so
 * that every JSON endpoint parses it as usual and a body that is not JSON gets the usual parameter
 * error. Multipart and form bodies keep their type.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UntypedJsonBodyFilter extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/open-apis/") || !hasBody(request) || !untyped(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new JsonTypedRequest(request, jsonTypeFor(request)), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean untyped(HttpServletRequest request) {
        String header = request.getContentType();
        if (!StringUtils.hasText(header)) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            return type.equalsTypeAndSubtype(MediaType.TEXT_PLAIN)
                    || type.equalsTypeAndSubtype(MediaType.APPLICATION_OCTET_STREAM);
        } catch (InvalidMediaTypeException e) {
            return false; // left to Spring, which answers an unreadable type as a parameter error
        }
    }

    /** JSON in the charset the client named, UTF-8 (JSON's own default) when it named none. */
    private static String jsonTypeFor(HttpServletRequest request) {
        String charset = request.getCharacterEncoding();
        return MediaType.APPLICATION_JSON_VALUE + ";charset=" + (charset == null ? "UTF-8" : charset);
    }

    private static final class JsonTypedRequest extends HttpServletRequestWrapper {
        private final String contentType;

        JsonTypedRequest(HttpServletRequest request, String contentType) {
            super(request);
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(contentType))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String name = e.nextElement();
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            names.add(HttpHeaders.CONTENT_TYPE);
            return Collections.enumeration(names);
        }
    }
}
