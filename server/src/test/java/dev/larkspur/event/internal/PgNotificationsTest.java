package dev.larkspur.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.event.internal.PgNotifications.Work;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an instance wakes on another's NOTIFY: only the loops that have work, and nothing on its own. */
class PgNotificationsTest {
    private static final Set<String> BOTH = Set.of("callback", "websocket");

    @Test
    void anotherInstancesWordWakesOnlyTheWorkItNames() {
        assertThat(Work.read("other events", "me")).isEqualTo(new Work(true, Set.of()));
        assertThat(Work.read("other websocket", "me")).isEqualTo(new Work(false, Set.of("websocket")));
        assertThat(Work.read("other events callback", "me")).isEqualTo(new Work(true, Set.of("callback")));
    }

    @Test
    void itsOwnWordWakesNothing() {
        assertThat(Work.read("me events callback websocket", "me")).isEqualTo(new Work(false, Set.of()));
    }

    @Test
    void aWordItCannotReadWakesEverything() {
        assertThat(Work.read("", "me")).isEqualTo(new Work(true, BOTH));
        assertThat(Work.read(null, "me")).isEqualTo(new Work(true, BOTH));
        assertThat(Work.read("other webhook", "me")).isEqualTo(new Work(true, BOTH));
    }
}
