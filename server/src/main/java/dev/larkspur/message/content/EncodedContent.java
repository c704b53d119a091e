package dev.larkspur.message.content;

import dev.larkspur.message.Mention;
import java.util.List;

/**
 * A message body after validation: the receive-format content (spec/message.md §4.2) with
 * {@code @_user_N} placeholders, the content as sent (kept for cards), its mentions, and whether it
 * mentions everyone.
 */
public record EncodedContent(String content, String rawContent, List<Mention> mentions, boolean mentionsAll) {}
