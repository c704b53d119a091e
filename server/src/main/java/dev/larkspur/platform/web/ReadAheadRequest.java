package dev.larkspur.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose whole body was read ahead by {@link BodyReadAheadFilter}: the body, its length and
 * the form parameters in it come from those bytes, since the container's own stream is spent (and
 * the container, having seen the stream used, parses only the query string into parameters).
 */
final class ReadAheadRequest extends ReadAheadWrapper {
    private final byte[] body;
    private final ByteArrayInputStream stream;

    /** {@code dispatcherType} null keeps the container's. */
    ReadAheadRequest(HttpServletRequest request, byte[] body, DispatcherType dispatcherType) {
        super(request, dispatcherType);
        this.body = body;
        this.stream = new ByteArrayInputStream(body);
    }

    /** The whole body, as read ahead; not to be changed. */
    byte[] bytes() {
        return body;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        return streamOf(stream);
    }

    /** A stream that is already whole, as a servlet stream: always ready, any listener told at once. */
    static ServletInputStream streamOf(InputStream stream) {
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = stream.read();
                finished = b == -1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = stream.read(b, off, len);
                finished = n == -1;
                return n;
            }

            @Override
            public boolean isFinished() {
                try {
                    return finished || stream.available() == 0;
                } catch (IOException e) {
                    return true;
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    /** The query's parameters, then a posted form's, in order, as the container joins them. */
    @Override
    Map<String, List<String>> gatherParameters() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        containerParameters().forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(List.of(values)));
        if (isPostedForm()) {
            addForm(new String(body, charset()), charset(), all);
        }
        return all;
    }

    private boolean isPostedForm() {
        String type = getContentType();
        return "POST".equalsIgnoreCase(getMethod())
                && type != null
                && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    static void addForm(String form, Charset charset, Map<String, List<String>> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // A malformed escape: the container skips such a pair too.
            }
        }
    }

    private Charset charset() {
        return charsetOf(getCharacterEncoding());
    }

    /** The named charset, UTF-8 when none is named or the name is unknown. */
    static Charset charsetOf(String encoding) {
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8; // an unknown charset name
        }
    }
}
