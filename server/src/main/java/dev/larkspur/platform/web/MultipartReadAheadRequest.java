package dev.larkspur.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;

/**
 * A multipart request whose whole body was read ahead by {@link BodyReadAheadFilter} into a {@link
 * SpooledBody}: its parts are parsed from there, on first use, by the parser Tomcat itself uses (its
 * copy of Commons FileUpload), with the same limits, and handed out as Tomcat's own {@link
 * ApplicationPart}s. As with Tomcat, a part without a filename is also a request parameter (SDKs send
 * upload bytes that way, issue 10), after the query's. A parse failure is an {@link
 * IllegalStateException}, as Tomcat's, which Spring turns into its multipart exceptions ("exceeds
 * ... size" into {@code MaxUploadSizeExceededException}).
 */
final class MultipartReadAheadRequest extends ReadAheadWrapper {
    /** Parts up to this size stay in memory; larger ones go to a file of their own. */
    private static final int PART_IN_MEMORY = 16 * 1024;

    /** The container's multipart limits, which the parse applies. */
    record Limits(long maxFileSize, long maxRequestSize, long maxPartCount, int maxPartHeaderSize, File dir) {}

    private final SpooledBody body;
    private final boolean tooLarge;
    private final Limits limits;
    private List<Part> parts;

    /** {@code tooLarge}: the body went past the request limit and was not kept. */
    MultipartReadAheadRequest(
            HttpServletRequest request,
            SpooledBody body,
            boolean tooLarge,
            DispatcherType dispatcherType,
            Limits limits) {
        super(request, dispatcherType);
        this.body = body;
        this.tooLarge = tooLarge;
        this.limits = limits;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        return ReadAheadRequest.streamOf(tooLarge ? InputStream.nullInputStream() : body.open());
    }

    @Override
    public synchronized Collection<Part> getParts() {
        if (parts == null) {
            parts = parse();
        }
        return parts;
    }

    @Override
    public Part getPart(String name) {
        return getParts().stream()
                .filter(p -> name.equals(p.getName()))
                .findFirst()
                .orElse(null);
    }

    /** Deletes the parts' files; the spooled body is the filter's to drop. */
    void deleteParts() {
        if (parts != null) {
            for (Part part : parts) {
                try {
                    part.delete();
                } catch (IOException e) {
                    // the container's temporary directory, cleaned at its own end
                }
            }
        }
    }

    private List<Part> parse() {
        if (tooLarge) {
            throw new IllegalStateException(
                    "the request exceeds its maximum permitted size of " + limits.maxRequestSize() + " bytes");
        }
        var upload = new FileUpload();
        upload.setFileItemFactory(new DiskFileItemFactory(PART_IN_MEMORY, limits.dir()));
        upload.setFileSizeMax(limits.maxFileSize());
        upload.setSizeMax(limits.maxRequestSize());
        upload.setFileCountMax(limits.maxPartCount());
        upload.setPartHeaderSizeMax(limits.maxPartHeaderSize());
        try {
            List<FileItem> items = upload.parseRequest(new Context());
            List<Part> parsed = new ArrayList<>(items.size());
            for (FileItem item : items) {
                parsed.add(new ApplicationPart(item, limits.dir()));
            }
            return List.copyOf(parsed);
        } catch (FileUploadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    Map<String, List<String>> gatherParameters() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        String query = getQueryString();
        if (query != null) {
            ReadAheadRequest.addForm(query, StandardCharsets.UTF_8, all);
        }
        for (Part part : getParts()) {
            if (part.getSubmittedFileName() == null) {
                try {
                    all.computeIfAbsent(part.getName(), n -> new ArrayList<>())
                            .add(((ApplicationPart) part).getString(charset().name()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return all;
    }

    private Charset charset() {
        return ReadAheadRequest.charsetOf(getCharacterEncoding());
    }

    /** The spooled body as the parser reads a request. */
    private final class Context implements UploadContext {
        @Override
        public String getCharacterEncoding() {
            return MultipartReadAheadRequest.this.getCharacterEncoding();
        }

        @Override
        public String getContentType() {
            return MultipartReadAheadRequest.this.getContentType();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return body.open();
        }

        @Override
        public long contentLength() {
            return body.size();
        }
    }
}
