package dev.larkspur.web.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The announcement as plain text. Larkspur stores the legacy doc announcement as the patch requests
 * it was given, one per line (chat.ChatAnnouncements); the requests are Feishu's legacy doc edit
 * format. A person's edit is sent in that format too, as a paragraph inserted at the end, so a bot
 * reading the announcement through the Open API gets what it would from Feishu; reading takes the
 * text runs out of each request and shows any other line as it is.
 */
final class AnnouncementText {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnnouncementText() {}

    /** One legacy-doc request that inserts {@code text} as a paragraph. */
    static String insertRequest(String text) {
        var run = Map.of("type", "textRun", "textRun", Map.of("text", text));
        var paragraph = Map.of("type", "paragraph", "paragraph", Map.of("elements", List.of(run)));
        String payload = JSON.writeValueAsString(Map.of("blocks", List.of(paragraph)));
        return JSON.writeValueAsString(Map.of(
                "requestType",
                "InsertBlocksRequestType",
                "insertBlocksRequest",
                Map.of("payload", payload, "location", Map.of("zoneId", "0", "index", 0, "endOfZone", true))));
    }

    /** The stored content as text: the paragraphs of each request, or the line itself. */
    static String read(String content) {
        if (content == null || content.isEmpty()) {
            return "";
        }
        var out = new ArrayList<String>();
        for (String line : content.split("\n", -1)) {
            out.add(textOf(line));
        }
        return String.join("\n", out);
    }

    private static String textOf(String line) {
        try {
            JsonNode request = JSON.readTree(line);
            String payload = request.path("insertBlocksRequest").path("payload").asText("");
            if (payload.isEmpty()) {
                return line;
            }
            var paragraphs = new ArrayList<String>();
            for (JsonNode block : JSON.readTree(payload).path("blocks")) {
                var text = new StringBuilder();
                for (JsonNode element : block.path("paragraph").path("elements")) {
                    text.append(element.path("textRun").path("text").asText(""));
                }
                paragraphs.add(text.toString());
            }
            return String.join("\n", paragraphs);
        } catch (JacksonException notJson) {
            return line;
        }
    }
}
