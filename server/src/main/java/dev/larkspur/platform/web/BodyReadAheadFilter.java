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
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
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
 * larkspur.http.body-timeout} in all; with the whole body read it dispatches the request again, and
 * on that pass hands the rest of the chain a {@link ReadAheadRequest} that serves the same bytes and
 * says it is an ordinary request, so every later filter runs exactly once, as before. It sits right
 * after the log id, character encoding and observation filters, which ran on the first pass. A read
 * that waits longer than the connection timeout for a byte also ends the request, with the same
 * JSON answer.
 *
 * <p>A multipart body is refused before it is read unless its route takes an upload ({@link
 * UploadRoutes}). An upload is read the same way, within {@code larkspur.http.upload-timeout}, into
 * memory up to 64 KB and into a temporary file beyond, and its parts are parsed from there ({@link
 * MultipartReadAheadRequest}), so controllers take their {@code Part}s as before. One over the
 * container's request limit is not kept: its handler is told so, and answers as Tomcat's own limit
 * did (234006).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodyReadAheadFilter extends OncePerRequestFilter {
    /** The request attribute holding the body read ahead, for the dispatched pass. */
    static final String BODY = BodyReadAheadFilter.class.getName() + ".body";

    /** An upload's bytes beyond this go to a temporary file. */
    private static final int UPLOAD_IN_MEMORY = 64 * 1024;

    private final JsonMapper json;
    private final UploadRoutes uploadRoutes;
    private final long timeoutMillis;
    private final long uploadTimeoutMillis;
    private final long maxBytes;
    private final long maxFileBytes;
    private final long maxPartCount;
    private final int maxPartHeaderBytes;

    BodyReadAheadFilter(
            JsonMapper json,
            UploadRoutes uploadRoutes,
            @Value("${larkspur.http.body-timeout:10s}") Duration timeout,
            @Value("${larkspur.http.upload-timeout:120s}") Duration uploadTimeout,
            @Value("${spring.servlet.multipart.max-request-size:31MB}") DataSize maxBody,
            @Value("${spring.servlet.multipart.max-file-size:30MB}") DataSize maxFile,
            @Value("${server.tomcat.max-part-count:50}") long maxPartCount,
            @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader) {
        this.json = json;
        this.uploadRoutes = uploadRoutes;
        this.timeoutMillis = timeout.toMillis();
        this.uploadTimeoutMillis = uploadTimeout.toMillis();
        this.maxBytes = maxBody.toBytes();
        this.maxFileBytes = maxFile.toBytes();
        this.maxPartCount = maxPartCount;
        this.maxPartHeaderBytes = (int) maxPartHeader.toBytes();
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
            DispatcherType type = first ? DispatcherType.REQUEST : null;
            if (body.multipart) {
                handOnUpload(request, response, chain, body, type);
            } else {
                chain.doFilter(new ReadAheadRequest(request, body.spool.bytes(), type), response);
            }
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean multipart = isMultipart(request);
        if (multipart && !uploadRoutes.takesUpload(request)) {
            refuse(request, response, parameterError(request, "this endpoint takes no multipart body"));
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            if (multipart) {
                // Its handler answers, as for a body found too large while reading.
                handOnUpload(request, response, chain, ReadAhead.tooLargeUpload(), null);
            } else {
                refuse(request, response, tooLarge(request));
            }
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(multipart ? uploadTimeoutMillis : timeoutMillis);
        var spool = multipart ? new SpooledBody(UPLOAD_IN_MEMORY, tempDir(request)) : SpooledBody.inMemory();
        var reader = new Reader(async, request, response, request.getInputStream(), spool, multipart);
        async.addListener(reader);
        reader.in.setReadListener(reader);
    }

    /** The parts are parsed from the spooled body; its files go once the handler is done with them. */
    private void handOnUpload(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            ReadAhead body,
            DispatcherType type)
            throws ServletException, IOException {
        var limits = new MultipartReadAheadRequest.Limits(
                maxFileBytes, maxBytes, maxPartCount, maxPartHeaderBytes, tempDir(request));
        var upload = new MultipartReadAheadRequest(request, body.spool, body.tooLarge, type, limits);
        if (body.tooLarge) {
            // The rest of the body is not read: the connection is closed after the answer.
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        try {
            chain.doFilter(upload, response);
            if (body.tooLarge) {
                response.flushBuffer();
                UnreadBodyValve.dropUnreadBody(request);
            }
        } finally {
            if (!request.isAsyncStarted()) {
                upload.deleteParts();
                if (body.spool != null) {
                    body.spool.close();
                }
            }
        }
    }

    /** Where Tomcat keeps its own multipart files: the context's temporary directory. */
    private static File tempDir(HttpServletRequest request) {
        return request.getServletContext().getAttribute(ServletContext.TEMPDIR) instanceof File dir
                ? dir
                : new File(System.getProperty("java.io.tmpdir"));
    }

    /** The body, and whether the rest of the chain has been given it yet. */
    private static final class ReadAhead {
        final SpooledBody spool;
        final boolean multipart;
        final boolean tooLarge;
        volatile boolean handedOn;

        ReadAhead(SpooledBody spool, boolean multipart) {
            this(spool, multipart, false);
        }

        private ReadAhead(SpooledBody spool, boolean multipart, boolean tooLarge) {
            this.spool = spool;
            this.multipart = multipart;
            this.tooLarge = tooLarge;
        }

        static ReadAhead tooLargeUpload() {
            return new ReadAhead(null, true, true);
        }
    }

    /** Copies whatever has arrived, without waiting, until the body ends, is too large or is late. */
    private final class Reader implements ReadListener, AsyncListener {
        private final AsyncContext async;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final ServletInputStream in;
        private final SpooledBody body;
        private final boolean multipart;
        private final byte[] chunk = new byte[8192];
        private final AtomicBoolean done = new AtomicBoolean();

        Reader(
                AsyncContext async,
                HttpServletRequest request,
                HttpServletResponse response,
                ServletInputStream in,
                SpooledBody body,
                boolean multipart) {
            this.async = async;
            this.request = request;
            this.response = response;
            this.in = in;
            this.body = body;
            this.multipart = multipart;
        }

        @Override
        public void onDataAvailable() throws IOException {
            int n;
            while (!done.get() && in.isReady() && (n = in.read(chunk)) != -1) {
                body.write(chunk, 0, n);
                if (body.size() > maxBytes) {
                    if (multipart) {
                        handOn(ReadAhead.tooLargeUpload());
                        body.close();
                    } else {
                        end(tooLarge(request));
                    }
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() throws IOException {
            body.finish();
            handOn(new ReadAhead(body, multipart));
        }

        private void handOn(ReadAhead ahead) {
            if (done.compareAndSet(false, true)) {
                request.setAttribute(BODY, ahead);
                async.dispatch();
            }
        }

        /** Left to the async context's own error, which the container raises right after this. */
        @Override
        public void onError(Throwable t) {}

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            long bound = multipart ? uploadTimeoutMillis : timeoutMillis;
            end(parameterError(request, "the request body did not arrive within " + bound + " ms"));
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
                body.close();
                async.complete();
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}

        private void end(FeishuException error) throws IOException {
            if (done.compareAndSet(false, true)) {
                body.close();
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
        UnreadBodyValve.dropUnreadBody(request);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }
}
