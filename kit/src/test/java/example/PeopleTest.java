package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.junit.Delivery;
import dev.larkspur.junit.Larkspur;
import dev.larkspur.junit.LarkspurTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people do in a group reaches its bot as Feishu's events, whether or not a bot is connected. */
@LarkspurTest
class PeopleTest {

    @Test
    void aReactionAndANewMemberAreEventsForTheGroupsBot(Larkspur larkspur) {
        var alice = larkspur.person("alice");
        var carol = larkspur.person("carol");
        String chat = alice.createGroup("Team", "bob");
        String message = alice.send(chat, "hello team");

        String reaction = alice.react(message, "THUMBSUP");
        carol.join(chat);

        List<Delivery> pushed = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> larkspur.deliveries(larkspur.app().appId()),
                        list -> list.stream().anyMatch(d -> d.eventType().equals("im.message.reaction.created_v1"))
                                && list.stream().anyMatch(d -> d.eventType().equals("im.chat.member.user.added_v1")));
        var reacted = pushed.stream()
                .filter(d -> d.eventType().equals("im.message.reaction.created_v1"))
                .findFirst()
                .orElseThrow()
                .body()
                .path("event");
        assertThat(reacted.path("message_id").asString()).isEqualTo(message);
        assertThat(reacted.path("reaction_type").path("emoji_type").asString()).isEqualTo("THUMBSUP");
        assertThat(reaction).isNotBlank();
        var added = pushed.stream()
                .filter(d -> d.eventType().equals("im.chat.member.user.added_v1"))
                .findFirst()
                .orElseThrow()
                .body()
                .path("event");
        assertThat(added.path("chat_id").asString()).isEqualTo(chat);
        assertThat(added.path("users").path(0).path("user_id").path("open_id").asString())
                .isEqualTo(carol.openId());
        assertThat(larkspur.messages(chat)).extracting(m -> m.text()).contains("hello team");
    }
}
