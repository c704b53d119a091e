package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTokensTest {
    private static final PageTokens.Refusal REFUSAL = new PageTokens.Refusal(
            () -> new FeishuException(1, "malformed", 400), () -> new FeishuException(2, "changed", 400));
    private static final long[] START = {0, 0};

    @Test
    void roundTripsAPositionOfTheSameListAndQuery() {
        String token = PageTokens.encode("h", "chat|oc_1", 1700000000000L, -42);

        assertThat(PageTokens.decode(token, "h", "chat|oc_1", START, REFUSAL)).containsExactly(1700000000000L, -42);
    }

    @Test
    void absentOrBlankTokenMeansTheFirstPage() {
        assertThat(PageTokens.decode(null, "h", "", START, REFUSAL)).isSameAs(START);
        assertThat(PageTokens.decode(" ", "h", "", START, REFUSAL)).isSameAs(START);
        assertThat(PageTokens.decodeLong("", "user", 7)).isEqualTo(7);
    }

    @Test
    void tokenOfAnotherQueryIsRefusedAsChanged() {
        String token = PageTokens.encode("h", "chat|oc_1", 1, 2);

        assertThatThrownBy(() -> PageTokens.decode(token, "h", "chat|oc_2", START, REFUSAL))
                .hasMessage("changed");
    }

    @Test
    void tokenOfAnotherListIsRefusedAsMalformed() {
        String token = PageTokens.encode("pin", "q", 1, 2);

        assertThatThrownBy(() -> PageTokens.decode(token, "h", "q", START, REFUSAL))
                .hasMessage("malformed");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "p1:::::",
                "p2:::::",
                "p2:h",
                "p2:h:0",
                "p2:h:0:1",
                "p2:h:0:1:2:3",
                "p2:h:0:x:2",
                "p2:h:0:1:",
                "p2:h:0::2",
                "p2:h:0:99999999999999999999:1",
                ":::",
                "",
                "\u0000",
                "p1:42"
            })
    void craftedTokenIsRefusedAsMalformed(String text) {
        // The empty query hashes to "0", so "p2:h:0:1:2" would be a real token; each of these is not.
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PageTokens.decode(token.isEmpty() ? "AA" : token, "h", "", START, REFUSAL))
                .hasMessage("malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%%", "YWJj", "====", "A", "8J-YgA", "\u0000"})
    void garbageIsRefusedAsMalformed(String token) {
        assertThatThrownBy(() -> PageTokens.decode(token, "h", "", START, REFUSAL))
                .hasMessage("malformed");
    }

    @Test
    void singleNumberListsAnswerFieldValidation() {
        assertThat(PageTokens.decodeLong(PageTokens.encode("user", 42), "user", 0))
                .isEqualTo(42);
        assertThatThrownBy(() -> PageTokens.decodeLong("YWJj", "user", 0))
                .isInstanceOfSatisfying(
                        FeishuException.class, e -> assertThat(e.code()).isEqualTo(FeishuErrors.FIELD_VALIDATION));
    }
}
