package dev.larkspur.message.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.message.Message;
import dev.larkspur.platform.FeishuException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules of which messages a merge forward takes (spec/message.md §3.7), without a server. */
class MergeSelectionTest {
    private static final long CHAT = 1;

    private static Message message(long pk, long chatPk, String rootId, String threadId, String msgType) {
        return new Message(
                pk,
                "om_" + pk,
                chatPk,
                "oc_" + chatPk,
                "group",
                1,
                rootId,
                rootId,
                threadId,
                null,
                null,
                7L,
                msgType,
                "{}",
                null,
                List.of(),
                false,
                false,
                0,
                1000 - pk,
                1000 - pk);
    }

    private static Message plain(long pk) {
        return message(pk, CHAT, null, null, "text");
    }

    private static MergeSelection select(Message... messages) {
        Map<String, Message> found =
                Stream.of(messages).collect(Collectors.toMap(Message::messageId, Function.identity()));
        return MergeSelection.of(Stream.of(messages).map(Message::messageId).toList(), found, m -> true);
    }

    private static int code(MergeSelection selection) {
        FeishuException refusal = selection.refusal();
        return refusal == null ? 0 : refusal.code();
    }

    @Test
    void validMessagesAreMergedOldestFirst() {
        var selection = select(plain(1), plain(2));

        assertThat(selection.valid()).extracting(Message::pk).containsExactly(2L, 1L);
        assertThat(code(selection)).isZero();
    }

    @Test
    void aThreadsRootMayComeWithItsReplies() {
        var root = message(1, CHAT, null, "omt_a", "text");
        var reply = message(2, CHAT, "om_1", "omt_a", "text");

        assertThat(code(select(root, reply))).isZero();
    }

    @Test
    void repliesOfTwoThreadsAreRefused() {
        var one = message(1, CHAT, "om_9", "omt_a", "text");
        var two = message(2, CHAT, "om_8", "omt_b", "text");

        assertThat(code(select(one, two))).isEqualTo(230067);
    }

    @Test
    void systemMessagesAndSubMessagesAreLeftOut() {
        var system = message(1, CHAT, null, null, "system");
        var sub = new Message(
                2, "om_2", CHAT, "oc_1", "group", 1, null, null, null, "om_9", null, 7L, "text", "{}", null, List.of(),
                false, false, 0, 1, 1);

        var selection = select(plain(3), system, sub);

        assertThat(selection.invalid()).containsExactly("om_1", "om_2");
        assertThat(code(selection)).isZero();
    }

    @Test
    void unreadableMessagesAreLeftOutAsInvalid() {
        var selection = MergeSelection.of(List.of("om_1"), Map.of("om_1", plain(1)), m -> false);

        assertThat(selection.invalid()).containsExactly("om_1");
        assertThat(code(selection)).isEqualTo(230064);
    }
}
