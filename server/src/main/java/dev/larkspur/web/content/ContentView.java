package dev.larkspur.web.content;

import dev.larkspur.web.content.ContentContext.MergedMessage;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A message's content ready for the page: one record per kind Feishu draws differently.
 * {@link #kind()} names the branch of {@code web/fragments/content.html} that draws it, and
 * {@link #preview()} is the one-line plain text the chat list shows ("[Image]", "[File] a.pdf").
 */
public sealed interface ContentView
        permits ContentView.Text,
                ContentView.Post,
                ContentView.Image,
                ContentView.File,
                ContentView.Audio,
                ContentView.Media,
                ContentView.Sticker,
                ContentView.ShareChat,
                ContentView.ShareUser,
                ContentView.SystemNote,
                ContentView.MergeForward,
                ContentView.Recalled,
                ContentView.Other,
                CardView {
    String kind();

    String preview();

    record Text(List<Piece> pieces) implements ContentView {
        public String kind() {
            return "text";
        }

        public String preview() {
            return oneLine(pieces.stream().map(Piece::plain).collect(Collectors.joining()));
        }
    }

    /** Rich text: a title and paragraphs of pieces. */
    record Post(String title, List<List<Piece>> paragraphs) implements ContentView {
        public String kind() {
            return "post";
        }

        public String preview() {
            if (!title.isBlank()) {
                return oneLine(title);
            }
            return oneLine(paragraphs.stream()
                    .map(p -> p.stream().map(Piece::plain).collect(Collectors.joining()))
                    .collect(Collectors.joining(" ")));
        }
    }

    record Image(String url) implements ContentView {
        public String kind() {
            return "image";
        }

        public String preview() {
            return "[Image]";
        }
    }

    /** {@code size} is a readable size ("1.2 MB"), or null when unknown. */
    record File(String name, String size, String url) implements ContentView {
        public String kind() {
            return "file";
        }

        public String preview() {
            return "[File] " + name;
        }
    }

    /** {@code duration} as m:ss. */
    record Audio(String url, String duration) implements ContentView {
        public String kind() {
            return "audio";
        }

        public String preview() {
            return "[Audio] " + duration;
        }
    }

    /** A video with its name, duration (m:ss), and cover URL (null without a cover). */
    record Media(String name, String url, String coverUrl, String duration, String size) implements ContentView {
        public String kind() {
            return "media";
        }

        public String preview() {
            return "[Video] " + name;
        }
    }

    record Sticker(String url) implements ContentView {
        public String kind() {
            return "sticker";
        }

        public String preview() {
            return "[Sticker]";
        }
    }

    /** A group card; {@code name} falls back to the chat id when the chat is not known. */
    record ShareChat(String chatId, String name, String description) implements ContentView {
        public String kind() {
            return "share_chat";
        }

        public String preview() {
            return "[Group card] " + name;
        }
    }

    record ShareUser(String userId, String name) implements ContentView {
        public String kind() {
            return "share_user";
        }

        public String preview() {
            return "[Contact card] " + name;
        }
    }

    /** A system message ("alice invited bob to this chat.") or a divider ({@code divider}). */
    record SystemNote(String text, boolean divider) implements ContentView {
        public String kind() {
            return "system";
        }

        public String preview() {
            return oneLine(text);
        }
    }

    record MergeForward(List<MergedMessage> messages) implements ContentView {
        public String kind() {
            return "merge_forward";
        }

        public String preview() {
            return "[Chat history]";
        }
    }

    record Recalled() implements ContentView {
        public String kind() {
            return "recalled";
        }

        public String preview() {
            return "This message was recalled";
        }
    }

    /** A kind the client does not draw (location, vote, …), or content it could not read. */
    record Other(String msgType, String summary) implements ContentView {
        public String kind() {
            return "other";
        }

        public String preview() {
            return summary;
        }
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 119) + "…" : flat;
    }
}
