package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OAuthScopesTest {
    private static final Set<String> APP = Set.of("im:chat", "im:message", "contact:user.base:readonly");

    @Test
    void askedScopesKeepTheirOrderOnceEach() {
        assertThat(OAuthScopes.asked(" im:message  im:chat im:message ", APP)).containsExactly("im:message", "im:chat");
        assertThat(OAuthScopes.asked(null, APP)).isEmpty();
    }

    @Test
    void scopeTheAppHasNotEnabledIsRefused() {
        var e = catchThrowableOfType(OAuthException.class, () -> OAuthScopes.asked("im:chat drive:drive", APP));
        assertThat(e.code()).isEqualTo(20027);
        assertThat(e.getMessage()).contains("drive:drive");
    }

    @Test
    void offlineAccessNeedsNoAppScope() {
        assertThat(OAuthScopes.asked("offline_access", APP)).containsExactly("offline_access");
    }

    @Test
    void moreThanFiftyScopesAreRefused() {
        var many = IntStream.range(0, 51).mapToObj(i -> "s" + i).toList();
        var e = catchThrowableOfType(
                OAuthException.class, () -> OAuthScopes.asked(String.join(" ", many), Set.copyOf(many)));
        assertThat(e.code()).isEqualTo(20001);
    }

    @Test
    void narrowingKeepsASubsetAndRefusesRepeatsAndStrangers() {
        var granted = List.of("im:chat", "im:message", "offline_access");
        assertThat(OAuthScopes.narrowed(granted, null)).isEqualTo(granted);
        assertThat(OAuthScopes.narrowed(granted, "im:chat")).containsExactly("im:chat");
        assertThat(catchThrowableOfType(OAuthException.class, () -> OAuthScopes.narrowed(granted, "im:chat im:chat"))
                        .code())
                .isEqualTo(20067);
        assertThat(catchThrowableOfType(OAuthException.class, () -> OAuthScopes.narrowed(granted, "drive:drive"))
                        .code())
                .isEqualTo(20068);
    }
}
