package dev.larkspur.platform.web;

import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.LogIds;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read without holding a servlet thread (issue 13 item 3): a client that sends
 * part of a body and stalls would otherwise block one of Tomcat's threads on every read, and a few
 * hundred of them starve /healthz and the Open API. On the first pass this filter only starts
 * async mode and reads the body with a {@link ReadListener} as bytes arrive, within {@code
 * larkspur.http.body-timeout} in all; with the whole body in memory it dispatches the request
 * again, and on that pass hands the rest of the chain a {@link ReadAheadRequest} that serves the
 * same bytes and says it is an ordinary request, so every later filter runs exactly once, as
 * before. It sits right after the log id, character encoding and observation filters, which ran
 * on the first pass. A read that waits longer than the connection timeout for a byte also ends
 * the request, with the same JSON answer.
 *
 * <p>Multipart bodies (uploads up to 31 MB) are left to the container: Spring resolves them with
 * {@code getParts()}, which Tomcat parses from its own, by then spent, stream, and parsing them
 * again from memory would mean redoing Tomcat's limits and its filename-less text parts (issue 10).
 * A stalled multipart body still holds a thread, for the connection timeout per silent read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodyReadAheadFilter extends OncePerRequestFilter {
    /** The request attribute holding the body read ahead, for the dispatched pass. */
    static final String BODY = BodyReadAheadFilter.class.getName() + ".body";

    private final JsonMapper json;
    private final long timeoutMillis;
    private final long maxBytes;

    BodyReadAheadFilter(
            JsonMapper json,
            @Value("${larkspur.http.body-timeout:10s}") Duration timeout,
            @Value("${spring.servlet.multipart.max-request-size:31MB}") DataSize maxBody) {
        this.json = json;
        this.timeoutMillis = timeout.toMillis();
        this.maxBytes = maxBody.toBytes();
    }

    /** The dispatched pass must come here to put the body back. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(BODY) instanceof ReadAhead body) {
            // The first dispatch after the read is the request's real start for the rest of the chain;
            // a later one (a handler's own async work) stays an async dispatch.
            boolean first = request.getDispatcherType() == DispatcherType.ASYNC && !body.handedOn;
            body.handedOn = true;
            chain.doFilter(new ReadAheadRequest(request, body.bytes, first ? DispatcherType.REQUEST : null), response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request) || isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, tooLarge(request));
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeoutMillis);
        var reader = new Reader(async, request, response, request.getInputStream());
        async.addListener(reader);
        reader.in.setReadListener(reader);
    }

    /** The body, and whether the rest of the chain has been given it yet. */
    private static final class ReadAhead {
        final byte[] bytes;
        volatile boolean handedOn;

        ReadAhead(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** Copies whatever has arrived, without waiting, until the body ends, is too large or is late. */
    private final class Reader implements ReadListener, AsyncListener {
        private final AsyncContext async;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private final AtomicBoolean done = new AtomicBoolean();

        Reader(AsyncContext async, HttpServletRequest request, HttpServletResponse response, ServletInputStream in) {
            this.async = async;
            this.request = request;
            this.response = response;
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            int n;
            while (!done.get() && in.isReady() && (n = in.read(chunk)) != -1) {
                body.write(chunk, 0, n);
                if (body.size() > maxBytes) {
                    end(tooLarge(request));
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (done.compareAndSet(false, true)) {
                request.setAttribute(BODY, new ReadAhead(body.toByteArray()));
                async.dispatch();
            }
        }

        /** Left to the async context's own error, which the container raises right after this. */
        @Override
        public void onError(Throwable t) {}

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            end(parameterError(request, "the request body did not arrive within " + timeoutMillis + " ms"));
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        /**
         * A read timed out (the connection timeout: the client sent nothing for that long) or the
         * connection broke; the first still gets its answer, the second has nobody left to read it.
         */
        @Override
        public void onError(AsyncEvent event) throws IOException {
            if (event.getThrowable() instanceof SocketTimeoutException) {
                end(parameterError(request, "the request body stalled"));
            } else if (done.compareAndSet(false, true)) {
                async.complete();
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}

        private void end(FeishuException error) throws IOException {
            if (done.compareAndSet(false, true)) {
                try {
                    refuse(request, response, error);
                } finally {
                    async.complete();
                }
            }
        }
    }

    private FeishuException tooLarge(HttpServletRequest request) {
        return parameterError(request, "the request body is larger than " + maxBytes + " bytes");
    }

    /** As {@link ErrorMapping} answers an unreadable body. */
    private static FeishuException parameterError(HttpServletRequest request, String detail) {
        if (request.getRequestURI().startsWith("/open-apis/auth/")) {
            return new FeishuException(FeishuErrors.INVALID_PARAMETER, "invalid param: " + detail, 400);
        }
        return FeishuErrors.fieldValidation("body", "", detail);
    }

    /** The rest of the body is not read: the connection is closed after the answer. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, FeishuException error)
            throws IOException {
        request.setAttribute(ApiResponse.CODE_ATTRIBUTE, error.code());
        response.setStatus(error.httpStatus());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(ApiResponse.failure(error, LogIds.of(request))));
        response.flushBuffer();
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }
}
