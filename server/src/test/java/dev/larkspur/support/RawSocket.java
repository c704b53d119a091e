package dev.larkspur.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 written byte for byte on a socket, for requests that no client library sends as another
 * SDK does (no Content-Type at all, a multipart part without a filename): what goes on the wire is
 * exactly the request line, the headers given and the body, plus Host, Content-Length and
 * {@code Connection: close}.
 */
public final class RawSocket {
    private RawSocket() {}

    /** A response: status, the header block as text, and the body parsed as JSON. */
    public record Reply(int status, String head, JsonNode body) {
        public int code() {
            return body.path("code").asInt(-1);
        }

        public JsonNode data() {
            return body.path("data");
        }
    }

    public static Reply send(String baseUrl, String method, String path, List<String> headers, byte[] body) {
        return sendFrom(null, baseUrl, method, path, headers, body);
    }

    /** The same, from another loopback address (127.0.0.2, …), to be a second caller. */
    public static Reply sendFrom(
            String localAddress, String baseUrl, String method, String path, List<String> headers, byte[] body) {
        URI base = URI.create(baseUrl);
        var request = new ByteArrayOutputStream();
        var head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        try (var socket = localAddress == null
                ? new Socket(base.getHost(), base.getPort())
                : new Socket("127.0.0.1", base.getPort(), InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Reply send(String baseUrl, String method, String path, List<String> headers, String body) {
        return send(baseUrl, method, path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no complete HTTP response: " + text);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        String json = new String(body, StandardCharsets.UTF_8);
        return new Reply(status, head, json.isBlank() ? RawHttp.JSON.createObjectNode() : RawHttp.JSON.readTree(json));
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, pos);
            String sizeLine = new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("a chunk size line without its end");
    }
}
