package dev.larkspur.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Every Feishu API the chyroc/lark SDK knows (a copy of shared/spec/catalog.tsv), so that a call to
 * one Larkspur does not serve gets a clear "not supported" answer instead of a bare 404.
 */
@Component
public class FeishuCatalog {
    private final List<Entry> entries;

    public FeishuCatalog() {
        this.entries = load();
    }

    /** A catalogued API: the SDK method name, HTTP method, path template and doc link. */
    public record Entry(String sdkMethod, String httpMethod, String path, String doc, Pattern pattern) {}

    public Optional<Entry> find(String method, String path) {
        String normalized = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return entries.stream()
                .filter(e -> e.httpMethod().equalsIgnoreCase(method))
                .filter(e -> e.pattern().matcher(normalized).matches())
                .findFirst();
    }

    public int size() {
        return entries.size();
    }

    private static List<Entry> load() {
        var result = new ArrayList<Entry>();
        var resource = new ClassPathResource("feishu-catalog.tsv");
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cols = line.split("\t", -1);
                if (cols.length < 4) {
                    continue;
                }
                String path = cols[2].endsWith("/") ? cols[2].substring(0, cols[2].length() - 1) : cols[2];
                result.add(new Entry(cols[0], cols[1], path, cols[3], toPattern(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(result);
    }

    private static Pattern toPattern(String template) {
        var regex = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (!regex.isEmpty() || !segment.isEmpty()) {
                regex.append('/');
            }
            regex.append(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
        }
        return Pattern.compile(regex.toString().replaceFirst("^/", "/"));
    }
}
