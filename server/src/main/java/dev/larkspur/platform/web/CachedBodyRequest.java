package dev.larkspur.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read ahead, up to a limit, to be looked at before the handler runs; the
 * handler reads the same bytes, then whatever was beyond the limit, straight from the connection.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] head;
    private final boolean complete;
    private final InputStream body;

    private CachedBodyRequest(HttpServletRequest request, byte[] head, boolean complete) throws IOException {
        super(request);
        this.head = head;
        this.complete = complete;
        InputStream start = new ByteArrayInputStream(head);
        this.body = complete ? start : new SequenceInputStream(start, request.getInputStream());
    }

    static CachedBodyRequest read(HttpServletRequest request, int limit) throws IOException {
        byte[] head = request.getInputStream().readNBytes(limit + 1);
        if (head.length <= limit) {
            return new CachedBodyRequest(request, head, true);
        }
        return new CachedBodyRequest(request, head, false);
    }

    /** Whether {@link #bytes()} is the whole body. */
    boolean complete() {
        return complete;
    }

    byte[] bytes() {
        return head;
    }

    @Override
    public ServletInputStream getInputStream() {
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return body.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return body.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                try {
                    return complete && body.available() == 0;
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
                throw new UnsupportedOperationException("the body is read blocking");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = StandardCharsets.UTF_8;
        try {
            charset = encoding == null ? charset : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            // An unknown charset name: JSON's own UTF-8.
        }
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
