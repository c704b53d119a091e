package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one registry of event types: names, kinds and scopes that fan-out relies on. */
class EventTypeTest {
    @Test
    void everyWireNameIsUniqueAndFoundAgain() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).doesNotHaveDuplicates();
        for (var type : EventType.values()) {
            assertThat(EventType.of(type.wireName())).contains(type);
        }
    }

    @Test
    void everyTypeForAppsHasScopesOrIsDeclaredScopeFree() {
        for (var type : EventType.values()) {
            if (!type.internal()) {
                assertThat(type.scopes().isEmpty())
                        .as("%s: scopes, or scope-free, not both", type)
                        .isEqualTo(type.scopeFree());
            }
        }
    }

    @Test
    void internalTypesCarryThePrefixTheChatEventQueryFiltersOn() {
        for (var type : EventType.values()) {
            assertThat(type.wireName().startsWith(Outbox.INTERNAL_PREFIX))
                    .as("%s", type)
                    .isEqualTo(type.internal());
            if (type.internal()) {
                assertThat(type.scopes()).isEmpty();
                assertThat(type.scopeFree()).isFalse();
            }
        }
    }

    @Test
    void unknownNamesAreNoType() {
        assertThat(EventType.of("im.message.unknown_v1")).isEmpty();
    }

    @Test
    void appsSubscribeToOutboxTypesInTheConsolesOrder() {
        assertThat(EventType.SUBSCRIBABLE)
                .startsWith("im.message.receive_v1", "im.message.message_read_v1")
                .endsWith("im.chat.access_event.bot_p2p_chat_entered_v1", "p2p_chat_create")
                .doesNotContain("card.action.trigger", EventType.MESSAGE_CHANGED.wireName())
                .hasSize(14);
    }
}
