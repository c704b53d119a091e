package dev.larkspur.web.chats;

import dev.larkspur.message.Emojis;
import java.util.List;
import org.springframework.stereotype.Component;

/** The reaction picker's choices (spec/message.md §7), for the page's one picker: {@code @emojiPicker}. */
@Component("emojiPicker")
public class EmojiPicker {
    private static final List<Choice> CHOICES =
            Emojis.all().stream().map(e -> new Choice(e, RowDetails.glyph(e))).toList();

    /** An emoji_type and what stands for it on the page. */
    public record Choice(String emojiType, String glyph) {}

    public List<Choice> choices() {
        return CHOICES;
    }
}
